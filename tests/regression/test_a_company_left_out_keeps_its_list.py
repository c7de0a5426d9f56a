"""Bug: `watchdesk plan "Monitor NVIDIA, Intel and AMD excluding Intel"` watched NVDA only and said "company 'AMD'
read as context in 'AMD excluding Intel'": leaving Intel out took it out of the list "NVIDIA, Intel and AMD", so AMD
stood apart, and "excluding" read as a word AMD qualifies. ("NVIDIA, AMD and Intel excluding Intel" was right.)"""

from __future__ import annotations

from datetime import date

from watchdesk.graph.goal.parse import parse_goal

AS_OF = date(2026, 12, 3)


def test_a_company_left_out_of_the_middle_of_a_list_leaves_the_others_watched() -> None:
    for goal, watched in (("Monitor NVIDIA, Intel and AMD excluding Intel", "NVDA AMD"),
                          ("Watch NVDA, TSM and AMD excluding TSM", "NVDA AMD"),
                          ("Track NVIDIA, Intel, AMD and Micron but not Intel or AMD for inventory", "NVDA MU")):
        result = parse_goal(goal, as_of=AS_OF)
        assert " ".join(t.symbol for t in result.watchlist.tickers) == watched, result.decisions
        assert result.context == () and not any(" read as context " in d for d in result.decisions)
    result = parse_goal("Monitor NVIDIA, Intel and AMD excluding Intel", as_of=AS_OF)
    assert "company 'Intel' -> INTC left out (from 'excluding Intel')" in result.decisions
