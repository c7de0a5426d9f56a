"""Bug (goals4): `watchdesk plan "watch NVDA, flag Blackwell ramp in China"` made no custom topic: 'China' maps to the
geopolitical topic, and the words around a mapped phrase were read as qualifying it (as "smartphone demand" does), so
'Blackwell ramp' was said under Not understood and nothing flagged it. Now the words of a topic part before where it
happens ("in China", "across Europe", "from Taiwan"), when only that place maps to a topic, are a custom topic of
their own; one common word alone ("exposure in China") is none, and a mapped phrase still keeps its qualifiers
("demand in China")."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 3)


@pytest.mark.parametrize(("goal", "custom"), [
    ("watch NVDA, flag Blackwell ramp in China", ["blackwell_ramp"]),
    ("Watch NVDA and flag Blackwell ramp in China", ["blackwell_ramp"]),
    ("flag Blackwell ramp in China for NVDA", ["blackwell_ramp"]),
    ("watch NVDA for H20 sales in China", ["h20_sales"]),
    ("watch AAPL for iPhone sales in China and inventory", ["iphone_sales"]),
    ("watch NVDA for exposure in China", []),
    ("watch NVDA for demand in China", []),
])  # fmt: skip
def test_the_words_before_the_place_are_flagged(goal: str, custom: list[str]) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [c.name for c in plan.watchlist.topics.custom] == custom
    assert "geopolitical" in plan.watchlist.topics.watch
    assert not any("Blackwell ramp" in n for n in plan.not_understood)
