"""The fresh held-out labels (tests/labels/fresh/, see its README.md) still point at the sentences they were made on.

Only the rows are checked here; the flagger is scored on them by `python -m tests.labels.calls fresh`, never in a
test that tuning would read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.labels.calls import FRESH, own_rows

CALLS = 7


@pytest.mark.fixtures
def test_fresh_labels_match_the_transcripts(shared_fixtures: Path) -> None:
    rows = own_rows(shared_fixtures, folder=FRESH)  # raises if a label's sentence hash no longer matches
    assert len({r["file"] for r in rows}) == CALLS == len(list(FRESH.glob("*.jsonl")))
    assert any(r["file"].endswith(".html") for r in rows)  # fool.com pages split per parsed statement
    assert all(r["topics"] for r in rows if r["manual"])
    assert len({(r["file"], r["idx"]) for r in rows}) == len(rows)
