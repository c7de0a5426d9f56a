"""`watchdesk flag --topics geopolitical` must give the geopolitical flags of a full run.

Found at the end of session 2: the refiner reads the rules' verdicts on every core topic ("also flagged as supply
chain"); asked for one topic, it saw none of the others and judged differently (on NVDA_2026_Q1 the geopolitical
flags differed from the full run's).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.topics import load_topics

CORE = ("inventory", "supply_chain", "geopolitical")


@pytest.mark.fixtures
@pytest.mark.parametrize("call", ["NVDA_2026_Q1", "MU_2024_Q2", "AMD_2025_Q2"])
def test_each_core_topic_alone_matches_the_full_run(shared_fixtures: Path, call: str) -> None:
    text = (shared_fixtures / "transcripts" / "plaintext_2023_2025" / f"{call}.txt").read_text(encoding="utf-8")
    full = flag_text(text, topics=load_topics(CORE))
    for topic in CORE:
        assert flag_text(text, topics=load_topics([topic])) == [f for f in full if f.topic == topic], topic
