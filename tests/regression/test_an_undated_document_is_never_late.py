"""Undated documents (news without a publication date, a call whose source gives none) are never late (session 40
left it to say, 84bb1b5), and rightly: such a document's date is the day it was first stored, and a briefing closes a
period on or after the period's last day, so no briefing of its date can have been closed before it was stored. It
counts in the period open when it came, by that day, and is not marked late (store/queries.py PERIOD_DAY)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from tests.regression.test_late_arrivals_are_briefed import LAST_WEEK, WEEK, _briefed
from watchdesk.agents.briefing.agent import BriefingRequest, gather
from watchdesk.agents.briefing.render import render_markdown
from watchdesk.store import queries
from watchdesk.store.records import DocumentRecord, FindingRecord
from watchdesk.store.store import Store


def test_undated_news_first_stored_after_a_week_was_briefed_counts_by_that_day_unmarked() -> None:
    text = "NVIDIA warned of an inventory glut. Other text."
    fetched = datetime(2026, 3, 9, 7, tzinfo=UTC)  # the Monday after LAST_WEEK, briefed on its Sunday
    news = DocumentRecord(url="https://news.example/glut", source="news", text=text, form="news", fetched_at=fetched,
                          ticker="NVDA", filed_at=None)  # fmt: skip
    with Store.open(":memory:") as store:
        _briefed(store, LAST_WEEK, closed_on=date(2026, 3, 8))
        store.upsert_document(news)
        end = text.index(".") + 1
        store.replace_findings(news.doc_id, [FindingRecord(
            doc_id=news.doc_id, topic="inventory", polarity="negative", score=-0.6, sentence=text[:end], start=0,
            end=end, method="rules", method_version="0.33", ticker="NVDA", created_at=fetched,
        )], method="rules", method_version="0.33")  # fmt: skip
        weeks = [{d["doc_id"] for d in queries.period_documents(store, tickers=["NVDA"], start=p.start, end=p.end)}
                 for p in (LAST_WEEK, WEEK)]  # fmt: skip
        request = BriefingRequest(run_id="-", watchlist_name="w", tickers=["NVDA"], topics=["inventory"],
                                  period=WEEK, out_dir=Path("."))  # fmt: skip
        text_md = render_markdown(gather(store, request))
    assert weeks == [set(), {news.doc_id}]
    assert "first stored 2026-03-09" in text_md and "(late: first stored 2026" not in text_md
