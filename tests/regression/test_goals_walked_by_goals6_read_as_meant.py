"""A walk of 68 more goals written as analysts would (goals6); what read wrong, and is not in a file of its own:
- "Compare NVIDIA with AMD on pricing" said "'Compare': not understood, ignored", and "Compare GM with Ford" left GM
  out: "compare" is now a watch verb (and a common word).
- "Watch Stellantis and Renault", "watch Nike vs Adidas" stopped with "'Renault' is not a company in SEC's ticker map;
  close matches: none (a product or brand? ...)": they are companies SEC does not list, and said so now (the alias
  table, as Volkswagen).
- "Track Foo Inc shares" asked whether 'Foo Inc' was a product or brand: a name with its legal form is a company's;
  now said as one SEC does not list, or misspelt.
- "Watch Disney+ subscriber growth" dropped 'subscriber growth' unsaid, and "watch Disney+ and NFLX subscriber growth"
  read Netflix as context: the + of a company's service now neither ends what it qualifies nor breaks a list."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 7)


@pytest.mark.parametrize(("goal", "tickers"), [
    ("Compare NVIDIA with AMD on pricing", ["NVDA", "AMD"]),
    ("compare nvda and amd margins", ["NVDA", "AMD"]),
    ("Compare Target and Walmart", ["TGT", "WMT"]),
])  # fmt: skip
def test_compare_is_a_watch_verb(goal: str, tickers: list[str]) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == tickers, plan.decisions
    assert not any("ompar" in n for n in plan.not_understood), plan.not_understood


@pytest.mark.parametrize(("goal", "said"), [
    ("Watch Stellantis and Renault", "'Renault': Renault is not listed with SEC (no ticker to watch)"),
    ("watch Nike vs Adidas", "'Adidas': Adidas is not listed with SEC (no ticker to watch)"),
    ("Track Foo Inc shares", "'Foo Inc' is not a company in SEC's ticker map; close matches: none (a company SEC does "
                             "not list, or a name misspelt? check it on EDGAR's company search)"),
])  # fmt: skip
def test_a_company_sec_does_not_list_is_said_as_one(goal: str, said: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_goal(goal, as_of=DAY)
    assert f"  - {said}" in str(raised.value)


@pytest.mark.parametrize(("goal", "tickers"), [
    ("Watch Disney+ subscriber growth", ["DIS"]),
    ("watch Disney+ and NFLX subscriber growth", ["DIS", "NFLX"]),
])  # fmt: skip
def test_a_service_plus_is_no_break(goal: str, tickers: list[str]) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == tickers, plan.decisions
    assert [c.phrases for c in plan.watchlist.topics.custom] == [("subscriber growth",)], plan.decisions
