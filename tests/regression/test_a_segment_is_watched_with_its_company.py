"""Bug (goals6, from the last review): `watchdesk plan "Watch AWS growth"` watched Amazon (AWS is its alias) and
dropped 'growth' unsaid; "Watch AMZN for AWS growth" flagged 'growth' alone, every growth in Amazon's filings; and
"Azure" and "Google Cloud" were no names ('Azure': not understood; 'Cloud' dropped). A part of a company (aliases.toml
[segments]: AWS, Azure, Google Cloud, YouTube, Instagram) is now read as the company, said so, and what it qualifies
is flagged with its name: "AWS growth"."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 7)


@pytest.mark.parametrize(("goal", "tickers", "phrases"), [
    ("Watch AWS growth", ["AMZN"], ["AWS growth"]),
    ("Watch AMZN for AWS growth", ["AMZN"], ["AWS growth"]),
    ("Track AWS growth and Azure growth at AMZN and MSFT", ["AMZN", "MSFT"], ["AWS growth", "Azure growth"]),
    ("Watch YouTube ad revenue", ["GOOGL"], ["YouTube ad revenue"]),
    ("watch Google Cloud and AWS margins", ["GOOGL", "AMZN"], []),  # margins: the shipped topic
])  # fmt: skip
def test_a_segment_is_watched_with_its_company(goal: str, tickers: list[str], phrases: list[str]) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == tickers, plan.decisions
    assert [p for c in plan.watchlist.topics.custom for p in c.phrases] == phrases, plan.decisions
    assert not plan.not_understood, plan.not_understood


def test_the_decision_says_it_is_a_part() -> None:
    assert ("company 'AWS' -> AMZN (AMAZON COM INC, CIK 1018724) by alias: AWS is Amazon's cloud segment, which AMZN's "
            "filings report") in parse_goal("Watch AWS growth", as_of=DAY).decisions
