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


def test_each_for_phrase_after_the_companies_to_watch_is_context() -> None:
    """Bug: "Watch NVIDIA for AMD for Apple" watched NVDA and AAPL (AMD was context, Apple after it was not), and
    "Watch NVIDIA for inventory for Apple" watched Apple. Every "for X" after the companies to watch, in the same
    sentence, names what they are watched for, as "Watch NVIDIA for Apple" does."""
    for goal, watched, context in [
        ("Watch NVIDIA for AMD for Apple", "NVDA", ("AMD", "AAPL")),
        ("Watch NVIDIA for inventory for Apple", "NVDA", ("AAPL",)),
        ("Watch NVIDIA for AMD demand for Apple", "NVDA", ("AMD", "AAPL")),
        ("Track TSMC's filings for AMD for Apple and Qualcomm", "TSM", ("AMD", "AAPL", "QCOM")),
    ]:
        result = parse_goal(goal, as_of=AS_OF)
        assert [t.symbol for t in result.watchlist.tickers] == [watched], (goal, result.decisions)
        assert result.context == context, (goal, result.context)
    said = parse_goal("Watch NVIDIA for AMD for Apple", as_of=AS_OF).decisions
    assert "company 'Apple' read as context in 'for Apple', not as a company to watch: AAPL (Apple Inc.) is not " \
           "watched; to watch it too, list it with the companies ('NVIDIA and Apple')" in said


def test_a_for_phrase_in_another_sentence_or_before_a_source_still_names_a_company_to_watch() -> None:
    for goal, watched in [("Watch NVIDIA for inventory. Flag pricing for AMD.", ["NVDA", "AMD"]),
                          ("Watch NVIDIA for AMD for Apple filings", ["NVDA", "AAPL"]),
                          ("Flag inventory for NVIDIA and AMD", ["NVDA", "AMD"])]:
        assert [t.symbol for t in parse_goal(goal, as_of=AS_OF).watchlist.tickers] == watched, goal
