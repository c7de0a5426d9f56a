"""Flagging v0.25: production problems that limit supply (fixtures/labels/README.md, supply chain: "Production
problems that limit supply, and improvements in them"; manufacturing footprint: new fabs and plants).

Until v0.25 a production stop or a hazard at the plants was no supply-chain mention unless the sentence also named
supply or suppliers: "An earthquake in Taiwan briefly disrupted production at our fabs" was not flagged, nor "Our
Arizona fab began volume production". Written sentences in the style of a foundry's call and 20-F; the look-alikes
(a fire department, a planned shutdown) are no mention.
"""

from __future__ import annotations

from functools import cache

import pytest

from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.topics import TopicLibrary, load_topics


@cache
def _topics() -> TopicLibrary:
    return load_topics(("inventory", "supply_chain", "geopolitical"))


def _supply(sentence: str) -> str | None:
    return {f.topic: f.polarity for f in flag_text(sentence, topics=_topics())}.get("supply_chain")


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("An earthquake in Taiwan briefly disrupted production at our fabs.", "negative"),
        ("Production at the fab was interrupted by a power outage for two days.", "negative"),
        ("A fire at a supplier's plant halted production of a key substrate.", "negative"),
        ("Our fabs in Taiwan are located in an area prone to earthquakes and typhoons.", "negative"),
        ("Our Arizona fab began volume production ahead of schedule.", "positive"),
        ("Our new plant in Japan began production in December.", "positive"),
        ("We have fully recovered from the earthquake and production is back to normal.", "positive"),
    ],
    ids=["quake", "power-outage", "supplier-fire", "prone-to-quakes", "fab-began", "plant-began", "recovered"],
)
def test_production_problems_and_new_plants_are_supply_chain(sentence: str, verdict: str) -> None:
    assert _supply(sentence) == verdict


@pytest.mark.parametrize(
    "sentence",
    ["The fire department inspected the plant.", "We took the usual holiday shutdown at the plant in December."],
    ids=["fire-department", "holiday-shutdown"],
)
def test_a_fire_department_or_a_planned_shutdown_is_no_supply_problem(sentence: str) -> None:
    assert _supply(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    ["Customers are rebuilding inventory.", "The inventory correction in PCs and smartphones has ended."],
    ids=["rebuilding", "correction-ended"],
)
def test_restocking_and_a_correction_that_ended_are_good_inventory_news(sentence: str) -> None:
    """v0.26 (rubric, inventory: replenishment or restocking, customer inventory normalised, are good news): both read
    neutral or as a warning before."""
    assert {f.topic: f.polarity for f in flag_text(sentence, topics=_topics())}.get("inventory") == "positive"
