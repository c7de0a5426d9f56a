"""Bug: explore_run.ipynb's "Sentence tone over time" says its net tone is "per document in filing order", but grouped
sentences by ticker, day and kind: the demo's two NVIDIA news items of 2026-03-05 (1 sentence, -1.00; 3 sentences,
-0.67, as the briefing's "Sentence tone by document" lists them) showed as one row of 4 sentences at -0.25, and those
of 2026-03-06 as one row of 2."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.integration.test_notebooks_read_safely import EXPLORE, execute


def test_sentence_tone_has_one_row_per_document(tmp_path: Path, demo_store: Callable[[Path], Path]) -> None:
    printed, error = execute(EXPLORE, demo_store(tmp_path))
    assert not error, error
    tone = printed.split("net_tone", 2)[2]  # the second table with a net tone: sentence tone by document
    rows = [line for line in tone.splitlines() if "NVDA" in line and "2026-03-05" in line and "news" in line]
    assert sorted(row.split("│")[4].strip() for row in rows) == ["1", "3"], rows
