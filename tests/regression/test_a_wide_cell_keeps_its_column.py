"""Bug: the e-mail's plain text wrapped a table cell by characters while its columns are measured in display columns,
so a cell of East Asian text ("台積電 台積電 ...", two columns a letter) ran twice as wide as its column and pushed
the next columns right; a cell with combining accents wrapped before its column was full. Cells now wrap by display
width."""

from __future__ import annotations

import unicodedata

from watchdesk.agents.briefing.plain import plain_text


def table(name: str) -> str:
    return f"| Ticker | Name | Mentions |\n|---|---|---:|\n| TSM | {name} | 3 |\n| NVDA | NVIDIA | 12 |\n"


def columns(text: str) -> int:
    """Columns `text` takes in a fixed-width font, counted apart from the code under test."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_a_cell_of_wide_letters_stays_in_its_column() -> None:
    lines = plain_text(table(" ".join(["台積電"] * 12))).splitlines()
    rule = lines[1]
    assert [line[:8] for line in lines[2:]] == ["TSM     ", "        ", "        ", "NVDA    "]
    # the figures right-aligned: every row with one ends where the rule does, and no line is wider than it
    assert {columns(line) for line in lines if line.endswith(("3", "12"))} == {columns(rule)}
    assert max(columns(line) for line in lines) == columns(rule)
    assert [columns(line.rstrip()) for line in lines[2:5]] == [54, 42, 21]  # five words (34 of its 36 columns) a line


def test_a_cell_with_combining_accents_wraps_where_its_letters_do() -> None:
    name = " ".join(["Société Générale"] * 4)
    composed = plain_text(table(unicodedata.normalize("NFC", name)))
    decomposed = plain_text(table(unicodedata.normalize("NFD", name)))
    assert decomposed != composed
    assert unicodedata.normalize("NFC", decomposed) == composed
