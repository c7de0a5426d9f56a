"""Bug: a risk section's group headings were stored as findings, and `watchdesk flag` gave them as flags. NVIDIA's
FY2025 10-K gave two supply-chain warnings "Risks Related to Demand, Supply, and Manufacturing" (the risk-factor
summary's group and the section's), and so did its FY2024 10-K: 4 of the demo's 232 NVIDIA supply-chain mentions were
headings, which name risks and state none. The filings agent now stores each group heading the risk-factor parser
finds as a span of its own (role "heading", same section label), and flagging leaves a heading out of findings;
`watchdesk flag` reads the headings the same way."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from watchdesk.agents.filing_spans import Labelled, with_spans
from watchdesk.agents.flagging.agent import flag_documents
from watchdesk.sources.html_text import html_to_text
from watchdesk.store.records import HEADING, DocumentRecord
from watchdesk.store.store import Store

NVDA_10K = "NVDA_10-K_FY2025_filed-2025-02-26.html"
GROUPS = [
    "Risks Related to Our Industry and Markets",
    "Risks Related to Demand, Supply, and Manufacturing",
    "Risks Related to Our Global Operating Business",
]


def nvda_10k_spans(edgar_fixtures: Path) -> Labelled:
    """NVIDIA's FY2025 10-K as the filings agent stores it, with its spans."""
    html = (edgar_fixtures / "filings" / NVDA_10K).read_bytes()
    record = DocumentRecord(url="https://www.sec.gov/Archives/edgar/data/1045810/nvda-20250126.htm", source="edgar",
                            text=html_to_text(html), fetched_at=datetime.now(UTC), ticker="NVDA", form="10-K",
                            doc_type="10-K")  # fmt: skip
    return with_spans(record, html=html)


def findings_in(labelled: Labelled, section: str, topics: list[str]) -> tuple[list[str], set[str]]:
    """The findings' sentences in `section` after a run, and all the document's sentences."""
    with Store.open(":memory:") as store:
        store.save_documents([labelled])
        flag_documents(store, tickers=["NVDA"], topics=topics, run_id="r1")
        found = [
            s for (s,) in store.query("SELECT sentence FROM current_findings WHERE section LIKE ?", [f"{section} %"])
        ]
        return found, {s for (s,) in store.query("SELECT text FROM sentences")}


def test_a_group_heading_is_no_finding(edgar_fixtures: Path) -> None:
    record, spans = labelled = nvda_10k_spans(edgar_fixtures)
    headings = [record.text[s.start : s.end] for s in spans if s.role == HEADING]
    assert all(g in headings for g in GROUPS) and "Risk Factors Summary" in headings
    assert {s.section for s in spans if s.role == HEADING and record.text[s.start : s.end] in GROUPS} == {"1A"}
    found, said = findings_in(labelled, "1A", ["supply_chain", "geopolitical"])
    assert not set(GROUPS) & set(found), [s for s in found if s in GROUPS]
    assert len(found) > 100  # the factors themselves are still read
    assert set(GROUPS) <= said  # a heading is still one of the document's sentences


def test_watchdesk_flag_leaves_them_out_too(edgar_fixtures: Path) -> None:
    from watchdesk.agents.flagging.document import flag_document, load_document
    from watchdesk.agents.flagging.topics import load_topics

    document = load_document((edgar_fixtures / "filings" / NVDA_10K).read_bytes())
    flags = flag_document(document, topics=load_topics(["supply_chain"]))
    assert not [f for f in flags if f.sentence in GROUPS]
    assert sum(f.section == "1A Risk Factors" for f in flags) > 50


_BODY = "Our suppliers may fail to deliver components on time, which could delay shipments and harm our results. " * 3


def _filing(headings: list[str]) -> bytes:
    factors = "".join(f"<p><b>{h}</b></p><p>{_BODY}</p>" for h in headings)
    return f"""<html><body><p>FORM 10-K</p><p>PART I</p>
<p><b>Item 1. Business</b></p><p>We design chips for data centers and gaming and sell them to many customers.</p>
<p><b>Item 1A. Risk Factors</b></p><p>The following risks could affect our business.</p>
<p><b>Risks Related to Our Operations</b></p>{factors}
<p><b>Item 1B. Unresolved Staff Comments</b></p><p>None.</p>
<p><b>Item 2. Properties</b></p><p>We own offices in Santa Clara, California, and lease others worldwide.</p>
</body></html>""".encode()


def _headings(headings: list[str]) -> list[str]:
    html = _filing(headings)
    record = DocumentRecord(url="https://x.test/a.htm", source="edgar", text=html_to_text(html),
                            fetched_at=datetime.now(UTC), ticker="X", form="10-K", doc_type="10-K")  # fmt: skip
    return [record.text[s.start : s.end] for s in with_spans(record, html=html)[1] if s.role == HEADING]


def test_a_factor_heading_without_its_period_is_no_group_heading() -> None:
    """A review found factor headings written without a final period read as group headings, so their findings were
    lost: a heading stays out of findings only when it stands over another heading, or names a group of risks."""
    plain = ["Supply chain disruptions could harm our business",
             "We depend on a limited number of suppliers for wafers",
             "Shortages of components could delay our shipments"]  # fmt: skip
    assert _headings(plain) == ["Risks Related to Our Operations"]
    mixed = ["Supply chain disruptions could harm our business.",
             "We face risks from shortages of components from our suppliers",
             "We depend on a limited number of suppliers."]  # fmt: skip
    assert _headings(mixed) == ["Risks Related to Our Operations"]
