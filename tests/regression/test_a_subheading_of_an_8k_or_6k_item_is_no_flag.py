"""Bug: the subheadings of a 10-K's, 10-Q's or 20-F's Business, MD&A and notes ("Supply Chain", "Inventories") are no
flags (they name what the text under them is about and state nothing: agents/filing_spans.py), but those of an 8-K's
items or a 6-K's documents were read as sentences: Philips's 6-K "End-to-end supply chain reliability and agility", a
line of its own in bold over its paragraph, was a sure supply-chain flag of good news (+0.87) in `watchdesk flag` and in
a run. An 8-K's or 6-K's subheadings are now read from the filing's emphasis as the MD&A's are, and left out; the
paragraph under it is read as before."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from watchdesk.agents.filing_spans import with_spans
from watchdesk.agents.flagging.agent import flag_documents
from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.html_text import html_to_text
from watchdesk.store.records import HEADING, DocumentRecord
from watchdesk.store.store import Store

pytestmark = pytest.mark.fixtures

PHILIPS_6K = "edgar/filings/PHILIPS_6-K_2023-01-30_phg-20230130.html"
HEADING_LINE = "End-to-end supply chain reliability and agility"
UNDER_IT = "Philips is changing its supply chain to a dedicated end-to-end set-up by business"


def test_a_6ks_subheading_is_no_flag_and_its_paragraph_is_read(shared_fixtures: Path) -> None:
    document = load_document((shared_fixtures / PHILIPS_6K).read_bytes(), origin=PHILIPS_6K)
    flags = flag_document(document, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))
    assert not [f for f in flags if f.sentence == HEADING_LINE]
    assert [(f.topic, f.polarity) for f in flags if f.sentence.startswith(UNDER_IT)] == [("supply_chain", "neutral")]


def test_a_run_stores_the_6ks_subheading_as_a_heading_and_flags_nothing_on_it(shared_fixtures: Path) -> None:
    html = (shared_fixtures / PHILIPS_6K).read_bytes()
    record = DocumentRecord(url="https://www.sec.gov/Archives/edgar/data/313216/phg-20230130.htm", source="edgar",
                            text=html_to_text(html), fetched_at=datetime.now(UTC), ticker="PHG", form="6-K",
                            doc_type="6-K")  # fmt: skip
    record, spans = with_spans(record, html=html)
    assert HEADING_LINE in [record.text[s.start : s.end] for s in spans if s.role == HEADING]
    with Store.open(":memory:") as store:
        store.save_documents([(record, spans)])
        flag_documents(store, tickers=["PHG"], topics=["supply_chain"], run_id="r1")
        found = [s for (s,) in store.query("SELECT sentence FROM current_findings")]
    assert HEADING_LINE not in found
    assert any(s.startswith(UNDER_IT) for s in found)
