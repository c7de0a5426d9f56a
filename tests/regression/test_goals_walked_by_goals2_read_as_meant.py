"""From a walk of analyst-style goals through `watchdesk plan` (goals2): each read wrong before.
- "watch GM for EV losses" stopped with "the goal names no company" and no word of GM (an abbreviation too, gross
  margin); it now says "'GM': an abbreviation, not the ticker of General Motors Co (GM): write $GM to watch it".
- "track nyse:tsm and nasdaq:asml" watched Nasdaq, Inc. (NDAQ): an exchange before a lower-case ticker was a company.
- "watch TSM (NYSE) and ASML (NASDAQ)" stopped: "'ASML (NASDAQ)': NASDAQ is NASDAQ, INC. ..., name the one to watch".
- "watch brk.b and jpm" stopped: 'brk.b' was no ticker in lower case, and 'jpm' beside it no company.
- "summarize weekly: ford, gm, stellantis on tariffs" dropped Stellantis after 'gm' (read as no ticker, said).
- "track TSMC's capex and NVIDIA's datacenter revenue" read NVIDIA as context ("not watched"), as
  "Watch NVDA for Apple's demand" rightly does; "tsmc's ... and nvda's ..." in lower case dropped nvda's. Two
  companies' own words joined by "and" are both watched now.
- "Pls watch the hyperscalers msft amzn googl meta for capex cuts" stopped: "the goal names no company" ('meta' after
  the tickers made them one phrase); "watch nvda arm" dropped 'arm' unsaid.
- "for the next 6 wks" was a custom topic 'next_6_wks' and no horizon; "wks", "mos", "qtrs", "yrs" after a count are
  read as the words, and said; "til june" (one l) made a custom topic 'membership_fee_hikes_til_june', and
  "annually" a custom topic 'annually': "til" before a date is "till", and "annually" is said as "monthly" is (a run
  is daily or weekly)."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 3)


def tickers(goal: str) -> list[str]:
    return [t.symbol for t in parse_goal(goal, as_of=DAY).watchlist.tickers]


def test_watchdesk_plan_says_how_to_watch_gm() -> None:
    # since goals6 GM right after a watch verb is General Motors (test_gm_where_a_company_stands_is_general_motors.py)
    result = CliRunner().invoke(cli, ["plan", "watch GM for EV losses", "--as-of", DAY.isoformat()])
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert "company 'GM' -> GM (General Motors Co, CIK 1467858) by ticker" in result.output
    assert tickers("watch $GM and F for EV losses") == ["GM", "F"]


@pytest.mark.parametrize(("goal", "watched"), [
    ("track nyse:tsm and nasdaq:asml for export controls", ["TSM", "ASML"]),
    ("watch TSM (NYSE) and ASML (NASDAQ) weekly", ["TSM", "ASML"]),
    ("watch NASDAQ:NVDA", ["NVDA"]),
    ("Nasdaq: watch its listing revenue", ["NDAQ"]),  # no ticker after it: the company
    ("watch brk.b and jpm for insurance float", ["BRK-B", "JPM"]),
    ("summarize weekly: ford, gm, stellantis on tariffs", ["F", "GM", "STLA"]),  # 'gm' General Motors since goals6
    ("track TSMC's capex and NVIDIA's datacenter revenue each friday", ["TSM", "NVDA"]),
    ("track tsmc's capex and nvda's datacenter revenue each friday", ["TSM", "NVDA"]),
    ("Watch NVDA's margins for Apple's demand", ["NVDA"]),  # after "for": context, as before
    ("watch NVDA for tsla's pricing", ["NVDA"]),
    ("Pls watch the hyperscalers msft amzn googl meta for capex cuts", ["MSFT", "AMZN", "GOOGL", "META"]),
    ("watch nvda arm", ["NVDA", "ARM"]),
    ("watch NVDA arm sales", ["NVDA"]),  # qualifies a word: the word
])  # fmt: skip
def test_read_as_meant(goal: str, watched: list[str]) -> None:
    assert tickers(goal) == watched


def test_brk_b_in_lower_case_is_said_as_a_ticker() -> None:
    assert ("company 'brk.b' -> BRK-B (BERKSHIRE HATHAWAY INC, CIK 1067983) by ticker, written in lower case"
            in parse_goal("watch brk.b and jpm", as_of=DAY).decisions)


def test_gm_between_two_companies_is_said() -> None:
    decisions = parse_goal("summarize weekly: ford, gm, stellantis on tariffs", as_of=DAY).decisions
    assert any(d.startswith("company 'gm' -> GM (General Motors Co, CIK 1467858) by ticker, where a company stands")
               for d in decisions), decisions


@pytest.mark.parametrize(("goal", "until"), [
    ("watch nvda, amd for the next 6 wks", date(2027, 1, 14)),
    ("watch MO for the next 3 mos", date(2027, 3, 3)),
    ("watch NVDA for 2 qtrs", date(2027, 6, 3)),
])  # fmt: skip
def test_an_abbreviated_unit_of_time(goal: str, until: date) -> None:
    result = parse_goal(goal, as_of=DAY)
    assert result.watchlist.until == until and not result.watchlist.topics.custom
    assert any(d.startswith("spelling: read '") for d in result.decisions)


def test_til_and_annually() -> None:
    result = parse_goal("watch costco for membership fee hikes til june", as_of=DAY)
    assert result.watchlist.until == date(2027, 6, 30)
    assert [c.name for c in result.watchlist.topics.custom] == ["membership_fee_hikes"]
    said = parse_goal("track AAPL's 10-K risk factors for china, annually", as_of=DAY)
    assert not said.watchlist.topics.custom
    assert "'annually': only daily and weekly runs are supported; chose weekly" in said.not_understood
