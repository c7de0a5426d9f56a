"""Bug: explore_run.ipynb's "Sentence tone over time" says its net tone is "per document in filing order", but grouped
sentences by ticker, day and kind: the demo's two NVIDIA news items of 2026-03-05 (1 sentence, -1.00; 3 sentences,
-0.67, as the briefing's "Sentence tone by document" lists them) showed as one row of 4 sentences at -0.25, and those
of 2026-03-06 as one row of 2."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_sentence_tone_has_one_row_per_document(explore_on_the_demo: tuple[Path, str, str]) -> None:
    _, printed, error = explore_on_the_demo  # the notebook on the demo's store (tests/regression/conftest.py)
    assert not error, error
    tone = printed.split("net_tone", 2)[2]  # the second table with a net tone: sentence tone by document
    rows = [line for line in tone.splitlines() if "NVDA" in line and "2026-03-05" in line and "news" in line]
    assert sorted(row.split("│")[4].strip() for row in rows) == ["1", "3"], rows
