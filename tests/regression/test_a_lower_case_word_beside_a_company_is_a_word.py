"""Bug: `watchdesk plan "Watch NVIDIA and gold"` watched Barrick Gold (GOLD), "watch nvda and cash" watched Pathward
(CASH), "watch gold" watched Barrick alone, and "NVIDIA and cash flow" stopped with "'cash flow' is not a company in
SEC's ticker map; close matches: none". Right after a watch verb a lower-case word was already read as a ticker only
when it is a well-known company's and no ordinary word ("watch gold for Apple demand" watches Apple); beside a
company, or as a goal's only candidate, any SEC ticker was taken. The same rule now holds everywhere: "gold", "cash"
beside a company are words, said under Not understood with how to watch the company (write GOLD or $GOLD); a goal
whose only candidate is such a word stops and says so; a lower-case phrase beside a company that is close to no
company's name is words too. Tickers in lower case of well-known companies ("nvda, tsm and asml", "NVIDIA and amd")
read as before."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

AS_OF = date(2026, 12, 3)


def watched(goal: str) -> list[str]:
    return [t.symbol for t in parse_goal(goal, as_of=AS_OF).watchlist.tickers]


@pytest.mark.parametrize(("goal", "word", "ticker", "name", "watching"), [
    ("Watch NVIDIA and gold", "gold", "GOLD", "BARRICK GOLD CORP", ["NVDA"]),
    ("watch nvda and cash", "cash", "CASH", "PATHWARD FINANCIAL, INC.", ["NVDA"]),
    ("NVIDIA, gold and AMD", "gold", "GOLD", "BARRICK GOLD CORP", ["NVDA", "AMD"]),
])  # fmt: skip
def test_a_lower_case_word_beside_a_company_is_the_word_and_says_how_to_watch_its_company(
    goal: str, word: str, ticker: str, name: str, watching: list[str]
) -> None:
    result = parse_goal(goal, as_of=AS_OF)
    assert [t.symbol for t in result.watchlist.tickers] == watching, result.decisions
    assert result.not_understood == (f"{word!r}: not understood, ignored (in lower case a word, not the ticker of "
                                     f"{name} ({ticker}): write {ticker} or ${ticker} to watch it)",)


def test_a_goal_whose_only_candidate_is_such_a_word_says_how_to_watch_its_company() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_goal("watch gold", as_of=AS_OF)
    assert "'gold' in lower case is a word, not the ticker of BARRICK GOLD CORP (GOLD): write GOLD or $GOLD to " \
           "watch it" in str(caught.value)


def test_the_company_is_watched_as_written() -> None:
    assert watched("Watch NVIDIA and GOLD") == ["NVDA", "GOLD"]
    assert watched("Watch NVIDIA and $gold") == ["NVDA", "GOLD"]
    assert watched("watch nvda and CASH") == ["NVDA", "CASH"]


def test_elsewhere_the_word_is_not_understood() -> None:
    result = parse_goal("Watch NVIDIA for gold demand", as_of=AS_OF)
    assert watched("Watch NVIDIA for gold demand") == ["NVDA"]
    assert any(n.startswith("'gold': not understood") for n in result.not_understood), result.not_understood


@pytest.mark.parametrize("goal", ["NVIDIA cash flow", "NVIDIA and cash flow", "Watch NVIDIA, cash and debt"])
def test_lower_case_words_beside_a_company_are_words(goal: str) -> None:
    assert watched(goal) == ["NVDA"]


@pytest.mark.parametrize(("goal", "tickers"), [
    ("watch nvda, tsm and asml", ["NVDA", "TSM", "ASML"]),
    ("Watch NVIDIA and amd", ["NVDA", "AMD"]),
    ("NVIDIA, intc and AMD", ["NVDA", "INTC", "AMD"]),
])  # fmt: skip
def test_well_known_tickers_in_lower_case_are_still_read(goal: str, tickers: list[str]) -> None:
    assert watched(goal) == tickers
