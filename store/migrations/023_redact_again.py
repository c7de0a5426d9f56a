"""Redaction learnt more after rows were stored (session ids in a URL's path, `;jsessionid=`, `PHPSESSID`, keys in an
address written without its scheme): rows stored before keep those in clear. The run, gap, audit and delivery rows
pass through today's redaction again, as migration 013 did for the rows before 012; a run whose stored watchlist
changed takes the hash of its new text (as Watchlist.fingerprint hashes the watchlist redacted, migration 022).
Documents keep their source links: a news link is cleaned of such parameters when it is stored (canonical_url)."""

from __future__ import annotations

import hashlib

import duckdb

from watchdesk.sources.redact import redact_json_text, redact_text


def _text(value: str | None) -> str | None:
    return redact_text(value) if value else value


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    for run_id, *kept in con.execute("SELECT run_id, watchlist_json, plan, error FROM runs").fetchall():
        watchlist, plan, error = kept
        redacted = [redact_json_text(watchlist), redact_json_text(plan), _text(error)]
        if redacted != kept:
            digest = hashlib.sha256(str(redacted[0]).encode()).hexdigest()[:12]
            con.execute("UPDATE runs SET watchlist_json = ?, plan = ?, error = ?, watchlist_hash = CASE WHEN ? <> ? "
                        "THEN ? ELSE watchlist_hash END WHERE run_id = ?",
                        [*redacted, redacted[0], watchlist, digest, run_id])  # fmt: skip
    for gap_id, *kept in con.execute("SELECT gap_id, target, reason, tried FROM gaps").fetchall():
        target, reason, tried = kept
        again: list[object] = [_text(target), _text(reason), [redact_text(t) for t in tried] if tried else tried]
        if again != kept:
            con.execute("UPDATE gaps SET target = ?, reason = ?, tried = ? WHERE gap_id = ?", [*again, gap_id])
    for action_id, *kept in con.execute("SELECT action_id, target, detail FROM actions").fetchall():
        redacted = [_text(v) for v in kept]
        if redacted != kept:
            con.execute("UPDATE actions SET target = ?, detail = ? WHERE action_id = ?", [*redacted, action_id])
    delivered = con.execute("SELECT delivery_id, error FROM deliveries WHERE error IS NOT NULL").fetchall()
    for delivery_id, error in delivered:
        if (said := _text(error)) != error:
            con.execute("UPDATE deliveries SET error = ? WHERE delivery_id = ?", [said, delivery_id])
