"""The written call passages of the training-data study (tests/packs/passages_study.md): well formed, every target
sentence but 15 one the refiner would look at, and the mix the study reports."""

from __future__ import annotations

import json
from collections import Counter

from tests.packs.passages_study import PASSAGES
from watchdesk.agents.flagging.candidate import is_candidate

TOPICS = {"inventory", "supply_chain", "geopolitical"}
POLARITIES = {"positive", "negative", "neutral"}


def test_passages_are_well_formed_candidates_in_the_reported_mix() -> None:
    rows = [json.loads(line) for path in sorted(PASSAGES.glob("*.jsonl")) for line in path.read_text().splitlines()]
    assert len(rows) == 1254
    assert len({r["sentence"] for r in rows}) == len(rows)
    mix: Counter[tuple[str, str]] = Counter()
    for r in rows:
        assert set(r) == {"before", "sentence", "after", "speaker", "topics", "why"}
        assert r["speaker"] in {"executive", "analyst"}
        assert set(r["topics"]) <= TOPICS and set(r["topics"].values()) <= POLARITIES
        mix.update(r["topics"].items())
    # the writers checked a looser stem list than candidate.CANDIDATE: "war" in "warranty", "port" in "portfolio",
    # "overstock", "pulling forward" are not candidates
    assert sum(not is_candidate(r["sentence"]) for r in rows) == 15
    assert sum(not r["topics"] for r in rows) == 288
    assert [mix["inventory", p] for p in ("positive", "neutral", "negative")] == [123, 121, 126]
    assert [mix["supply_chain", p] for p in ("positive", "neutral", "negative")] == [135, 138, 138]
    assert [mix["geopolitical", p] for p in ("positive", "neutral", "negative")] == [77, 86, 98]
