"""cli9 (a demanding user's leftovers): `watchdesk plan "Watch NVDA for Apple demand and Tesla"` read Apple as context
(Apple demand) but watched Tesla, said "company 'Tesla' -> TSLA by alias" with no word of another reading, where "for
Apple and Tesla demand" and "for Apple demand and Tesla orders" read both as context. A company alone joined ("and",
"or", a comma) right after the words a context company qualifies shares them: it is context too, said so with how
to watch it. One with its own source ("and Tesla filings"), a $TICKER, or after a watch verb is still watched."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal


@pytest.mark.parametrize(("goal", "watched", "context"), [
    ("Watch NVDA for Apple demand and Tesla", "NVDA", "AAPL TSLA"),  # before: NVDA TSLA watched
    ("Watch NVDA and AMD for Apple demand and Tesla", "NVDA AMD", "AAPL TSLA"),
    ("Watch NVDA for Apple demand and Tesla, weekly", "NVDA", "AAPL TSLA"),
    ("Watch NVDA for Apple demand, and Tesla filings", "NVDA TSLA", "AAPL"),
    ("Watch NVDA for Apple demand and $TSLA", "NVDA TSLA", "AAPL"),
    ("Watch NVDA for Apple demand and watch Tesla", "NVDA TSLA", "AAPL"),
    ("Monitor Apple demand and Tesla", "AAPL TSLA", ""),
])  # fmt: skip
def test_a_company_joined_to_a_context_phrase_is_context(goal: str, watched: str, context: str) -> None:
    result = parse_goal(goal, as_of=date(2026, 12, 3))
    assert " ".join(t.symbol for t in result.watchlist.tickers) == watched, result.decisions
    assert " ".join(result.context) == context, result.decisions


def test_it_is_said_where_it_was_read_and_how_to_watch_it() -> None:
    result = parse_goal("Watch NVDA for Apple demand and Tesla", as_of=date(2026, 12, 3))
    assert "company 'Tesla' read as context in 'Apple demand and Tesla', not as a company to watch: TSLA (Tesla, " \
           "Inc.) is not watched; to watch it too, list it with the companies ('NVDA and Tesla')" in result.decisions
    assert "demand" in result.watchlist.topics.watch
