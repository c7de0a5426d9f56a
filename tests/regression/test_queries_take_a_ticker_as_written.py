"""Bug: the store's period queries matched nothing for tickers="TSM" (a string, read as the letters T, S, M),
for tickers=["tsm"] (stored tickers are upper case), and for a period whose start is after its end."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from watchdesk.store import queries
from watchdesk.store.records import DocumentRecord, FindingRecord, SentenceRecord
from watchdesk.store.store import Store

NOW = datetime(2025, 9, 1, tzinfo=UTC)
START, END = date(2025, 8, 1), date(2025, 8, 31)
Query = Callable[..., list[dict[str, Any]]]


def store_with_one_finding() -> Store:
    doc = DocumentRecord(url="https://www.sec.gov/Archives/t.htm", source="edgar", text="Inventory rose. Fine.",
                         fetched_at=NOW, ticker="TSM", filed_at=date(2025, 8, 27))  # fmt: skip
    store = Store.open(":memory:")
    store.upsert_document(doc)
    store.replace_sentences(doc.doc_id, [SentenceRecord(doc_id=doc.doc_id, seq=0, start=0, end=15,
                                                        text="Inventory rose.", sentiment="negative",
                                                        sentiment_score=-0.5)])  # fmt: skip
    finding = FindingRecord(doc_id=doc.doc_id, topic="inventory", polarity="negative", score=-0.5,
                            sentence="Inventory rose.", start=0, end=15, method="rules", method_version="0.1",
                            ticker="TSM", created_at=NOW)  # fmt: skip
    store.replace_findings(doc.doc_id, [finding], method="rules", method_version="0.1")
    return store


WITH_TOPICS: list[Query] = [queries.period_findings, queries.weekly_mentions]
TICKERS_ONLY: list[Query] = [queries.period_documents, queries.period_tone]


@pytest.mark.parametrize("query", WITH_TOPICS + TICKERS_ONLY)
@pytest.mark.parametrize("tickers", ["TSM", "tsm", ["tsm"], (" TSM ",)])
def test_one_ticker_as_a_string_or_in_lower_case(query: Query, tickers: Any) -> None:
    with store_with_one_finding() as store:
        as_listed = {"topics": ["inventory"]} if query in WITH_TOPICS else {}
        as_string = {"topics": "inventory"} if query in WITH_TOPICS else {}  # one topic as a string, too
        expected = query(store, tickers=["TSM"], start=START, end=END, **as_listed)
        assert expected, "the store holds one finding in the period"
        assert query(store, tickers=tickers, start=START, end=END, **as_string) == expected


def test_latest_event_date_takes_one_ticker_as_a_string() -> None:
    with store_with_one_finding() as store:
        assert queries.latest_event_date(store, tickers="tsm") == date(2025, 8, 27)


@pytest.mark.parametrize("query", WITH_TOPICS + TICKERS_ONLY)
def test_a_period_that_ends_before_it_starts_is_refused(query: Query) -> None:
    with store_with_one_finding() as store:
        topics = {"topics": ["inventory"]} if query in WITH_TOPICS else {}
        with pytest.raises(ValueError, match=r"starts \(2025-08-31\) after it ends \(2025-08-01\)"):
            query(store, tickers=["TSM"], start=END, end=START, **topics)
