"""A security review (session 23): the database kept, beside a run's watchlist with its URLs' secrets redacted, a
hash of the same watchlist with the secrets as written (runs.watchlist_hash, 12 hex digits of SHA-256). Putting
candidates in place of "REDACTED" and hashing gave a short secret back: a 4-digit ?pin= in a transcript source's
URL in at most 10,000 tries, a dictionary password in user:pass@ as fast. The fingerprint is now taken of the
watchlist as stored (secrets redacted): a rotated secret is the same watchlist, as `approve` already reads it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.sources.redact import REDACTED

PIN = "4821"
WATCHLIST = f"""
name = "short secret"
[[tickers]]
symbol = "NVDA"
sources = ["transcripts"]
[[tickers.transcripts]]
kind = "url"
url = "https://ir.example.com/q3-call.html?pin={PIN}"
[policy]
allowed_domains = ["sec.gov", "example.com"]
approval = "always"
"""


def test_the_stored_hash_gives_no_short_secret_back(tmp_path: Path) -> None:
    wl, db = tmp_path / "w.toml", tmp_path / "s.duckdb"
    wl.write_text(WATCHLIST)
    args = ["run", str(wl), "--replay", str(demo_pack()), "--db", str(db), "--out", str(tmp_path / "out")]
    result = CliRunner(env={"WATCHDESK_REPLAY": None, "WATCHDESK_SEC_IDENTITY": None}).invoke(cli, args)
    assert result.exit_code == 0 and "awaiting approval" in result.output, result.output
    con = duckdb.connect(str(db), read_only=True)
    stored, digest = con.execute("SELECT watchlist_json, watchlist_hash FROM runs").fetchone() or ("", "")
    con.close()
    assert PIN not in stored and f"pin={REDACTED}" in stored
    found = [
        pin
        for pin in (f"{n:04d}" for n in range(10_000))
        if hashlib.sha256(stored.replace(REDACTED, pin).encode()).hexdigest()[:12] == digest
    ]
    assert found == []


def test_a_store_written_before_loses_the_hash_that_gives_it_back(tmp_path: Path) -> None:
    """Migration 022: a run stored before keeps no hash of its secrets; one without a secret keeps its own."""
    from datetime import UTC, datetime

    from tests.unit.test_store_reader import old_store
    from watchdesk.graph.watchlist import parse_watchlist
    from watchdesk.store.store import Store

    path, watchlist = old_store(tmp_path / "old.duckdb", upto=20), parse_watchlist(WATCHLIST)
    plain = parse_watchlist(WATCHLIST.replace(f"?pin={PIN}", ""))
    with duckdb.connect(str(path)) as con:  # as a watchdesk before it wrote them
        for run_id, kept in (("r1", watchlist), ("r2", plain)):
            con.execute(
                "INSERT INTO runs (run_id, watchlist, watchlist_hash, watchlist_json, mode, status, started_at) "
                "VALUES (?, ?, ?, ?, 'live', 'done', ?)",
                [run_id, kept.name, hashlib.sha256(kept.model_dump_json().encode()).hexdigest()[:12],
                 kept.redacted().model_dump_json(), datetime(2026, 11, 30, tzinfo=UTC)],
            )  # fmt: skip
    with Store.open(path) as store:
        hashes = dict(store.query("SELECT run_id, watchlist_hash FROM runs"))
    assert hashes == {"r1": watchlist.fingerprint(), "r2": plain.fingerprint()}
