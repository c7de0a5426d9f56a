"""Bug (cost): a briefing read its period's current findings (queries.CURRENT_IN_PERIOD: each document's PERIOD_DAY
and latest flagging, ~10-15 ms of CPU a read, nearly all DuckDB planning) six times: for its findings, for the trend's
weeks, again for the baseline's weeks (days the trend's already span), again for the Q&A turns its findings are in
(findings it had just read), for the earlier mentions and for its news items' flags. Now the trend and the baseline
are added up from one read of their days' mentions (queries.daily_mentions, weeks_of) and the turns are looked up
from the findings read: four reads, the same briefing."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from watchdesk.agents.briefing.agent import BriefingRequest, gather
from watchdesk.agents.briefing.model import WeekPoint
from watchdesk.agents.briefing.period import Period, iso_week, week_starts
from watchdesk.store import queries
from watchdesk.store.store import Store

TICKERS, TOPICS = ["NVDA", "TSM", "ASML"], ["inventory", "supply_chain", "geopolitical"]
PERIOD_READ = "pd AS ("  # CURRENT_IN_PERIOD's first table: the period's documents


def _request(period: Period, tmp_path: Path) -> BriefingRequest:
    return BriefingRequest(run_id="r", watchlist_name="demo", tickers=TICKERS, topics=TOPICS, period=period,
                           out_dir=tmp_path)  # fmt: skip


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SQL of each statement a Store runs from here on."""
    said: list[str] = []
    opened = Store.statements

    class Said:
        def __init__(self, con: Any) -> None:
            self.con = con

        def execute(self, sql: str, *params: Any) -> Any:
            said.append(sql)
            return self.con.execute(sql, *params)

        def __getattr__(self, name: str) -> Any:
            return getattr(self.con, name)

    @contextlib.contextmanager
    def statements(store: Store) -> Iterator[Any]:
        with opened(store) as con:
            yield Said(con)

    monkeypatch.setattr(Store, "statements", statements)
    return said


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_weeks_briefing_reads_its_periods_findings_four_times(
    demo_store: Callable[[Path], Path], tmp_path: Path, statements: list[str]
) -> None:
    with Store.open(str(demo_store(tmp_path)), read_only=True) as store:
        statements.clear()
        data = gather(store, _request(iso_week("2026-W29"), tmp_path))
    assert sum(PERIOD_READ in sql for sql in statements) == 4  # 6 before
    assert data.findings and any(f.relayed for f in data.findings)  # the turns were read: a question passed on


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
@pytest.mark.parametrize("week", ["2026-W29", "2026-W30", "2025-W09"])
def test_the_trend_and_its_baseline_are_the_weeks_each_span_counts(
    demo_store: Callable[[Path], Path], tmp_path: Path, week: str
) -> None:
    """What the one read of their days gives each is what a read of its own span gives (weekly_mentions)."""
    period = iso_week(week)
    chart, baseline = week_starts(period.end, period.chart_weeks)[0], period.previous_weeks(period.baseline_weeks)
    with Store.open(str(demo_store(tmp_path)), read_only=True) as store:
        data = gather(store, _request(period, tmp_path))
        history = queries.weekly_mentions(store, tickers=TICKERS, topics=TOPICS, start=chart, end=period.end)
        before = queries.weekly_mentions(store, tickers=TICKERS, topics=TOPICS, start=baseline.start,
                                         end=baseline.end, by_kind=True)  # fmt: skip
    assert data.history == [WeekPoint(**w) for w in history] and history
    by_kind = sorted(before, key=lambda w: (w["week"], w["ticker"], w["topic"], w["kind"]))  # kinds in any order before
    assert data.before == [WeekPoint(**w) for w in by_kind]


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_no_statement_of_a_briefing_reads_its_documents_days_twice(
    demo_store: Callable[[Path], Path], tmp_path: Path, statements: list[str]
) -> None:
    """The news part read the period's documents by CURRENT_IN_PERIOD's `pd` and again by IN_PERIOD, each working out
    every document's PERIOD_DAY (LATE_DAYS_OF, ~3 ms of CPU planned and run): now by `pd` alone, the same items."""
    with Store.open(str(demo_store(tmp_path)), read_only=True) as store:
        statements.clear()
        data = gather(store, _request(iso_week("2026-W10"), tmp_path))  # the demo's NVDA news week
    assert max(sql.count(queries.LATE_DAYS_OF) for sql in statements) == 1
    assert len(data.extras["news"]) == 7
