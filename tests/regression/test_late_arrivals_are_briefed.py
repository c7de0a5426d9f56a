"""A document dated on (or just before) the day a weekly run briefed its week, but fetched only by the next run,
fell in neither briefing: its date was in the week already briefed, and the next week starts the day after.
Found by a review (session 23): a call held the Wednesday of a run, stored a week later with 12 findings, showed
in no briefing. A briefing now also holds what was first stored during its period though dated up to
LATE_DAYS before it, and says so beside the document. Since session 40 such a document is late only where a briefing of
its own week was closed (written on or after the week's last day) before it was first stored, and then it counts in
the later period alone, no longer in its own week too (store/queries.py: PERIOD_DAY). Until session 44 "before" meant
on an earlier day (test_a_call_stored_after_the_weeks_briefing_the_same_day_is_briefed_next.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from unittest.mock import patch

from watchdesk.agents.briefing.agent import BriefingRequest, gather
from watchdesk.agents.briefing.period import Period
from watchdesk.agents.briefing.render import render_markdown
from watchdesk.store import queries
from watchdesk.store.queries import LATE_DAYS
from watchdesk.store.records import DocumentRecord, FindingRecord
from watchdesk.store.store import Store
from watchdesk.store.writes import save_briefing

WEEK = Period(date(2026, 3, 9), date(2026, 3, 15))
LAST_WEEK = Period(date(2026, 3, 2), date(2026, 3, 8))


def _briefed(store: Store, period: Period, *, closed_on: date, at: time = time(6)) -> None:
    """The weekly run's briefing of `period` for NVDA, written (closing it) on `closed_on` at `at` UTC."""
    row = {"briefing_id": f"w {period.start}", "run_id": "-", "watchlist": "w", "period_start": period.start,
           "period_end": period.end, "content_md": "", "n_findings": 0, "n_gaps": 0, "tickers": ["NVDA"],
           "created_at": datetime.combine(closed_on, at, tzinfo=UTC)}  # fmt: skip
    with patch("watchdesk.store.writes.datetime", _clock(row["created_at"])):
        store.transaction(lambda con: save_briefing(con, row))


def _clock(now: datetime) -> type[datetime]:
    class Clock(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Clock:
            return cls.fromtimestamp(now.timestamp(), tz)

    return Clock


def _stored(store: Store, name: str, filed: date, fetched: datetime) -> DocumentRecord:
    text = f"Inventory rose sharply in the {name} quarter. Other text."
    doc = DocumentRecord(url=f"https://www.sec.gov/Archives/{name}.htm", source="edgar", text=text, form="10-Q",
                         fetched_at=fetched, ticker="NVDA", filed_at=filed)  # fmt: skip
    store.upsert_document(doc)
    end = text.index(".") + 1
    finding = FindingRecord(
        doc_id=doc.doc_id, topic="inventory", polarity="negative", score=-0.6, sentence=text[:end], start=0, end=end,
        method="rules", method_version="0.33", ticker="NVDA", created_at=fetched,
    )  # fmt: skip
    store.replace_findings(doc.doc_id, [finding], method="rules", method_version="0.33")
    return doc


def test_a_document_dated_before_the_week_but_first_stored_in_it_is_briefed_and_marked() -> None:
    assert LATE_DAYS >= 7  # a weekly run's own day, fetched by the next weekly run
    with Store.open(":memory:") as store:
        _briefed(store, LAST_WEEK, closed_on=date(2026, 3, 8))  # before the next run fetched "late"
        late = _stored(store, "late", date(2026, 3, 4), datetime(2026, 3, 11, 7, tzinfo=UTC))
        _stored(store, "backfill", date(2025, 11, 4), datetime(2026, 3, 11, 7, tzinfo=UTC))  # a first run's history
        _stored(store, "briefed", date(2026, 3, 4), datetime(2026, 3, 4, 7, tzinfo=UTC))  # in last week's briefing
        on_time = _stored(store, "on-time", date(2026, 3, 10), datetime(2026, 3, 11, 7, tzinfo=UTC))
        span = {"start": WEEK.start, "end": WEEK.end}
        found = {r["doc_id"] for r in queries.period_findings(store, tickers=["NVDA"], topics=["inventory"], **span)}
        docs = {d["doc_id"] for d in queries.period_documents(store, tickers=["NVDA"], **span)}
        last_week = {d["doc_id"] for d in queries.period_documents(store, tickers=["NVDA"], start=date(2026, 3, 2),
                                                                   end=date(2026, 3, 8))}  # fmt: skip
        request = BriefingRequest(run_id="-", watchlist_name="w", tickers=["NVDA"], topics=["inventory"],
                                  period=WEEK, out_dir=Path("."))  # fmt: skip
        text = render_markdown(gather(store, request))
    assert found == docs == {late.doc_id, on_time.doc_id}
    assert late.doc_id not in last_week  # its own week's briefing lacked it: it counts in this one alone
    assert "NVDA 10-Q, filed 2026-03-04 (late: first stored 2026-03-11)" in text  # in Sources
    assert "— 10-Q, filed 2026-03-04 (late: first stored 2026-03-11) [" in text  # beside its finding
    assert "filed 2026-03-10 (late" not in text


def test_a_late_document_is_no_part_of_the_baseline_it_is_compared_with() -> None:
    """A review: a late 10-Q, dated in the week before, was counted both in the period and in the weeks before it,
    so the trend compared it with itself ('steady') where it is the first mention in 12 weeks (now: the first 10-K or
    10-Q that mentions it)."""
    with Store.open(":memory:") as store:
        _briefed(store, LAST_WEEK, closed_on=date(2026, 3, 8))
        _stored(store, "late", date(2026, 3, 4), datetime(2026, 3, 11, 7, tzinfo=UTC))
        request = BriefingRequest(run_id="-", watchlist_name="w", tickers=["NVDA"], topics=["inventory"],
                                  period=WEEK, out_dir=Path("."))  # fmt: skip
        data = gather(store, request)
        text = render_markdown(data)
    assert data.before == [] or sum(w.mentions for w in data.before) == 0, data.before
    assert data.earlier == [], data.earlier  # nor of the latest earlier 10-K or 10-Q
    row = next(line for line in text.splitlines() if line.startswith("| NVDA | Inventory |"))
    assert row.endswith("| — | no earlier 10-K or 10-Q mentions it |"), row


def test_a_late_filings_comparison_is_in_the_period_that_briefs_it() -> None:
    """A review: the risk factors of a late 10-K appeared in no briefing, as the filings part took only
    comparisons whose newer filing is dated in the period."""
    from watchdesk.store.changes import period_changes

    with Store.open(":memory:") as store:
        old = _stored(store, "old", date(2025, 3, 4), datetime(2025, 3, 5, 7, tzinfo=UTC))
        _briefed(store, LAST_WEEK, closed_on=date(2026, 3, 8))
        late = _stored(store, "late", date(2026, 3, 4), datetime(2026, 3, 11, 7, tzinfo=UTC))
        store.con.execute(
            "INSERT INTO filing_changes (old_doc_id, new_doc_id, ticker, item, seq, kind, created_at) "
            "VALUES (?, ?, 'NVDA', '1A', 0, 'added', now())", [old.doc_id, late.doc_id])  # fmt: skip
        this_week = period_changes(store, tickers=["NVDA"], start=WEEK.start, end=WEEK.end)
        its_week = period_changes(store, tickers=["NVDA"], start=date(2026, 3, 2), end=date(2026, 3, 8))
    assert [c["new_doc_id"] for c in this_week] == [late.doc_id] and its_week == []


def _ids(store: Store, start: date, end: date) -> set[str]:
    return {d["doc_id"] for d in queries.period_documents(store, tickers=["NVDA"], start=start, end=end)}


def test_a_weekly_runs_late_call_is_briefed_once() -> None:
    """Monday runs: each briefs the 7 days ending on its day. A 10-Q of the run's own day, fetched by the next run, is
    in that run's briefing (marked late) and in no other period, run's or ISO week's."""
    with Store.open(":memory:") as store:
        on_time = _stored(store, "on-time", date(2026, 3, 5), datetime(2026, 3, 9, 5, tzinfo=UTC))
        _briefed(store, Period(date(2026, 3, 3), date(2026, 3, 9)), closed_on=date(2026, 3, 9))  # the run of 03-09
        late = _stored(store, "late", date(2026, 3, 9), datetime(2026, 3, 16, 7, tzinfo=UTC))  # the run of 03-16
        runs = [_ids(store, date(2026, 3, 3), date(2026, 3, 9)), _ids(store, date(2026, 3, 10), date(2026, 3, 16))]
        weeks = [_ids(store, date(2026, 3, 2) + timedelta(weeks=n), date(2026, 3, 8) + timedelta(weeks=n))
                 for n in range(3)]  # fmt: skip
        request = BriefingRequest(run_id="-", watchlist_name="w", tickers=["NVDA"], topics=["inventory"],
                                  period=Period(date(2026, 3, 10), date(2026, 3, 16)), out_dir=Path("."))  # fmt: skip
        text = render_markdown(gather(store, request))
    assert runs == [{on_time.doc_id}, {late.doc_id}]
    assert weeks == [{on_time.doc_id}, {late.doc_id}, set()]  # W10, W11 (its date and the day it counts from), W12
    assert "NVDA 10-Q, filed 2026-03-09 (late: first stored 2026-03-16)" in text


def test_a_briefing_written_before_its_week_ended_makes_nothing_late() -> None:
    """`brief --week` on the Wednesday of the week: what the runs store later that week counts in it by its date; the
    briefing closes the week when it is written on or after the Sunday, and the first such write's time stays: what
    is first stored after it, that Sunday too, is late."""
    with Store.open(":memory:") as store:
        _briefed(store, WEEK, closed_on=date(2026, 3, 11))  # a Wednesday: the week is not over
        said = _stored(store, "tuesday", date(2026, 3, 10), datetime(2026, 3, 12, 7, tzinfo=UTC))
        assert _ids(store, WEEK.start, WEEK.end) == {said.doc_id}
        for day in (date(2026, 3, 15), date(2026, 3, 20)):  # written again on the Sunday, then later
            _briefed(store, WEEK, closed_on=day)
        (closed,) = store.query("SELECT closed_at FROM briefings")[0]
        friday = _stored(store, "friday", date(2026, 3, 13), datetime(2026, 3, 16, 7, tzinfo=UTC))
        saturday = _stored(store, "saturday", date(2026, 3, 14), datetime(2026, 3, 15, 20, tzinfo=UTC))  # that Sunday
        weeks = [_ids(store, WEEK.start, WEEK.end), _ids(store, date(2026, 3, 16), date(2026, 3, 22))]
    assert closed == datetime(2026, 3, 15, 6)
    # stored at 20:00 on the Sunday the week was closed at 06:00: not in that briefing, so in the next (it was in WEEK
    # until session 44, briefed without it, and in no briefing at all)
    assert weeks == [{said.doc_id}, {friday.doc_id, saturday.doc_id}]
