"""Bug (goals3): the decisions said each company's reading in the order the parser read them, not the goal's: a
ticker or name in lower case is read last, so "Watch AMD, nvda and Intel" said AMD, Intel, then nvda, and "watch
rivian, TSLA and F" said rivian last. README: "Each company's reading is a decision, in the goal's order". Now they
are listed in the goal's order, as the watchlist's tickers are."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 3)


@pytest.mark.parametrize(("goal", "phrases"), [
    ("Watch AMD, nvda and Intel", ["AMD", "nvda", "Intel"]),
    ("watch rivian, TSLA and F for EV demand", ["rivian", "TSLA", "F"]),
    ("watch NVDA, meta and AMD for capex", ["NVDA", "meta", "AMD"]),
    ("Watch Nvidia's and Apple's filings, not Intel", ["Nvidia's", "Apple's", "Intel"]),
])  # fmt: skip
def test_companies_are_said_in_the_goals_order(goal: str, phrases: list[str]) -> None:
    said = [d.split(" -> ")[0].split(" ", 1)[1] for d in parse_goal(goal, as_of=DAY).decisions
            if d.startswith("company ")]
    assert said == [repr(p) for p in phrases]
