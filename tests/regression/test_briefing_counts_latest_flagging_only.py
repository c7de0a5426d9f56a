"""A document flagged by two method versions (an upgrade, or a run with the LLM judge) is counted once.

Found while moving flagging to version 0.4: period_findings took every finding of a document, so a database
flagged by 0.3 and then 0.4 would have shown each mention twice in the briefing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from watchdesk.store import queries
from watchdesk.store.records import DocumentRecord, FindingRecord
from watchdesk.store.store import Store

NOW = datetime(2025, 9, 1, tzinfo=UTC)


def _finding(doc: DocumentRecord, version: str, polarity: str) -> FindingRecord:
    return FindingRecord(
        doc_id=doc.doc_id, topic="inventory", polarity=polarity, score=-0.5 if polarity == "negative" else 0.0,
        sentence="Inventory rose.", start=0, end=15, method="rules", method_version=version, ticker="NVDA",
        created_at=NOW,
    )  # fmt: skip


def test_only_the_latest_flagging_of_a_document_is_briefed() -> None:
    doc = DocumentRecord(url="https://www.sec.gov/Archives/a.htm", source="edgar", text="Inventory rose. Fine.",
                         fetched_at=NOW, ticker="NVDA", filed_at=date(2025, 8, 27))  # fmt: skip
    with Store.open(":memory:") as store:
        store.upsert_document(doc)
        for version, polarity, when in (("0.3", "neutral", NOW), ("0.4", "negative", NOW + timedelta(days=1))):
            store.replace_findings(doc.doc_id, [_finding(doc, version, polarity)], method="rules",
                                   method_version=version)  # fmt: skip
            marker = [doc.doc_id, version, when.replace(tzinfo=None)]
            store.con.execute("INSERT INTO doc_flags VALUES (?, 'rules', ?, 2, 1, ?, NULL)", marker)
        rows = queries.period_findings(store, tickers=["NVDA"], topics=["inventory"], start=date(2025, 1, 1),
                                       end=date(2025, 12, 31))  # fmt: skip
    assert [(r["polarity"]) for r in rows] == ["negative"]


@pytest.mark.parametrize("suffix", ["", "+ab12cd34"])  # a watchlist with custom topics adds a fingerprint
def test_version_0_10_is_newer_than_0_9_when_flagged_at_ties(suffix: str) -> None:
    """Found in issue 10 (method version 0.9 -> 0.10): as text "0.10" sorts before "0.9", so on a tie of
    flagged_at the older flagging won the tie-break (migration 009 orders versions by their numeric parts)."""
    doc = DocumentRecord(url="https://www.sec.gov/Archives/b.htm", source="edgar", text="Inventory rose. Fine.",
                         fetched_at=NOW, ticker="NVDA", filed_at=date(2025, 8, 27))  # fmt: skip
    with Store.open(":memory:") as store:
        store.upsert_document(doc)
        for version, polarity in (("0.9" + suffix, "neutral"), ("0.10" + suffix, "negative")):
            store.replace_findings(doc.doc_id, [_finding(doc, version, polarity)], method="rules",
                                   method_version=version)  # fmt: skip
            store.con.execute("INSERT INTO doc_flags VALUES (?, 'rules', ?, 2, 1, ?, NULL)",
                              [doc.doc_id, version, NOW.replace(tzinfo=None)])  # fmt: skip
        rows = queries.period_findings(store, tickers=["NVDA"], topics=["inventory"], start=date(2025, 1, 1),
                                       end=date(2025, 12, 31))  # fmt: skip
        view = store.con.execute("SELECT method_version FROM current_findings").fetchall()
    assert [r["polarity"] for r in rows] == ["negative"]
    assert view == [("0.10" + suffix,)]
