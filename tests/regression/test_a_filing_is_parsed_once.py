"""A 10-K's or 10-Q's HTML was parsed twice, once for its text (html_text.html_to_text) and once for its emphasis
(html_emphasis.emphasis_map: risk groups' and MD&A headings), in `watchdesk flag` and in a run that stores it: the
parse and the pass that drops what no reader sees, ~0.04 s of CPU for NVIDIA's FY2025 10-K (0.29 -> 0.25 s for its
text and emphasis). One parse now serves both (html_emphasis.read_html), and the text is the same."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from watchdesk.sources import html_emphasis, html_text

TEN_Q = "AAPL_10-Q_Q3FY2025_filed-2025-08-01.html"  # the smallest 10-K or 10-Q in the fixtures (0.9 MB)


@pytest.fixture()
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The sizes of the documents lxml parses, with no reading kept from an earlier test."""
    seen: list[int] = []

    def counted(data: bytes | str) -> object:
        seen.append(len(data))
        return parse(data)

    parse = html_text._parse
    monkeypatch.setattr(html_text, "_parse", counted)
    monkeypatch.setattr(html_emphasis, "_parse", counted)
    html_emphasis.read_html.cache_clear()
    yield seen
    html_emphasis.read_html.cache_clear()


def test_watchdesk_flag_parses_a_filing_once(edgar_fixtures: Path, parses: list[int]) -> None:
    from watchdesk.agents.flagging.document import load_document

    data = (edgar_fixtures / "filings" / TEN_Q).read_bytes()
    document = load_document(data, origin=TEN_Q)
    assert document.form == "10-Q" and any(p.heading for p in document.parts)  # its headings were read
    assert parses == [len(data)]
    assert document.text == html_text.html_to_text(data)  # the text as it was, offsets and all


def test_a_run_parses_a_filing_it_stores_once(edgar_fixtures: Path, parses: list[int]) -> None:
    from watchdesk.agents.filing_spans import with_spans
    from watchdesk.agents.filings import FilingsRequest, _primary_record
    from watchdesk.sources.models import CompanyRef, Filing
    from watchdesk.store.records import HEADING

    data = (edgar_fixtures / "filings" / TEN_Q).read_bytes()
    req = FilingsRequest(company=CompanyRef(ticker="AAPL", cik=320193, name="Apple Inc."), forms=("10-Q",),
                         since=date(2025, 7, 1), until=date(2025, 8, 31), limit_per_form=1)
    item = Filing(cik=320193, accession="0000320193-25-000073", form="10-Q", filing_date=date(2025, 8, 1),
                  report_date=date(2025, 6, 28), primary_document="aapl-20250628.htm")
    _, spans = with_spans(_primary_record(req, item, data, run_id=None), html=data)  # as the filings agent stores it
    assert any(s.role == HEADING for s in spans)
    assert parses == [len(data)]


def test_a_control_character_in_emphasis_is_read() -> None:
    """`watchdesk flag` reads every HTML primary's emphasis now; one that names a control character by reference
    (as ADBE's 8-K full submission does) made the emphasis pass raise ValueError, and is read like any other."""
    found = html_emphasis.read_html(b"<html><body><p><b>Notice &#1;1</b></p><p>Text.</p></body></html>")
    assert found.text == "Notice \x011\nText."
