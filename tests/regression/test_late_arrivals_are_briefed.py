"""A document dated on (or just before) the day a weekly run briefed its week, but fetched only by the next run,
fell in neither briefing: its date was in the week already briefed, and the next week starts the day after.
Found by a review (session 23): a call held the Wednesday of a run, stored a week later with 12 findings, showed
in no briefing. A briefing now also holds what was first stored during its period though dated up to
LATE_DAYS before it, and says so beside the document."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from watchdesk.agents.briefing.agent import BriefingRequest, gather
from watchdesk.agents.briefing.period import Period
from watchdesk.agents.briefing.render import render_markdown
from watchdesk.store import queries
from watchdesk.store.queries import LATE_DAYS
from watchdesk.store.records import DocumentRecord, FindingRecord
from watchdesk.store.store import Store

WEEK = Period(date(2026, 3, 9), date(2026, 3, 15))


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
    assert late.doc_id in last_week  # still in its own week too, as dated
    assert "NVDA 10-Q, filed 2026-03-04 (late: first stored 2026-03-11)" in text  # in Sources
    assert "— 10-Q, filed 2026-03-04 (late: first stored 2026-03-11) [" in text  # beside its finding
    assert "filed 2026-03-10 (late" not in text


def test_a_late_document_is_no_part_of_the_baseline_it_is_compared_with() -> None:
    """A review: a late 10-Q, dated in the week before, was counted both in the period and in the weeks before it,
    so the trend compared it with itself ('steady') where it is the first mention in 12 weeks (now: the first 10-K or
    10-Q that mentions it)."""
    with Store.open(":memory:") as store:
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
        late = _stored(store, "late", date(2026, 3, 4), datetime(2026, 3, 11, 7, tzinfo=UTC))
        store.con.execute(
            "INSERT INTO filing_changes (old_doc_id, new_doc_id, ticker, item, seq, kind, created_at) "
            "VALUES (?, ?, 'NVDA', '1A', 0, 'added', now())", [old.doc_id, late.doc_id])  # fmt: skip
        this_week = period_changes(store, tickers=["NVDA"], start=WEEK.start, end=WEEK.end)
        its_week = period_changes(store, tickers=["NVDA"], start=date(2026, 3, 2), end=date(2026, 3, 8))
    assert [c["new_doc_id"] for c in this_week] == [late.doc_id] == [c["new_doc_id"] for c in its_week]
