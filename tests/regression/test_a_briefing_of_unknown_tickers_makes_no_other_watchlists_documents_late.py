"""A briefing whose tickers were not known (stored before migration 026 and its run row gone) closed its period for
every ticker (session 40 left it, 84bb1b5): in a store kept by two watchlists, semis' briefing of a week made cars'
TSLA 10-Q, dated in that week and stored after it, late: it counted in the next week, though no briefing of cars had
lacked it. Now such a briefing takes the tickers of the nearest run of its watchlist (by name, migration 027), and one
still unknown holds no ticker, so it makes no document late (store/queries.py LATE_DAYS_OF)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from watchdesk.store import queries
from watchdesk.store.records import DocumentRecord
from watchdesk.store.store import Store

WEEK, NEXT = (date(2026, 3, 9), date(2026, 3, 15)), (date(2026, 3, 16), date(2026, 3, 22))


def _stored(store: Store, ticker: str) -> str:
    """A 10-Q of the ticker dated Thursday of WEEK, first stored the Monday after."""
    doc = DocumentRecord(url=f"https://www.sec.gov/Archives/{ticker}.htm", source="edgar", text="Inventory rose.",
                         form="10-Q", fetched_at=datetime(2026, 3, 16, 7, tzinfo=UTC), ticker=ticker,
                         filed_at=date(2026, 3, 12))  # fmt: skip
    store.upsert_document(doc)
    return doc.doc_id


def _briefed_by_a_gone_run(con: duckdb.DuckDBPyConnection) -> None:
    """semis' briefing of WEEK, closed on its Sunday, as migration 026 left it when its run's row was gone."""
    con.execute("INSERT INTO briefings (briefing_id, run_id, watchlist, period_start, period_end, content_md, "
                "n_findings, n_gaps, created_at, tickers, closed_at) VALUES ('b', 'gone', 'semis', ?, ?, '', 0, 0, "
                "TIMESTAMP '2026-03-15 07:00', NULL, TIMESTAMP '2026-03-15 07:00')", list(WEEK))  # fmt: skip


def _weeks(store: Store, ticker: str) -> list[int]:
    return [len(queries.period_documents(store, tickers=[ticker], start=s, end=e)) for s, e in (WEEK, NEXT)]


def test_a_briefing_of_unknown_tickers_makes_nothing_late() -> None:
    with Store.open(":memory:") as store:
        _briefed_by_a_gone_run(store.con)
        _stored(store, "TSLA")
        _stored(store, "NVDA")
        assert (_weeks(store, "TSLA"), _weeks(store, "NVDA")) == ([1, 0], [1, 0])


def test_a_briefing_whose_run_is_gone_takes_its_watchlists_tickers(tmp_path: Path) -> None:
    """Migration 027 on a store 026 left: semis' later run names NVDA, so semis' briefing of WEEK lacked NVDA's 10-Q
    (late: in the next week), and not TSLA's, which counts in its own week."""
    db = tmp_path / "two.duckdb"
    with Store.open(str(db)) as store:
        _stored(store, "TSLA")
        _stored(store, "NVDA")
    with duckdb.connect(str(db)) as con:  # as watchdesk before migration 027 left it
        con.execute("DELETE FROM schema_migrations WHERE version = 27")
        _briefed_by_a_gone_run(con)
        for run, name, ticker in (("r-semis", "semis", "NVDA"), ("r-cars", "cars", "TSLA")):
            con.execute("INSERT INTO runs (run_id, watchlist, watchlist_hash, watchlist_json, mode, status, "
                        "started_at) VALUES (?, ?, 'h', ?, 'live', 'done', TIMESTAMP '2026-03-16 07:00')",
                        [run, name, f'{{"name": "{name}", "tickers": [{{"symbol": "{ticker}"}}]}}'])  # fmt: skip
    with Store.open(str(db)) as store:
        assert store.query("SELECT tickers FROM briefings") == [(["NVDA"],)]
        assert (_weeks(store, "TSLA"), _weeks(store, "NVDA")) == ([1, 0], [0, 1])
