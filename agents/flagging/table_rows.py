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

# A cell of figures: amounts, brackets for negatives, percentages, dashes for nil, footnote marks, a units header.
FIGURE = re.compile(
    r"\s*(?:\(?[$€£¥]?\s*[-+−–—]?\s*[\d.,]+\s*%?\)?\s*%?(?:\s*\(\d\))?"  # (1,234), $ 5.6, 12 %, 3 (1)
    r"|[-−–—]+|n/?[am]|\((?:in|amounts in) [\w ,$]+\)|)\s*",  # a dash, n/a or n/m, "(In millions)", blank
    re.IGNORECASE,
)
CELL = " | "


def is_figures_row(sentence: str) -> bool:
    """Whether `sentence` is a table row whose cells after the first are all figures, blank or a units header."""
    cells = sentence.split(CELL)
    return len(cells) > 1 and all(FIGURE.fullmatch(cell) for cell in cells[1:])
