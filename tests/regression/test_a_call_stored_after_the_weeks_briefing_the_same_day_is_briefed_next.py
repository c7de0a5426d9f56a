"""A document first stored later the same UTC day a briefing of its period was written, after it, was briefed in no
period: the briefing closed its period on a day (briefings.closed_on, migration 026), and a document was late only
when first stored on a later day. Found by fix43 (session 43): a weekly run at 06:00 UTC on Monday 2026-03-09 briefs
the seven days ending that day; a call of that Monday stored at 20:00 counted in that period, already briefed without
it, and in no later briefing; one stored at 01:00 on Tuesday was late and in the next briefing. The close is now the
moment of that first write (briefings.closed_at, migration 028), compared with the moment the document was first
stored: what the run stored before writing the briefing is in it, what is stored after it is late."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from unittest.mock import patch

import duckdb

from tests.regression.test_late_arrivals_are_briefed import _briefed, _ids, _stored
from watchdesk.agents.briefing.agent import BriefingRequest, gather
from watchdesk.agents.briefing.period import Period
from watchdesk.agents.briefing.render import render_markdown
from watchdesk.store import db as store_db
from watchdesk.store.store import Store

RUN_WEEK = Period(date(2026, 3, 3), date(2026, 3, 9))  # the Monday run of 2026-03-09 at 06:00 UTC briefs it
NEXT_RUN_WEEK = Period(date(2026, 3, 10), date(2026, 3, 16))
MONDAY = date(2026, 3, 9)


def _in(store: Store, period: Period) -> set[str]:
    return _ids(store, period.start, period.end)


def _next_briefing(store: Store) -> str:
    request = BriefingRequest(run_id="-", watchlist_name="w", tickers=["NVDA"], topics=["inventory"],
                              period=NEXT_RUN_WEEK, out_dir=Path("."))  # fmt: skip
    return render_markdown(gather(store, request))


def test_a_call_stored_the_evening_its_week_was_briefed_is_in_the_next_briefing() -> None:
    with Store.open(":memory:") as store:
        _briefed(store, RUN_WEEK, closed_on=MONDAY)  # 06:00
        evening = _stored(store, "evening", MONDAY, datetime(2026, 3, 9, 20, tzinfo=UTC))
        tuesday = _stored(store, "tuesday", MONDAY, datetime(2026, 3, 10, 1, tzinfo=UTC))  # as before
        periods = [_in(store, RUN_WEEK), _in(store, NEXT_RUN_WEEK)]
        text = _next_briefing(store)
    assert periods == [set(), {evening.doc_id, tuesday.doc_id}]  # before: [{evening}, {tuesday}]
    assert "NVDA 10-Q, filed 2026-03-09 (late: first stored 2026-03-09 20:00 UTC)" in text  # marked, stored on its date
    assert "NVDA 10-Q, filed 2026-03-09 (late: first stored 2026-03-10)" in text


def test_what_the_run_stored_before_writing_its_briefing_is_in_it_and_not_late() -> None:
    with Store.open(":memory:") as store:
        fetched = _stored(store, "fetched", MONDAY, datetime(2026, 3, 9, 5, 59, 58, tzinfo=UTC))
        stored_then = _stored(store, "same-moment", MONDAY, datetime(2026, 3, 9, 6, tzinfo=UTC))  # equal: not after
        _briefed(store, RUN_WEEK, closed_on=MONDAY)  # at 06:00:00
        later = _stored(store, "a-second-later", MONDAY, datetime(2026, 3, 9, 6, 0, 1, tzinfo=UTC))
        periods = [_in(store, RUN_WEEK), _in(store, NEXT_RUN_WEEK)]
        assert "(late: first stored 2" not in render_markdown(gather(store, BriefingRequest(
            run_id="-", watchlist_name="w", tickers=["NVDA"], topics=["inventory"], period=RUN_WEEK,
            out_dir=Path("."))))  # fmt: skip
    assert periods == [{fetched.doc_id, stored_then.doc_id}, {later.doc_id}]


def test_a_briefing_written_again_later_that_day_keeps_the_first_close() -> None:
    """A second run the same Monday (20:30) briefs the week again: the call stored at 20:00 stays late, so it is not
    in that briefing (the day rule put it there) but in the next run's: the first close decides, as it did by day."""
    with Store.open(":memory:") as store:
        _briefed(store, RUN_WEEK, closed_on=MONDAY)
        evening = _stored(store, "evening", MONDAY, datetime(2026, 3, 9, 20, tzinfo=UTC))
        _briefed(store, RUN_WEEK, closed_on=MONDAY, at=time(20, 30))
        (closed,) = store.query("SELECT closed_at FROM briefings")[0]
        periods = [_in(store, RUN_WEEK), _in(store, NEXT_RUN_WEEK)]
    assert (closed, periods) == (datetime(2026, 3, 9, 6), [set(), {evening.doc_id}])


def _store_as_027_left_it(path: Path) -> None:
    """A store of before migration 028: migrated up to 027, its briefings closed on days (closed_on)."""
    older = [m for m in store_db.migrations() if m[0] <= 27]
    with duckdb.connect(str(path)) as con, patch.object(store_db, "migrations", lambda: older):
        con.execute("SET TimeZone = 'UTC'")
        store_db.migrate(con)
        for period, written, closed_on in (
            (RUN_WEEK, "2026-03-09 06:00", "2026-03-09"),  # last written on the day it closed: at that time
            (NEXT_RUN_WEEK, "2026-03-18 08:00", "2026-03-16"),  # written again two days later: the day's end
            (Period(date(2026, 2, 24), date(2026, 3, 2)), "2026-03-01 06:00", None),  # before its end: not closed
        ):
            con.execute("INSERT INTO briefings (briefing_id, run_id, watchlist, period_start, period_end, content_md, "
                        "n_findings, n_gaps, created_at, tickers, closed_on) VALUES (?, 'r', 'w', ?, ?, '', 0, 0, "
                        "CAST(? AS TIMESTAMP), ['NVDA'], CAST(? AS DATE))",
                        [str(period.start), period.start, period.end, written, closed_on])  # fmt: skip


def test_a_store_of_before_keeps_its_late_documents_and_no_longer_loses_those_stored_after_a_close(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.duckdb"
    _store_as_027_left_it(path)
    with Store.open(str(path)) as store:  # migration 028
        closes = store.query("SELECT period_end, closed_at FROM briefings ORDER BY period_end")
        columns = {r[0] for r in store.query("SELECT column_name FROM duckdb_columns() WHERE table_name = 'briefings'")}
        day_after = _stored(store, "day-after", MONDAY, datetime(2026, 3, 10, 1, tzinfo=UTC))  # late before too
        evening = _stored(store, "evening", MONDAY, datetime(2026, 3, 9, 20, tzinfo=UTC))  # before: lost in RUN_WEEK
        morning = _stored(store, "morning", MONDAY, datetime(2026, 3, 9, 5, tzinfo=UTC))  # before the close: in it
        sunday = date(2026, 3, 16)
        next_day = _stored(store, "next-day", sunday, datetime(2026, 3, 17, 7, tzinfo=UTC))  # late before too
        that_night = _stored(store, "that-night", sunday, datetime(2026, 3, 16, 23, tzinfo=UTC))  # as before: in it
        open_week = _stored(store, "open-week", date(2026, 3, 2), datetime(2026, 3, 5, 7, tzinfo=UTC))  # never closed
        periods = [_ids(store, date(2026, 2, 24), date(2026, 3, 2)), _in(store, RUN_WEEK),
                   _in(store, NEXT_RUN_WEEK), _ids(store, date(2026, 3, 17), date(2026, 3, 23))]  # fmt: skip
    assert closes == [(date(2026, 3, 2), None), (date(2026, 3, 9), datetime(2026, 3, 9, 6)),
                      (date(2026, 3, 16), datetime(2026, 3, 16, 23, 59, 59, 999999))]  # fmt: skip
    assert "closed_at" in columns and "closed_on" not in columns
    assert periods == [{open_week.doc_id}, {morning.doc_id}, {day_after.doc_id, evening.doc_id, that_night.doc_id},
                       {next_day.doc_id}]  # fmt: skip
    with duckdb.connect(str(path)) as con:  # its schema_migrations row lost, 028 runs again: the same closes
        con.execute("DELETE FROM schema_migrations WHERE version = 28")
    with Store.open(str(path)) as store:
        assert store.query("SELECT period_end, closed_at FROM briefings ORDER BY period_end") == closes
