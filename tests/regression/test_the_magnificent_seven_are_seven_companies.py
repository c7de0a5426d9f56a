"""Bug (goals6's review): `watchdesk plan "Watch the Mag 7 for AI capex"` stopped with "'the Mag' could be several
companies: MAG (MAG SILVER CORP), MMCP (Mag Mile Capital, Inc.)", and "Monitor the Magnificent Seven earnings calls"
with "'Magnificent' is not a company in SEC's ticker map": the group every market desk names was a silver miner or
nothing. Now "Mag 7", "Mag Seven", "Magnificent 7", "the Magnificent Seven" (any case, aliases.toml [groups]) are the
seven companies, AAPL MSFT GOOGL AMZN NVDA META TSLA, said in one decision line; "Mag" alone is unchanged."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 7)
SEVEN = ["AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "META", "TSLA"]


@pytest.mark.parametrize("goal", [
    "Watch the Mag 7 for AI capex",
    "Monitor the Magnificent Seven earnings calls for AI spending",
    "watch the magnificent 7",
    "Track Mag Seven filings weekly",
    "watch mag 7 capex",
    "Watch the Mag-7 for AI capex",
])  # fmt: skip
def test_the_magnificent_seven_are_the_seven_companies(goal: str) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == SEVEN, plan.decisions
    assert not plan.not_understood, plan.not_understood


def test_one_decision_line_says_the_seven() -> None:
    decisions = parse_goal("Watch the Mag 7 for AI capex", as_of=DAY).decisions
    said = [d for d in decisions if d.startswith("company ")]
    assert said == ["company 'Mag 7' -> the Magnificent Seven, 7 companies: AAPL (Apple Inc.), MSFT (MICROSOFT CORP), "
                    "GOOGL (Alphabet Inc.), AMZN (AMAZON COM INC), NVDA (NVIDIA CORP), META (Meta Platforms, Inc.), "
                    "TSLA (Tesla, Inc.) (by group name; each one's CIK is in the watchlist)"], decisions


def test_the_group_name_is_no_companys_alias() -> None:
    """News or a call that says "Mag 7" is about the group, not about Apple: no ticker takes the group's name."""
    plan = parse_goal("Watch the Mag 7 for AI capex", as_of=DAY)
    assert all(not t.aliases for t in plan.watchlist.tickers), [t.aliases for t in plan.watchlist.tickers]


@pytest.mark.parametrize(("goal", "tickers"), [
    ("Watch the Mag 7 excluding Tesla", SEVEN[:-1]),
    ("Watch the Mag 7 and AMD", [*SEVEN, "AMD"]),
    ("Watch Nvidia and the Magnificent Seven", ["NVDA", *[t for t in SEVEN if t != "NVDA"]]),
])  # fmt: skip
def test_the_group_goes_with_other_companies(goal: str, tickers: list[str]) -> None:
    assert [t.symbol for t in parse_goal(goal, as_of=DAY).watchlist.tickers] == tickers


def test_the_group_named_as_context_is_one_line_and_no_crash() -> None:
    """Found after the first commit: "Watch NVDA for Mag 7 demand" raised ValueError (each of the seven set aside
    took the one span away again)."""
    plan = parse_goal("Watch NVDA for Mag 7 demand", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["NVDA"]
    said = [d for d in plan.decisions if d.startswith("company 'Mag 7'")]
    assert said == ["company 'Mag 7' read as context in 'Mag 7 demand', not as companies to watch: AAPL, MSFT, GOOGL, "
                    "AMZN, META, TSLA are not watched (NVDA watched as named on its own); to watch them too, list them "
                    "with the companies ('NVDA and Mag 7')"], plan.decisions
