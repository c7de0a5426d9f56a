"""A briefing review (session 26): the sentence-tone table wrote a 10-K's sentences as "2734" where the filings part
of the same briefing writes "19,255": counts in the table now take the same thousands separator."""

from __future__ import annotations

import re
from pathlib import Path

from tests.regression.demo_briefs import demo_file


def test_the_tone_table_counts_with_separators(demo_folder: Path) -> None:
    text = demo_file(demo_folder, "md").read_text()
    table = text.split("## Sentence tone by document", 1)[1].split("\n## ", 1)[0]
    counts = [c for row in re.findall(r"^\| [A-Z]+ \| (?!Document).*$", table, re.M) for c in row.split("|")[3:6]]
    assert counts and all(re.fullmatch(r" \d{1,3}(,\d{3})* ", c) for c in counts), counts
    assert any("," in c for c in counts)  # a 10-K holds thousands of sentences
