"""Bug: a sentence a page break cut stayed two when the next page opens with a running header. NVIDIA's notes pages
open with "NVIDIA Corporation and Subsidiaries / Notes to the Consolidated Financial Statements / (Continued)" after
the page number and the "Table of Contents" link, so the FY2024 10-K's "There are many uncertainties ... and we cannot
be certain that these actions" was one sentence and "(Continued) or other third-party claims against us will be
resolved ..." another (4 places in the FY2024 10-K, 2 in FY2025), and Alphabet's 10-Qs' pages open with "Table of
Contents | Alphabet Inc." (7 and 6 places). html_text now drops the lines a page repeats where a page break leaves
them inside a sentence, for any issuer, and joins the sentence back; elsewhere every line stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.agents.flagging.document import load_document
from watchdesk.sources.html_text import html_to_text

pytestmark = pytest.mark.fixtures

NVDA_2024 = "edgar/filings/NVDA_10-K_FY2024_filed-2024-02-21.html"
NVDA_2025 = "edgar/filings/NVDA_10-K_FY2025_filed-2025-02-26.html"
GOOG_Q3 = "edgar/filings/GOOG_10-Q_Q3-2023_0001652044-23-000094.html"
HEADER = "NVIDIA Corporation and Subsidiaries\nNotes to the Consolidated Financial Statements\n(Continued)"


def _sentences(root: Path, name: str) -> list[str]:
    document = load_document((root / name).read_bytes(), origin=name)
    return [" ".join(document.text[a:b].split()) for a, b in document.sentences()]


@pytest.mark.parametrize(("name", "sentence"), [
    (NVDA_2024, "There are many uncertainties associated with any litigation or investigation, and we cannot be "
                "certain that these actions or other third-party claims against us will be resolved without "
                "litigation, fines and/or substantial settlement payments or judgments."),
    (NVDA_2024, "This includes deferred revenue currently recorded and amounts that will be invoiced in future "
                "periods."),
    (NVDA_2025, "If information becomes available that causes us to determine that a loss in any of our pending "
                "litigation, investigations or settlements is probable, and we can reasonably estimate the loss "
                "associated with such events, we will record the loss."),
    (GOOG_Q3, "Due to the inherent complexity and uncertainty of these matters and judicial process in certain "
              "jurisdictions, the final outcome may be materially different from our expectations."),
])  # fmt: skip
def test_a_sentence_cut_by_a_page_with_a_running_header_is_one_sentence(
    shared_fixtures: Path, name: str, sentence: str
) -> None:
    assert sentence in _sentences(shared_fixtures, name)


@pytest.mark.parametrize("name", [NVDA_2024, NVDA_2025, GOOG_Q3])
def test_no_sentence_opens_with_the_header_of_a_page(shared_fixtures: Path, name: str) -> None:
    sentences = _sentences(shared_fixtures, name)
    assert not [s for s in sentences if s.startswith("(Continued) ") and s[len("(Continued) ")].islower()]
    assert not [s for s in sentences if s.startswith("Table of Contents | Alphabet Inc. ")]


def test_the_running_header_stays_where_a_page_break_falls_between_paragraphs(shared_fixtures: Path) -> None:
    text = html_to_text((shared_fixtures / NVDA_2024).read_bytes())
    # a notes page that opens with a heading, after a paragraph that ended: the header is kept as the filer wrote it
    assert f"{HEADER}\nGoodwill\n" in text
    assert text.count(HEADER) > 10


def test_a_repeated_line_between_sentences_on_one_page_stays() -> None:
    lines = ["Intro that goes", "12", "Header", "on here.", "Header", "more text", "Header", "and the end.", "Header"]
    page = "".join(f"<div>{line}</div>" for line in lines)
    # the first break is a page's (a number): its header goes; the others have no page marker, so they stay
    assert html_to_text(page).splitlines() == [
        "Intro that goes on here.", "Header", "more text", "Header", "and the end.", "Header",
    ]  # fmt: skip
