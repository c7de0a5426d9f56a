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


@pytest.mark.parametrize("part", ["test", "fresh", "dev", "ours"])
def test_unlisted_flags_are_listed_on_tune_only(part: str, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.labels.calls import main

    assert main([part, "-u"]) == 2  # refused before any row is read or any call flagged
    assert "tune only" in capsys.readouterr().err


@pytest.mark.fixtures
def test_unlisted_lists_only_sentences_the_labels_leave_out(shared_fixtures: Path) -> None:
    from tests.labels.calls import TEST_CALLS, own_rows, unlisted
    from watchdesk.agents.flagging.topics import load_topics

    rows = [r for r in own_rows(shared_fixtures, "tune") if r["file"].endswith("ACN_q1_2022.json")]
    assert rows and not TEST_CALLS & {r["file"] for r in rows}
    lines = list(unlisted(shared_fixtures, rows, load_topics(("inventory", "supply_chain", "geopolitical"))))
    listed = {r["idx"] for r in rows}
    for line in lines:
        idx = int(line.split(" got ", 1)[0].rsplit(":", 1)[1])
        assert idx not in listed and "\n  >> " in line
