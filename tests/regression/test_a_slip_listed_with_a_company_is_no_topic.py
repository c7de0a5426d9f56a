"""Bug (goals6 walk): `watchdesk plan "keep an eye on tsmm, asml"` watched ASML and made 'tsmm', a slip for TSM, a
custom topic ("custom topic tsmm: 'tsmm' maps to no shipped topic, so that phrase is flagged as written"): "on" opens
a topic clause, and a lower-case part was never asked whether it was rather a company. A lone lower-case word shaped
like a ticker and close to one, listed with a company, is now no topic: the plan stops on it with its close matches,
as "watch tsmm, asml" does. Other lone words listed there stay topics ("keep an eye on NVDA, delays")."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 7)


@pytest.mark.parametrize("goal", ["keep an eye on tsmm, asml", "keep an eye on tsmm and asml",
                                  "Keep an eye on nvda, tsmm"])
def test_a_slip_listed_with_a_company_is_no_topic(goal: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_goal(goal, as_of=DAY)
    assert "'tsmm' is not a company in SEC's ticker map; close matches: TSM (TAIWAN SEMICONDUCTOR" in str(raised.value)


@pytest.mark.parametrize(("goal", "phrases"), [
    ("keep an eye on NVDA, delays", [("delays",)]),
    ("watch NVDA for shrink", [("shrink",)]),
    ("Watch NVDA and AMD for capex, opex", [("opex",)]),
])  # fmt: skip
def test_other_lone_words_stay_topics(goal: str, phrases: list[tuple[str, ...]]) -> None:
    assert [c.phrases for c in parse_goal(goal, as_of=DAY).watchlist.topics.custom] == phrases
