"""Bug: `watchdesk plan "watch nvda for Apple demand"` watched AAPL and said 'nvda': not understood, where "watch NVDA
for Apple demand" watches NVDA with Apple read as context. A ticker typed in lower case was read only beside a
company, or when the goal named none, and only after the companies were placed, so it never stood where a company to
watch does (after "watch", "track", "keep an eye on"...) and the context rule left the other company watched. It is
now read there too, before the companies are placed, when it stands alone or before its own source and is one of
SEC's well-known companies; a common word ("on", "all", "it"), an ordinary word that is also a name ("gold"), or a
word qualifying others ("watch cash flow") is not read there. More phrasings are rows of
tests/unit/test_goal_company_positions.py::POSITIONS."""

from __future__ import annotations

from datetime import date

from watchdesk.graph.goal.parse import parse_goal

AS_OF = date(2026, 12, 3)


def test_a_lower_case_ticker_after_a_watch_verb_is_watched_and_its_context_is_not() -> None:
    result = parse_goal("watch nvda for Apple demand", as_of=AS_OF)
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA"] and result.context == ("AAPL",)
    assert result.decisions[1:3] == (
        "company 'nvda' -> NVDA (NVIDIA CORP, CIK 1045810) by ticker, written in lower case",
        "company 'Apple' read as context in 'Apple demand', not as a company to watch: AAPL (Apple Inc.) is not "
        "watched; to watch it too, list it with the companies ('nvda and Apple')",
    )
    assert not result.not_understood
