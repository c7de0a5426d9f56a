"""A code review (session 26): redaction learnt to take session ids out of a URL's path (`;jsessionid=`) and keys out
of an address written without its scheme, but only rows written since were redacted: a store's older runs, gaps,
audit rows and delivery errors kept them in clear. Migration 023 passes them through today's redaction again, and a
run whose stored watchlist changed takes the hash of its new text (its fingerprint, as migration 022 keeps it)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb

from tests.regression.test_a_short_secret_cannot_be_read_back import PIN
from tests.regression.test_a_short_secret_cannot_be_read_back import WATCHLIST as SHORT_SECRET
from tests.unit.test_store_reader import old_store
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.store.store import Store

SESSION = "ABC123SECRET"
WATCHLIST = SHORT_SECRET.replace(f"q3-call.html?pin={PIN}", f"q3/call.html;jsessionid={SESSION}")


def test_rows_stored_before_lose_the_secrets_redaction_now_finds(tmp_path: Path) -> None:
    path, watchlist = old_store(tmp_path / "old.duckdb", upto=22), parse_watchlist(WATCHLIST)
    url = f"https://ir.example.com/q3/call.html;jsessionid={SESSION}"
    with duckdb.connect(str(path)) as con:  # as a watchdesk before it redacted them
        con.execute("INSERT INTO runs (run_id, watchlist, watchlist_hash, watchlist_json, plan, mode, status, error, "
                    "started_at) VALUES ('r1', 'sessions', 'oldhash', ?, ?, 'live', 'failed', ?, ?)",
                    [watchlist.model_dump_json(), f'[{{"target": "{url}"}}]', f"{url}: 503",
                     datetime(2026, 11, 30, tzinfo=UTC)])  # fmt: skip
        con.execute("INSERT INTO gaps (gap_id, run_id, ticker, agent, target, reason, tried, created_at) VALUES "
                    "('g1', 'r1', 'NVDA', 'transcripts', ?, ?, [?], now())", [url, f"{url}: 503", url])  # fmt: skip
        con.execute("INSERT INTO actions (action_id, run_id, agent, action, target, host, attempt, outcome, \"at\") "
                    "VALUES ('a1', 'r1', 'transcripts', 'fetch', ?, 'ir.example.com', 1, 'error', now())", [url])
    with Store.open(path) as store:
        rows = [str(v) for r in store.query("SELECT watchlist_json, plan, error FROM runs") for v in r]
        rows += [str(v) for r in store.query("SELECT target, reason, tried FROM gaps") for v in r]
        rows += [str(v) for (v,) in store.query("SELECT target FROM actions")]
        ((digest,),) = store.query("SELECT watchlist_hash FROM runs")
    assert [r for r in rows if SESSION in r] == []
    assert all("REDACTED" in r for r in rows), rows
    assert digest == watchlist.fingerprint()
