"""A row of figures from a filing's table is not a statement: "Inventories | 14,962 | 10,080" names a topic but says
nothing a reader could call a warning or good news, so it is never a finding.

Filing tables reach the text as one line per row, cells joined by " | " (sources.html_text). The financial
statements of a 10-K hold dozens of such rows ("Work in process | 1,505 | 466", "Inventories | (98) | (2,554)"): in
the demo briefing 14 of NVIDIA's 110 inventory mentions were these. The labelled filing sentences
leave table lines out (tests/labels/filings/README.md), so no measured figure moves. A row whose cells after the
first hold words ("Export controls | Revenue from China fell ...", a layout table of text) is read as usual.
"""

from __future__ import annotations

import re

# A cell of figures: amounts ("$(1,234)", "$ (98)", "(2,554)", "12 %", "(1.0)%", "2.5 pts"), a footnote mark, a
# dash or "$—" for nil, n/a or n/m, a units header ("(In millions)"), a column's date ("January 26, 2025"), or
# nothing. Matched on the stripped cell, with at most one space at each join, so it runs in linear time.
FIGURE = re.compile(
    r"(?:[$€£¥] ?)?\(?(?:[$€£¥] ?)?[-+−–—]?\d[\d.,]* ?%?\)? ?%?(?: ?pts)?(?: ?\(\d\))?"
    r"|(?:[$€£¥] ?)?[-−–—]+|n/?[am]|\((?:in|amounts in) [\w ,$]+\)"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}, \d{4}|",  # a column's date
    re.IGNORECASE,
)
CELL = " | "


def is_figures_row(sentence: str) -> bool:
    """Whether `sentence` is a table row whose cells after the first are all figures, blank or a units header."""
    cells = sentence.split(CELL)
    return len(cells) > 1 and all(FIGURE.fullmatch(cell.strip()) for cell in cells[1:])


# An exhibit index's row: "10.17† | Supply Agreement between Panasonic Corporation and the Registrant ... | 10-K |
# 001-34756 | 10.25 | February 27, 2012": a document's title in a list of exhibits, not a statement (Tesla's 10-Ks
# had eight such flags, read as good news or warnings).
_EXHIBIT_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3}){0,3}[A-Za-z]?[†‡*#]*")


def is_exhibit_row(sentence: str) -> bool:
    """Whether `sentence` is a table row whose first cell is an exhibit number."""
    cells = sentence.split(CELL)
    return len(cells) > 1 and bool(_EXHIBIT_NUMBER.fullmatch(cells[0].strip()))
