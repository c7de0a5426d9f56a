"""PDF transcripts: PDFs made here (fpdf2) from real fixture transcripts, parsed back with pypdf.

Two layouts: fool.com's speaker/"--"/role lines (NVIDIA), and the "Name: speech" layout with a
participants list up front that TSMC- and ASML-style PDFs use (built from the JSON calls). Each PDF
has a running header and page numbers, which must not leak into the speech.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from watchdesk.sources.errors import ParsingError
from watchdesk.sources.transcripts import parse_json, parse_pdf, parse_text, parse_transcript

fpdf = pytest.importorskip("fpdf")

NVDA_TEXT = "nvda_motley_fool_text/nvidia-nvda-q1-2025-earnings-call-transcript.txt"
# Core PDF fonts are Latin-1; typographic punctuation is written plainly.
LATIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "--", "–": "-", "…": "...", "\u00a0": " "})


def make_pdf(lines: list[str], *, running_header: str) -> bytes:
    """A multi-page PDF with one paragraph per line, wrapped to the page, a running header and page numbers."""

    class Doc(fpdf.FPDF):  # type: ignore[misc,name-defined]
        def header(self) -> None:
            self.set_font("helvetica", size=8)
            self.cell(0, 6, running_header, new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("helvetica", size=8)
            self.cell(0, 6, f"Page {self.page_no()}", align="C")

    doc = Doc()
    doc.add_page()
    doc.set_font("helvetica", size=10)
    for line in lines:
        text = line.translate(LATIN).encode("latin-1", "replace").decode("latin-1")
        doc.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(doc.output())


def _words(text: str) -> str:
    return " ".join(text.translate(LATIN).split())


def test_pdf_of_speaker_line_transcript_parses_like_the_text(shared_fixtures: Path) -> None:
    source = (shared_fixtures / "transcripts" / NVDA_TEXT).read_text()
    pdf = make_pdf(source.splitlines(), running_header="NVIDIA Q1 FY2025 Earnings Call Transcript")
    from_pdf = parse_transcript(pdf, origin="nvda-q1-fy2025.pdf")
    from_text = parse_text(source.encode())
    assert [(s.speaker, s.role, s.section) for s in from_pdf.statements] == [
        (s.speaker, s.role, s.section) for s in from_text.statements
    ]
    # Wrapped lines are joined back: the speech is the same words, headers and page numbers gone.
    assert [_words(s.text) for s in from_pdf.statements] == [_words(s.text) for s in from_text.statements]
    assert not any("Earnings Call Transcript" in s.text or "Page " in s.text for s in from_pdf.statements)
    assert (from_pdf.ticker, from_pdf.fiscal_period, str(from_pdf.call_date)) == ("NVDA", "2025-Q1", "2024-05-22")


@pytest.mark.parametrize("call", ["ACN_q1_2022", "GE_q3_2021", "TEL_q3_2021"])
def test_pdf_with_inline_name_labels_and_participants_list(shared_fixtures: Path, call: str) -> None:
    raw = (shared_fixtures / "transcripts/motley_fool_json" / f"{call}.json").read_bytes()
    data = json.loads(raw)
    lines = ["Company Participants", *(p.replace("--", " -- ", 1) for p in data["participants"]), "Presentation"]
    lines += [*_inline_turns(data["prepared_remarks"]), "Question and Answer Session", *_inline_turns(data["q_and_a"])]
    parsed = parse_pdf(make_pdf(lines, running_header=f"{call} earnings conference call"), origin=f"{call}.pdf")
    expected = parse_json(raw)
    assert [(s.speaker, s.section) for s in parsed.statements] == [(s.speaker, s.section) for s in expected.statements]
    assert [(s.role, s.affiliation, s.kind) for s in parsed.statements] == [
        (s.role, s.affiliation, s.kind) for s in expected.statements
    ]


def _inline_turns(items: list[dict[str, str]]) -> list[str]:
    lines: list[str] = []
    for item in items:
        paragraphs = [p for p in item["speech"].split("\n") if p.strip()]
        if paragraphs and not item["speaker"].startswith("Duration"):
            lines += [f"{item['speaker']}: {paragraphs[0]}", *paragraphs[1:]]
    return lines


def test_damaged_pdf_is_a_parsing_error() -> None:
    pdf = make_pdf(["x " * 800], running_header="h")
    with pytest.raises(ParsingError, match=r"cut\.pdf: "):
        parse_pdf(pdf[: len(pdf) // 3], origin="cut.pdf")
