"""A user walkthrough (walkB): `watchdesk plan "monitor nvda tsm asml daily at 7am for inventory, supply chain and
china"` watched ASML alone and said "'nvda tsm': not understood, ignored" (exit 0), where "nvda, tsm, asml" watches
all three: two lower-case tickers side by side were read as one phrase, which is no company. Lower-case tickers typed
with spaces between them ("nvda tsm asml", "amd intc") are a list as with commas; a slip among them ("nvda tsmm asml")
stops the plan with its close matches, as one between commas does."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

AS_OF = date(2026, 12, 3)


@pytest.mark.parametrize(("goal", "tickers"), [
    ("monitor nvda tsm asml daily at 7am for inventory, supply chain and china", ["NVDA", "TSM", "ASML"]),
    ("monitor nvda, tsm, asml daily at 7am for inventory, supply chain and china", ["NVDA", "TSM", "ASML"]),
    ("watch nvda tsm", ["NVDA", "TSM"]),
    ("monitor amd intc for inventory", ["AMD", "INTC"]),
    ("track nvda tsm and asml filings", ["NVDA", "TSM", "ASML"]),
])  # fmt: skip
def test_lower_case_tickers_with_spaces_are_a_list(goal: str, tickers: list[str]) -> None:
    result = parse_goal(goal, as_of=AS_OF)
    assert [t.symbol for t in result.watchlist.tickers] == tickers, result.not_understood
    assert not any("not understood" in n for n in result.not_understood), result.not_understood


def test_a_slip_among_them_stops_the_plan() -> None:
    with pytest.raises(ConfigError) as err:
        parse_goal("monitor nvda tsmm asml daily", as_of=AS_OF)
    assert "'tsmm' is not a company in SEC's ticker map; close matches: TSM (TAIWAN SEMICONDUCTOR" in str(err.value)


@pytest.mark.parametrize(("goal", "tickers"), [
    ("Watch NVIDIA and cash flow", ["NVDA"]),
    ("watch nvda for Apple demand", ["NVDA"]),
])  # fmt: skip
def test_words_beside_them_stay_words(goal: str, tickers: list[str]) -> None:
    assert [t.symbol for t in parse_goal(goal, as_of=AS_OF).watchlist.tickers] == tickers


@pytest.mark.parametrize(("goal", "tickers"), [
    ("monitor NVDA tsm ASML daily", ["NVDA", "TSM", "ASML"]),
    ("Monitor NVDA tsm ASML for inventory", ["NVDA", "TSM", "ASML"]),
    ("watch NVDA tsm", ["NVDA", "TSM"]),
    ("watch nvda TSM asml", ["NVDA", "TSM", "ASML"]),
])  # fmt: skip
def test_a_lower_case_ticker_among_upper_case_ones(goal: str, tickers: list[str]) -> None:
    """A review: "NVDA tsm ASML" watched NVDA and ASML and said "'tsm': not understood, ignored (a company? close
    matches: TSM ...)": a lower-case ticker was read as one of a spaced list only beside another in lower case."""
    result = parse_goal(goal, as_of=AS_OF)
    assert [t.symbol for t in result.watchlist.tickers] == tickers, result.not_understood
    assert not result.not_understood


@pytest.mark.parametrize(("goal", "tickers"), [
    ("monitor NVDA low margins weekly", ["NVDA"]),
    ("watch TSMC low inventory", ["TSM"]),
    ("watch NVIDIA fast growth", ["NVDA"]),
    ("watch NVDA tsm weekly for low margins", ["NVDA", "TSM"]),  # "weekly" is no word tsm qualifies
])  # fmt: skip
def test_a_ticker_shaped_word_qualifying_the_next_stays_a_word(goal: str, tickers: list[str]) -> None:
    """A review of b9028c7: beside a company in capitals, any lower-case ticker of a well-known company was read as one
    of a list, so "monitor NVDA low margins weekly" watched Lowe's (LOW) and "watch NVIDIA fast growth" Fastenal
    (FAST), said as plain decisions. A word that qualifies the word after it ("low margins") stays a word, as one after
    a watch verb does ("watch cash flow"); one between companies or ending the list ("NVDA tsm ASML") is a ticker."""
    result = parse_goal(goal, as_of=AS_OF)
    assert [t.symbol for t in result.watchlist.tickers] == tickers, result.decisions
