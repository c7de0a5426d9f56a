"""A review of a16fbf4: the headline's Trend compares a filing with the latest earlier filing of its form, read by the
filing's form (an 8-K's EX-99.1 is an 8-K's), but it placed the period's findings by their document's type: those of
an 8-K's press release (EX-99.1, where an 8-K's findings are) read "| — | no earlier EX-99.1 mentions it |" though
the 8-K of the quarter before mentioned the topic. A finding of an exhibit is now compared as its filing's form."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from watchdesk.agents.briefing.agent import BriefingRequest, gather
from watchdesk.agents.briefing.period import Period
from watchdesk.agents.briefing.render import render_markdown
from watchdesk.store.records import DocumentRecord, FindingRecord
from watchdesk.store.store import Store

WEEK = Period(date(2026, 3, 9), date(2026, 3, 15))


def _press_release(store: Store, name: str, filed: date, polarity: str) -> None:
    """An 8-K whose press release (EX-99.1) mentions inventory once, with `polarity`."""
    fetched = datetime.combine(filed, datetime.min.time(), tzinfo=UTC)
    cover = DocumentRecord(url=f"https://www.sec.gov/Archives/{name}-8k.htm", source="edgar", text="Item 2.02.",
                           form="8-K", doc_type="8-K", fetched_at=fetched, ticker="NVDA", filed_at=filed)  # fmt: skip
    store.upsert_document(cover)
    text = f"Inventory rose sharply in the {name} quarter. Other text."
    release = DocumentRecord(url=f"https://www.sec.gov/Archives/{name}-ex991.htm", source="edgar", text=text,
                             form="8-K", doc_type="EX-99.1", parent_doc_id=cover.doc_id, fetched_at=fetched,
                             ticker="NVDA", filed_at=filed)  # fmt: skip
    store.upsert_document(release)
    end = text.index(".") + 1
    finding = FindingRecord(doc_id=release.doc_id, topic="inventory", polarity=polarity, score=0.6, start=0, end=end,
                            sentence=text[:end], method="rules", method_version="0.33", ticker="NVDA",
                            created_at=fetched)  # fmt: skip
    store.replace_findings(release.doc_id, [finding], method="rules", method_version="0.33")
    store.replace_findings(cover.doc_id, [], method="rules", method_version="0.33")


def test_a_press_releases_trend_compares_with_the_8k_before() -> None:
    with Store.open(":memory:") as store:
        _press_release(store, "q3", date(2025, 11, 19), "positive")
        _press_release(store, "q4", date(2026, 3, 11), "negative")
        request = BriefingRequest(run_id="-", watchlist_name="w", tickers=["NVDA"], topics=["inventory"],
                                  period=WEEK, out_dir=Path("."))  # fmt: skip
        text = render_markdown(gather(store, request))
    row = next(line for line in text.splitlines() if line.startswith("| NVDA | Inventory | 1 |"))
    assert row.endswith("| -1.00 | +1.00 | down ▼ against the 8-K of 2025-11-19 |"), row
    assert "EX-99.1 (press release or other), filed 2026-03-11" in text  # the finding is said as in its exhibit
