"""Bug (goals6, from the last review): `watchdesk plan "watch tsmm"` stopped with "the goal names no company" and no
word of 'tsmm', and "watch tsmm and nvda" stopped on 'nvda' ("in lower case is read as a ticker only where a company
stands") with no word of 'tsmm', the slip itself. A lower-case word shaped like a ticker and close to one, where it
is the only candidate, is now the problem, said with its close matches (TSM first); it no longer keeps the lower-case
tickers beside it from being read."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 7)


@pytest.mark.parametrize("goal", ["watch tsmm", "watch tsmm and nvda", "watch tsmm for capex", "Watch NVDA and tsmm"])
def test_a_slip_of_a_ticker_is_said_with_its_close_matches(goal: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_goal(goal, as_of=DAY)
    message = str(raised.value)
    assert "'tsmm' is not a company in SEC's ticker map; close matches: TSM (TAIWAN SEMICONDUCTOR" in message
    assert "'nvda' in lower case" not in message


def test_an_english_word_after_a_watch_verb_is_no_slip() -> None:
    with pytest.raises(ConfigError) as raised:
        parse_goal("watch the cash flow", as_of=DAY)
    assert "close matches" not in str(raised.value)
