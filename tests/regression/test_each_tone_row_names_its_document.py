"""A review: the demo briefing's "Sentence tone by document" table had two rows "news, published 2026-03-05" (one
sentence at +1.00, three at -0.67) and two "news, published 2026-03-06": a reader could not tell which item read
good and which bad, nor find either in Sources (an uncited item has no number). A news row now carries its headline
(shortened past 60 characters), so no two rows of a ticker read the same."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.regression.demo_briefs import demo_file


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_no_two_tone_rows_read_the_same(demo_folder: Path) -> None:
    md = demo_file(demo_folder, "md").read_text()
    table = md.split("## Sentence tone by document", 1)[1].split("\n\n", 2)[1]
    rows = [line.split(" | ")[:2] for line in table.splitlines()[2:]]
    assert len(rows) == 17
    same = [row for row, n in Counter(map(tuple, rows)).items() if n > 1]
    assert same == []
    foxconn = ("news (named only in its tags), published 2026-03-05: Foxconn's February revenue rises amid strong "
               "demand for AI…")
    assert ["NVDA", foxconn] in [[t.lstrip("| "), d] for t, d in rows], rows
