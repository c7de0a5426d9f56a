"""More of the goals6 walk:
- "send the briefing to alice@fund.com and bob@fund.com daily before market open" stopped with "the goal names a
  company watchdesk cannot resolve: 'open' in lower case is a word, not the ticker of Opendoor": prose in a goal that
  names no company; it now says the goal names no company. "watch open" still stops on 'open'.
- "Watch Novo Nordisk Wegovy supply" said 'Wegovy' and dropped 'supply': supply is what a company's words measure
  (qualified._MEASURES), so "Wegovy supply" is its custom topic.
- "Track Boeing and Spirit Aero for supply chain issues" stopped ('Spirit' could be SPR or SAVE, 'Aero' no company):
  "Spirit Aero" is Spirit AeroSystems now (the alias table).
- "Monitor Nvidia's China revenue and H20 shipments" made a custom topic 'and H20'."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 7)


def test_prose_in_a_goal_that_names_no_company_is_no_company() -> None:
    with pytest.raises(ConfigError) as raised:
        parse_goal("send the briefing to alice@fund.com and bob@fund.com daily before market open", as_of=DAY)
    assert str(raised.value).startswith("the goal names no company") and "Opendoor" not in str(raised.value)
    with pytest.raises(ConfigError, match="'open' in lower case is a word, not the ticker of Opendoor"):
        parse_goal("watch open", as_of=DAY)


def test_spirit_aero_is_spirit_aerosystems() -> None:
    plan = parse_goal("Track Boeing and Spirit Aero for supply chain issues", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["BA", "SPR"]


@pytest.mark.parametrize(("goal", "phrases"), [
    ("Watch Novo Nordisk Wegovy supply", [("Wegovy supply",)]),
    ("watch Intel chip supply", [("chip supply",)]),
])  # fmt: skip
def test_supply_a_company_qualifies_is_its_topic(goal: str, phrases: list[tuple[str, ...]]) -> None:
    """ "Watch Novo Nordisk Wegovy supply" said 'Wegovy' and dropped 'supply' unsaid, with the default topics."""
    assert [c.phrases for c in parse_goal(goal, as_of=DAY).watchlist.topics.custom] == phrases


def test_words_a_topic_read_leave_no_run_after_a_company() -> None:
    """ "Monitor Nvidia's China revenue and H20 shipments" made a custom topic 'and H20' (and_h20): the run of words
    Nvidia's qualifies was counted on the goal, then taken from the words no parser read, 'China revenue' being read
    as geopolitical already."""
    plan = parse_goal("Monitor Nvidia's China revenue and H20 shipments", as_of=DAY)
    assert list(plan.watchlist.topics.watch) == ["geopolitical"] and not plan.watchlist.topics.custom
    assert "'H20': not understood, ignored (to flag it as written, name it as a topic: 'flag H20')" in (
        plan.not_understood)


@pytest.mark.parametrize(("goal", "phrases"), [
    ("Watch Costco membership fee hike", [("membership fee hike",)]),
    ("watch Rivian and Lucid cash burn", [("cash burn",)]),
])  # fmt: skip
def test_a_hike_or_a_burn_a_company_qualifies_is_its_topic(goal: str, phrases: list[tuple[str, ...]]) -> None:
    """ "Watch Costco membership fee hike" and "watch Rivian and Lucid cash burn" said the phrase and kept the default
    topics: hike, hikes, cuts, burn and backlog now end a measure (qualified._MEASURES)."""
    assert [c.phrases for c in parse_goal(goal, as_of=DAY).watchlist.topics.custom] == phrases
