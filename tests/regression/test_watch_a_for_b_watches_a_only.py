"""Bug: `watchdesk plan "Watch NVIDIA for Apple"` watched NVDA and AAPL, each said as a plain "company 'Apple' ->
AAPL". A company standing alone right after "for" and the companies to watch ("Track TSMC for Apple", "Watch NVIDIA
filings for Apple and AMD") is what they are watched for: context, as "for Apple demand" already was. More phrasings
are rows of tests/unit/test_goal_company_positions.py::POSITIONS."""

from __future__ import annotations

from datetime import date

from watchdesk.graph.goal.parse import parse_goal

AS_OF = date(2026, 12, 3)


def test_watch_a_for_b_watches_a_and_says_how_to_watch_b_too() -> None:
    result = parse_goal("Watch NVIDIA for Apple", as_of=AS_OF)
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA"] and result.context == ("AAPL",)
    assert "company 'Apple' read as context in 'for Apple', not as a company to watch: AAPL (Apple Inc.) is not " \
           "watched; to watch it too, list it with the companies ('NVIDIA and Apple')" in result.decisions
    assert not result.not_understood
    # the suggestion works
    assert [t.symbol for t in parse_goal("Watch NVIDIA and Apple", as_of=AS_OF).watchlist.tickers] == ["NVDA", "AAPL"]
