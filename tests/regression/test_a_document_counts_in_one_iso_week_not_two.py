"""A document counted in two ISO weeks (session 40's task; measured by delivery8): a document dated before a period and
first stored during it counted in it as late, and in its own week by its date too. With Monday runs, TSMC's call of
2026-07-16 (Thursday of 2026-W29) fetched on Monday 2026-07-20 was listed, its 52 findings, by `findings --week
2026-W29` and by `--week 2026-W30`, and sums over weeks counted it twice. Now a document is late only when a briefing
of its date was closed (written on or after its period's last day) before it was first stored: it then counts from
the day after that period, and not by its date; otherwise by its date alone (store/queries.py: PERIOD_DAY)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from tests.regression.demo_briefs import brief_md
from watchdesk.agents.briefing.period import iso_week
from watchdesk.store import explore, queries
from watchdesk.store.store import Store

CALL = "TSM call of 2026-07-16"
FETCHED = "2026-07-20 07:00"  # Monday of 2026-W30
LATE = "(late: first stored 2026-07-20)"


def _fetched_on_monday(db: Path, *, w29_closed: str) -> None:
    """The call first stored on the Monday after its week, and 2026-W29's briefing closed at `w29_closed` (UTC)."""
    with duckdb.connect(str(db)) as con:
        (moved,) = con.execute("UPDATE documents SET first_stored_at = CAST(? AS TIMESTAMP) WHERE ticker = 'TSM' AND "
                               "source = 'transcript' AND filed_at = DATE '2026-07-16'", [FETCHED]).fetchone() or (0,)
        assert moved == 1, CALL
        (closed,) = con.execute("UPDATE briefings SET closed_at = CAST(? AS TIMESTAMP) WHERE period_start = "
                                "DATE '2026-07-13' AND period_end = DATE '2026-07-19'", [w29_closed]).fetchone() or (0,)
        assert closed == 1


def _calls(db: Path, week: str) -> int:
    """The call's findings `findings --week` lists (explore.findings, week=)."""
    return sum(r["ticker"] == "TSM" and r["document"] == "earnings call"
               for r in explore.findings(db, week=week))  # fmt: skip


@pytest.fixture
def briefed_before(demo_store: Callable[[Path], Path], tmp_path: Path) -> Path:
    """The demo's store where 2026-W29 was briefed on its Sunday, the day before the Monday run fetched the call."""
    db = demo_store(tmp_path)
    brief_md(db, tmp_path / "w29", "--week", "2026-W29")
    _fetched_on_monday(db, w29_closed="2026-07-19 06:00")
    return db


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_call_fetched_after_its_weeks_briefing_counts_in_the_next_week_only(briefed_before: Path,
                                                                            tmp_path: Path) -> None:  # fmt: skip
    assert (_calls(briefed_before, "2026-W29"), _calls(briefed_before, "2026-W30")) == (0, 52)
    w30 = brief_md(briefed_before, tmp_path / "w30", "--week", "2026-W30")
    assert f"earnings call, held 2026-07-16 {LATE}" in w30
    # 2026-W29 briefed again since: the call still counts in W30 alone (the first close decides, so a briefing written
    # again never moves what the one before it counted)
    w29 = brief_md(briefed_before, tmp_path / "w29-again", "--week", "2026-W29")
    assert "held 2026-07-16" not in w29
    assert (_calls(briefed_before, "2026-W29"), _calls(briefed_before, "2026-W30")) == (0, 52)


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
@pytest.mark.parametrize("closed", ["2026-07-20 09:00", "2026-07-21 06:00"])
def test_a_call_fetched_before_its_weeks_briefing_counts_in_its_own_week_only(
    demo_store: Callable[[Path], Path], tmp_path: Path, closed: str
) -> None:
    """W29's briefing written after the fetch (later that Monday, or on Tuesday): the call was in it."""
    db = demo_store(tmp_path)
    brief_md(db, tmp_path / "w29", "--week", "2026-W29")
    _fetched_on_monday(db, w29_closed=closed)
    assert (_calls(db, "2026-W29"), _calls(db, "2026-W30")) == (52, 0)
    assert LATE not in brief_md(db, tmp_path / "w30", "--week", "2026-W30")


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_with_no_briefing_of_its_week_the_call_counts_by_its_date(demo_store: Callable[[Path], Path],
                                                                  tmp_path: Path) -> None:  # fmt: skip
    """delivery8's measurement: the call first stored on 2026-07-20, no briefing of W29 written (52 and 52 before)."""
    db = demo_store(tmp_path)
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE documents SET first_stored_at = CAST(? AS TIMESTAMP) WHERE ticker = 'TSM' AND "
                    "source = 'transcript' AND filed_at = DATE '2026-07-16'", [FETCHED])  # fmt: skip
    assert (_calls(db, "2026-W29"), _calls(db, "2026-W30")) == (52, 0)


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_weeks_counts_add_up_to_the_count_of_their_span(briefed_before: Path) -> None:
    """Each document in one week: what the weeks of 2026 count, added up, is what their whole span counts."""
    weeks = [iso_week(f"2026-W{n:02d}") for n in range(1, 37)]
    span = {"start": weeks[0].start, "end": weeks[-1].end}
    asked = {"tickers": ["NVDA", "TSM", "ASML"], "topics": ["inventory", "supply_chain", "geopolitical"]}
    with Store.open(str(briefed_before), read_only=True) as store:
        by_week = [queries.period_findings(store, **asked, start=w.start, end=w.end) for w in weeks]
        docs_by_week = [queries.period_documents(store, tickers=asked["tickers"], start=w.start, end=w.end)
                        for w in weeks]  # fmt: skip
        whole = queries.period_findings(store, **asked, **span)
        docs = queries.period_documents(store, tickers=asked["tickers"], **span)
    assert sum(map(len, by_week)) == len(whole) > 52
    assert sorted(d["doc_id"] for week in docs_by_week for d in week) == sorted(d["doc_id"] for d in docs)
    listed = sum(len(explore.findings(briefed_before, start=w.start, end=w.end, as_briefed=True)) for w in weeks)
    assert listed == len(explore.findings(briefed_before, **span, as_briefed=True))
    assert weeks[-1].end - weeks[0].start == timedelta(days=36 * 7 - 1) and weeks[0].start == date(2025, 12, 29)


def test_briefings_of_before_are_read_by_their_runs_tickers_and_last_day_written(tmp_path: Path) -> None:
    """Migrations 026 and 028 on a store written before them: a briefing's tickers are its run's; one last written on
    or after its period's end closed it that day (the first such write was not recorded), at the time it was written
    (028: the first close was at or before it), one written before did not."""
    db = tmp_path / "old.duckdb"
    Store.open(str(db)).close()
    with duckdb.connect(str(db)) as con:  # as a watchdesk before migration 026 left it
        con.execute("ALTER TABLE briefings DROP COLUMN closed_at; ALTER TABLE briefings DROP COLUMN tickers; "
                    "DELETE FROM schema_migrations WHERE version IN (26, 28)")  # fmt: skip
        con.execute("INSERT INTO runs (run_id, watchlist, watchlist_hash, watchlist_json, mode, status, started_at) "
                    """VALUES ('r1', 'w', 'h', '{"name": "w", "tickers": [{"symbol": "NVDA"}, {"symbol": "TSM"}]}', """
                    "'live', 'done', TIMESTAMP '2026-07-20 06:00')")  # fmt: skip
        for briefing, run, written in (("b1", "r1", "2026-07-20 06:05"), ("b2", "r1", "2026-07-17 06:05"),
                                       ("b3", "gone", "2026-07-21 06:05")):  # fmt: skip
            con.execute("INSERT INTO briefings (briefing_id, run_id, period_start, period_end, content_md, n_findings, "
                        "n_gaps, created_at) VALUES (?, ?, DATE '2026-07-13', DATE '2026-07-19', '', 0, 0, "
                        "CAST(? AS TIMESTAMP))", [briefing, run, written])  # fmt: skip
    with Store.open(str(db)) as store:
        rows = store.query("SELECT briefing_id, tickers, closed_at FROM briefings ORDER BY 1")
    assert rows == [("b1", ["NVDA", "TSM"], datetime(2026, 7, 20, 6, 5)), ("b2", ["NVDA", "TSM"], None),
                    ("b3", None, datetime(2026, 7, 21, 6, 5))]  # fmt: skip
