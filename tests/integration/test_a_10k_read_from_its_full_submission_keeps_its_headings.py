"""A 10-K asked for by its accession number (a watchlist's `accessions`, with no listing row to say its primary
document) is read from its full submission (agents/filings._submission), where every document is stored with the
spans with_spans() reads from its HTML (`html=doc.body`): the risk factors' group headings and the MD&A's and notes'
subheadings, which state nothing and are no findings. Untested until now (brief: filings.py's accession-named
10-K headings): a submission read without its HTML would store the 10-K's items but none of its headings, so
"Supply Chain" or "Inventories" would be flagged again. The submission's document here is NVIDIA's FY2025 10-K as
recorded (the fixture's primary document); its spans must be those of the same 10-K read as a primary document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from watchdesk.agents import filings
from watchdesk.sources.models import CompanyRef, Filing, SubmissionDocument
from watchdesk.store.records import HEADING

NVIDIA = CompanyRef(ticker="NVDA", cik=1045810, name="NVIDIA CORP")
TEN_K = "edgar/filings/NVDA_10-K_FY2025_filed-2025-02-26.html"
ACCESSION = "0001045810-25-000023"


@pytest.mark.fixtures
def test_a_10k_read_from_its_full_submission_stores_the_headings_its_primary_document_has(
    shared_fixtures: Path,
) -> None:
    body = (shared_fixtures / TEN_K).read_bytes()
    req = filings.FilingsRequest(company=NVIDIA, forms=("10-K",), since=date(2025, 1, 1), until=date(2025, 12, 31),
                                 limit_per_form=None, accessions=(ACCESSION,))  # fmt: skip
    header: dict[str, str | list[str]] = {"CONFORMED SUBMISSION TYPE": "10-K", "FILED AS OF DATE": "20250226",
                                          "CONFORMED PERIOD OF REPORT": "20250126"}  # fmt: skip
    document = SubmissionDocument(type="10-K", sequence=1, filename="nvda-20250126.htm", description="10-K", body=body)
    [(record, spans)] = filings._submission(header, [document], req=req, accession=ACCESSION, run_id="r1")
    read = [(s.start, s.end, s.section, s.role) for s in spans]
    headings = [(a, record.text[a:b]) for a, b, _, role in read if role == HEADING]
    assert len(headings) > 20  # risk groups ("Risks Related to ..."), MD&A and notes' subheadings
    assert any(text == "Inventories" for _, text in headings), headings[:40]
    assert {"1A", "7", "15"} <= {section for _, _, section, _ in read}

    primary = Filing(cik=NVIDIA.cik, accession=ACCESSION, form="10-K", filing_date=date(2025, 2, 26),
                     report_date=date(2025, 1, 26), primary_document="nvda-20250126.htm")  # fmt: skip
    _, alone = filings.with_spans(filings._primary_record(req, primary, body, run_id="r1"), html=body)
    assert read == [(s.start, s.end, s.section, s.role) for s in alone]
