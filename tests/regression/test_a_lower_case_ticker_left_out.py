"""Bug: `watchdesk plan "Watch NVDA, TSM and AMD excluding tsm"` watched TSM and said 'tsm': not understood, where
"excluding TSM" leaves TSM out; "watch nvda, tsm and amd but not tsm" read both tsm as the ticker and watched it. A
ticker in lower case inside a negation now leaves out the company the goal names elsewhere, as in upper case."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal


@pytest.mark.parametrize(("goal", "watched"), [
    ("Watch NVDA, TSM and AMD excluding tsm", ["NVDA", "AMD"]),
    ("watch nvda, tsm and amd but not tsm", ["NVDA", "AMD"]),
    ("Monitor NVIDIA and tsm for inventory, but not tsm", ["NVDA"]),
])  # fmt: skip
def test_a_lower_case_ticker_in_a_negation_leaves_its_company_out(goal: str, watched: list[str]) -> None:
    result = parse_goal(goal, as_of=date(2026, 12, 3))
    assert [t.symbol for t in result.watchlist.tickers] == watched, result.decisions
    assert any(d.startswith("company 'tsm' -> TSM left out (from '") for d in result.decisions)
    assert not result.not_understood and result.context == ()
