"""Bug (goals3): tickers written as a terminal writes them, with the exchange's code after them ("ASML NA", "TSM US",
"NVDA US Equity"), were read as a company qualifying a word: "Watch ASML NA and TSM US for inventory" watched ASML
only and said "company 'TSM' read as context in 'TSM US', not as a company to watch", and the codes were dropped
unsaid. "Nvidia (NVDA US)" made two decisions ('Nvidia' by alias, 'NVDA' by ticker) where "Nvidia (NVDA)" makes one.
Now a ticker in capitals followed by an exchange's code is that ticker, its decision says how the code was read, a
name with its ticker and code in parentheses is one company, and a local exchange's number ("2330 TT", "7203 JP")
stops the plan saying to name the company (it stopped before on "'JP' is not a company", with JPMorgan offered)."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 3)


def test_watchdesk_plan_watches_asml_na_and_tsm_us() -> None:
    result = CliRunner().invoke(cli, ["plan", "Watch ASML NA and TSM US for inventory", "--as-of", DAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert 'symbol = "ASML"' in result.output and 'symbol = "TSM"' in result.output
    assert "read as context" not in result.output
    assert ("company 'TSM' -> TSM (TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD, CIK 1046179) by ticker; 'US' after it is "
            "its exchange (Bloomberg's code)") in result.output


@pytest.mark.parametrize(("goal", "watched"), [
    ("ASML NA and TSM US", ["ASML", "TSM"]),
    ("Track TSM US and ASML NA filings", ["TSM", "ASML"]),
    ("Watch NVDA US Equity, AMD US and 2025 US tariffs", ["NVDA", "AMD"]),
    ("Watch NVDA for 2025 US tariffs", ["NVDA"]),  # a year before "US": no local code
])  # fmt: skip
def test_each_is_the_ticker(goal: str, watched: list[str]) -> None:
    assert [t.symbol for t in parse_goal(goal, as_of=DAY).watchlist.tickers] == watched


@pytest.mark.parametrize("goal", ["Nvidia (NVDA US)", "Watch Nvidia (NVDA US Equity) for export controls"])
def test_a_name_with_its_ticker_and_exchange_is_one_company(goal: str) -> None:
    said = [d for d in parse_goal(goal, as_of=DAY).decisions if d.startswith("company ")]
    assert len(said) == 1 and said[0].endswith("-> NVDA (NVIDIA CORP, CIK 1045810) by name and ticker"), said


def test_a_local_exchanges_number_says_to_name_the_company() -> None:
    with pytest.raises(ConfigError, match=r"'2330 TT': a number on a local exchange \(TT\), not a ticker in SEC's map; "
                                          r"name the company, or its US ticker"):
        parse_goal("watch 2330 TT and ASML", as_of=DAY)
