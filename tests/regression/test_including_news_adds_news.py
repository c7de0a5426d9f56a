"""Bug: `watchdesk plan "Track TSMC and ASML plus Nvidia for inventory, ..., including news, weekly"` watched news
only (sources = ["news"] for every company) and dropped the filings a goal reads by default; "also news" did the
same, and "incl news" / "incl. news" also made a custom topic 'incl'. An additive phrase ("including", "incl.",
"also", "plus", "as well as", "and") adds news to the default sources, and the decisions say so; "only news" and
"news only" still read news alone."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

AS_OF = date(2026, 12, 3)
WALKTHROUGH = ("Track TSMC and ASML plus Nvidia for inventory, supply chain and geopolitical mentions, including "
               "news, weekly")


@pytest.mark.parametrize("goal", [
    WALKTHROUGH,
    "Watch NVDA for inventory, also news, weekly",
    "Watch NVDA for inventory, incl news",
    "Watch NVDA for inventory, incl. news",
    "Watch NVDA for inventory plus news",
    "Watch NVDA for inventory as well as news",
    "Watch NVDA for inventory and news",
    "Watch NVDA for inventory, including the news",
])
def test_an_additive_news_phrase_keeps_the_default_filings(goal: str) -> None:
    plan = parse_goal(goal, as_of=AS_OF)
    assert {t.sources for t in plan.watchlist.tickers} == {("edgar", "news")}, (goal, plan.decisions)
    assert not plan.watchlist.topics.custom, plan.watchlist.topics.custom
    assert "inventory" in plan.watchlist.topics.watch
    said = [d for d in plan.decisions if d.startswith("source")]
    assert any(d.startswith("source edgar: the default, kept") for d in said), said
    assert any(d.startswith("source news: from") for d in said), said


@pytest.mark.parametrize("goal", ["Watch NVDA for inventory, only news", "Watch NVDA news only for inventory",
                                  "Watch NVDA news for inventory"])
def test_news_alone_stays_news_alone(goal: str) -> None:
    plan = parse_goal(goal, as_of=AS_OF)
    assert plan.watchlist.tickers[0].sources == ("news",), (goal, plan.decisions)
    assert not plan.watchlist.topics.custom


def test_the_walkthrough_goal_says_its_sources() -> None:
    plan = parse_goal(WALKTHROUGH, as_of=AS_OF)
    assert "source edgar: the default, kept ('including news' adds news to it)" in plan.decisions
