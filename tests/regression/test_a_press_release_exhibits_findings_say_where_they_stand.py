"""Bug: an 8-K's press release (its EX-99.1, stored as a document of its own from the full submission) got no section
span (agents/filing_spans.with_spans read sections of 10-K/10-Q/20-F and items of 8-K/6-K only), so its findings said
no section (the Sources table's "—"), the filings' reading choices never read them (filing_reading.in_filing needs a
filing item), and its subheadings were not held apart: ABVC's "Remaining Licensing Milestone Income Provides Strong
Revenue Visibility", a bold subheading over its paragraph, was a demand finding. An EX-99 exhibit is now one span
labelled with its type and description ("EX-99.1 PRESS RELEASE"; Adobe's, whose description is its type, "EX-99.1"),
its subheadings apart as an 8-K item's are, and its findings are read as a filing's (flagging v0.48). Real recorded
full submissions: ABVC BioPharma's and Adobe's earnings 8-Ks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from watchdesk.agents import filings
from watchdesk.agents.flagging.agent import flag_documents
from watchdesk.agents.flagging.filing_reading import in_filing
from watchdesk.sources.models import CompanyRef
from watchdesk.sources.sgml import parse_full_submission
from watchdesk.store.records import HEADING
from watchdesk.store.store import Store

pytestmark = pytest.mark.fixtures

ABVC = ("edgar/filings/ABVC_8-K_2025-04-15_0001213900-25-032135.txt", CompanyRef(ticker="ABVC", cik=1173313,
        name="ABVC BIOPHARMA, INC."), "0001213900-25-032135")  # fmt: skip
ADBE = ("edgar/filings/ADBE_8-K_2023-03-15_earnings_0000796343-23-000044.txt", CompanyRef(ticker="ADBE", cik=796343,
        name="ADOBE INC."), "0000796343-23-000044")  # fmt: skip
HEADLINE = "Remaining Licensing Milestone Income Provides Strong Revenue Visibility"


def _stored(root: Path, case: tuple[str, CompanyRef, str]) -> list[filings.Labelled]:
    name, company, accession = case
    header, docs = parse_full_submission((root / name).read_bytes())
    req = filings.FilingsRequest(company=company, forms=("8-K",), since=date(2023, 1, 1), until=date(2025, 12, 31),
                                 limit_per_form=None, accessions=(accession,))  # fmt: skip
    return filings._submission(header, docs, req=req, accession=accession, run_id="r1")


def test_a_press_release_is_one_span_with_its_subheadings_apart(shared_fixtures: Path) -> None:
    [(_cover, cover_spans), (release, spans)] = _stored(shared_fixtures, ABVC)
    assert release.doc_type == "EX-99.1" and cover_spans  # the 8-K's items, as before
    assert {(s.section, s.title) for s in spans} == {("EX-99.1", "PRESS RELEASE")}
    assert spans[0].start == 0 and spans[-1].end == len(release.text)
    headings = [release.text[s.start : s.end] for s in spans if s.role == HEADING]
    assert HEADLINE in headings
    [(_, _), (adobe, adobe_spans)] = _stored(shared_fixtures, ADBE)
    assert {(s.section, s.title) for s in adobe_spans} == {("EX-99.1", "")} and adobe.doc_type == "EX-99.1"
    assert in_filing("EX-99.1 PRESS RELEASE") and in_filing("EX-99.1") and not in_filing("EX-101.SCH")


def test_a_press_releases_findings_say_its_exhibit_and_its_subheading_is_none(shared_fixtures: Path) -> None:
    with Store.open(":memory:") as store:
        store.save_documents([*_stored(shared_fixtures, ABVC), *_stored(shared_fixtures, ADBE)])
        flag_documents(store, tickers=["ABVC", "ADBE"], topics=["demand", "geopolitical"], run_id="r1")
        found = store.query(
            "SELECT f.topic, f.section, f.sentence FROM current_findings f JOIN documents d USING (doc_id) "
            "WHERE d.doc_type = 'EX-99.1'"
        )
    assert found and all(section in ("EX-99.1 PRESS RELEASE", "EX-99.1") for _, section, _ in found), found
    assert not [s for _, _, s in found if s.startswith(HEADLINE)]
    # Adobe's safe harbour names geopolitical conditions as a risk factor: still a finding, now said in its exhibit
    safe_harbour = [(t, sec) for t, sec, s in found if s.startswith("Factors that might cause")]
    assert safe_harbour == [("geopolitical", "EX-99.1")]
