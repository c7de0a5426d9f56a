"""Seen last session: "watch rivian for supply chain" stopped with "the goal names no company" (and "watch NVDA and
rivian" with "'rivian' is not a company in SEC's ticker map"): a lower-case name was read as a company only by the
alias table (nvidia, tesla, micron). A lone lower-case word that starts a well-known company's SEC name and is no
English word is now read where a company stands, as a lower-case ticker is, and the decision says how. An English
word ("lucid") stopped the plan with its close matches; since goals3 it is the company listed with others (Lucid Group,
LCID: test_an_english_word_in_a_list_of_companies_is_the_company.py)."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 3)
SAID = ("company 'rivian' -> RIVN (Rivian Automotive, Inc. / DE, CIK 1874178) by the start of its SEC name, written "
        "in lower case (write RIVN or Rivian to be sure)")


@pytest.mark.parametrize(("goal", "tickers"), [("watch rivian for supply chain", ["RIVN"]),
                                               ("watch NVDA and rivian for supply chain", ["NVDA", "RIVN"])])
def test_a_lower_case_name_where_a_company_stands_is_read(goal: str, tickers: list[str]) -> None:
    result = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in result.watchlist.tickers] == tickers
    assert SAID in result.decisions
    assert result.watchlist.topics.watch == ("supply_chain",)


def test_an_english_word_is_read_as_a_name_only_in_a_list() -> None:
    # this asserted the plan stopped: a user listing EV makers means Lucid Group (goals3)
    assert [t.symbol for t in parse_goal("watch rivian and lucid for supply chain", as_of=DAY).watchlist.tickers] == [
        "RIVN", "LCID"]
    with pytest.raises(ConfigError, match=r"'lucid' is not a company in SEC's ticker map; close matches: LCID"):
        parse_goal("watch lucid", as_of=DAY)  # alone, the word: not guessed


def test_a_name_elsewhere_stays_a_word() -> None:
    result = parse_goal("watch NVDA for pricing, not rivian", as_of=DAY)
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA"]
