"""A review: "What changed in filings" named a changed risk factor's or an added sentence's topics by their keys
("· topics: supply_chain"), where the rest of the briefing (its header, headline and findings) says "Supply chain".
They now read as everywhere else."""

from __future__ import annotations

import re
from pathlib import Path

from tests.regression.demo_briefs import demo_file


def test_topics_of_what_changed_read_as_in_the_header(demo_folder: Path) -> None:
    md = demo_file(demo_folder, "md").read_text()
    header = re.search(r"\*\*Topics:\*\* (.*?)  $", md, re.M)
    assert header and header.group(1) == "Inventory, Supply chain, Geopolitical"
    part = md.split("## What changed in filings", 1)[1].split("\n## ", 1)[0]
    named = [t for line in re.findall(r" · topics: (.*)$", part, re.M) for t in line.split(", ")]
    assert len(named) >= 10 and "Supply chain" in named
    assert set(named) <= set(header.group(1).split(", ")), sorted(set(named))
