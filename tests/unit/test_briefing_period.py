"""Briefing periods: ISO weeks, the cadence's span, and which stored documents are new in a period."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from watchdesk.agents.briefing.agent import BriefingRequest, gather
from watchdesk.agents.briefing.period import Period, iso_week, period_ending, week_starts
from watchdesk.graph.planner import briefing_period
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.errors import ConfigError
from watchdesk.store import queries
from watchdesk.store.records import DocumentRecord
from watchdesk.store.store import Store


def test_iso_week_is_monday_to_sunday() -> None:
    assert iso_week("2025-W35") == Period(date(2025, 8, 25), date(2025, 8, 31))
    assert iso_week("2025-W35").label == "2025-W35"
    assert iso_week("2026W1") == Period(date(2025, 12, 29), date(2026, 1, 4))
    for bad in ("2025-35", "2025-W54", "week 3"):
        with pytest.raises(ConfigError):
            iso_week(bad)


def test_the_trend_baseline_is_the_rest_of_twelve_weeks_or_eleven() -> None:
    def weeks(start: date, end: date) -> int:
        return Period(start, end).baseline_weeks

    assert weeks(date(2025, 8, 25), date(2025, 8, 31)) == 11  # a week, as the charts' twelve
    assert weeks(date(2025, 8, 22), date(2025, 8, 31)) == 10  # ten days take two weeks
    assert weeks(date(2025, 6, 9), date(2025, 8, 24)) == 1  # eleven weeks
    assert weeks(date(2025, 6, 2), date(2025, 8, 24)) == 11  # twelve: the window holds no week before
    assert weeks(date(2024, 5, 1), date(2026, 9, 1)) == 11  # the demo's period
    week = Period(date(2025, 8, 25), date(2025, 8, 31))
    assert week.previous_weeks(11) == Period(date(2025, 6, 9), date(2025, 8, 24))


def test_period_ends_at_the_as_of_date_by_cadence() -> None:
    assert period_ending(date(2025, 8, 31), cadence="weekly") == iso_week("2025-W35")
    assert period_ending(date(2025, 9, 1), cadence="daily") == Period(date(2025, 9, 1), date(2025, 9, 1))
    assert week_starts(date(2025, 8, 31), 3) == [date(2025, 8, 11), date(2025, 8, 18), date(2025, 8, 25)]


def test_after_missed_runs_the_next_period_reaches_back_once() -> None:
    wl = parse_watchlist('[[tickers]]\nsymbol = "NVDA"\n[schedule]\ncadence = "weekly"\n')
    sunday = date(2025, 9, 14)
    assert briefing_period(wl, as_of=sunday, briefed_until=date(2025, 9, 7)) == iso_week("2025-W37")
    # Two weeks missed (last briefed through Aug 24): one briefing covers Aug 25 to Sep 14.
    assert briefing_period(wl, as_of=sunday, briefed_until=date(2025, 8, 24)) == Period(date(2025, 8, 25), sunday)
    # Months away: only the cadence's period, not a briefing of half a year.
    assert briefing_period(wl, as_of=sunday, briefed_until=date(2025, 1, 5)) == iso_week("2025-W37")


def _doc(url: str, *, filed: date | None, stored: datetime, run: str) -> DocumentRecord:
    return DocumentRecord(url=url, source="transcript" if filed is None else "edgar", text="Inventory rose.",
                          fetched_at=stored, ticker="NVDA", filed_at=filed, run_id=run,
                          form="transcript" if filed is None else "10-Q")  # fmt: skip


def _request(period: Period, run: str, tmp: Path) -> BriefingRequest:
    return BriefingRequest(run_id=run, watchlist_name="w", tickers=["NVDA"], topics=["inventory"], period=period,
                           out_dir=tmp)  # fmt: skip


def test_an_undated_call_stays_in_the_period_of_its_first_storage(tmp_path: Path) -> None:
    call = _doc("transcript:NVDA:-:abc", filed=None, stored=datetime(2025, 9, 3, 8, tzinfo=UTC), run="run-1")
    with Store.open(":memory:") as store:
        store.upsert_document(call)
        # A later run stores the same call again (a re-parse): its first storage must not move.
        store.upsert_document(_doc(call.url, filed=None, stored=datetime(2025, 9, 17, tzinfo=UTC), run="run-3"))
        for run, week, expected in (("run-2", "2025-W36", [call.doc_id]), ("run-3", "2025-W38", [])):
            data = gather(store, _request(iso_week(week), run, tmp_path))
            assert [d.doc_id for d in data.documents] == expected, week
        row = queries.period_documents(store, tickers=["NVDA"], start=date(2025, 9, 1), end=date(2025, 9, 7))[0]
    assert row["dated_by_storage"] is True and row["filed_at"] == date(2025, 9, 3)


def test_a_filing_dated_outside_the_period_is_never_new(tmp_path: Path) -> None:
    """Fetched by this very run, but filed months before (or after) the period: not new this week."""
    with Store.open(":memory:") as store:
        old = _doc("https://www.sec.gov/a.htm", filed=date(2025, 2, 26), stored=datetime(2025, 9, 3, tzinfo=UTC),
                   run="run-1")  # fmt: skip
        late = _doc("https://www.sec.gov/b.htm", filed=date(2026, 3, 6), stored=datetime(2025, 9, 3, tzinfo=UTC),
                    run="run-1")  # fmt: skip
        new = _doc("https://www.sec.gov/c.htm", filed=date(2025, 9, 2), stored=datetime(2025, 9, 3, tzinfo=UTC),
                   run="run-1")  # fmt: skip
        for d in (old, late, new):
            store.upsert_document(d)
        data = gather(store, _request(iso_week("2025-W36"), "run-1", tmp_path))
    assert [d.doc_id for d in data.documents] == [new.doc_id]


def test_the_plan_shows_the_period_and_every_recipient_but_no_secret(tmp_path: Path) -> None:
    from watchdesk.graph.planner import build_plan, describe
    from watchdesk.sources.models import CompanyRef

    wl = parse_watchlist('[[tickers]]\nsymbol = "NVDA"\n[[delivery]]\nkind = "email"\nto = ["pm@example.com"]\n'
                         '[[delivery]]\nkind = "slack"\nwebhook_env = "DESK_HOOK"\n')  # fmt: skip
    plan = build_plan(wl, {"NVDA": CompanyRef(ticker="NVDA", cik=1045810, name="NVIDIA CORP")},
                      as_of=date(2025, 8, 31), out_dir=tmp_path)  # fmt: skip
    text = describe(plan)
    assert "period 2025-08-25 to 2025-08-31; deliver to: email pm@example.com; slack webhook $DESK_HOOK" in text
