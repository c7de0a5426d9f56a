"""`watchdesk plan "Track NVIDIA filings for Llama-driven and Robotaxi demand"` made a custom topic llama_driven,
flagging the phrase "Llama-driven" as written (f0320cc left it): the for-clause is split at "and", and the first half
of "Llama-driven and Robotaxi demand" was read as a topic of its own. "Llama-driven" says what drives the demand, as
"Robotaxi" (context: Tesla's driverless service) and "Apple" in "Apple demand" do: a word ending in -driven, -led,
-fueled, -powered, -related, -linked or -based qualifies the topic its list ends on, so it is context, said as such,
and no topic. A part that stands alone ("for layoffs and China demand") is still a topic of its own."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal


@pytest.mark.parametrize("goal", [
    "Track NVIDIA filings for Llama-driven and Robotaxi demand",
    "Track NVIDIA filings for Llama-driven, Robotaxi demand",
    "Track NVIDIA filings for Blackwell-led or Robotaxi demand",
    "Track NVIDIA filings for Llama-driven and data center demand",
])  # fmt: skip
def test_a_hyphenated_driver_of_a_topic_is_no_topic(goal: str) -> None:
    result = parse_goal(goal, as_of=date(2026, 12, 3))
    assert result.watchlist.topics.custom == (), result.decisions
    assert "demand" in result.watchlist.topics.watch
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA"]


def test_it_is_said_as_context_of_the_topic() -> None:
    result = parse_goal("Track NVIDIA filings for Llama-driven and Robotaxi demand", as_of=date(2026, 12, 3))
    assert ("'Llama-driven' read as context in 'Llama-driven and Robotaxi demand': what drives the demand watched "
            "(topic demand), not a topic of its own") in " ".join(result.decisions), result.decisions


def test_a_part_of_its_own_before_a_qualified_topic_is_still_a_topic() -> None:
    result = parse_goal("Track NVIDIA filings for layoffs and China demand", as_of=date(2026, 12, 3))
    assert [c.name for c in result.watchlist.topics.custom] == ["layoffs"], result.decisions
