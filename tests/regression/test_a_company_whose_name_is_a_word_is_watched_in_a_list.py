"""Bug (goals3): "watch palantir & snowflake" and "tesla, rivian, lucid" stopped the plan ("'lucid' is not a company in
SEC's ticker map; close matches: LCID ..."), because 'snowflake' and 'lucid' are English words, so a lower-case name
was read only when it was no word. A user listing EV makers or software companies means Snowflake Inc. and Lucid
Group, and a stop with the answer in it ("close matches: LCID") is friction, not care. An English word that is a
well-known company's whole SEC name but for its form ("Lucid Group, Inc.", "Snowflake Inc."), alone in a list of
companies (joined by commas, "&" or "and"), is now that company, and the decision says so and how to be sure ("write
LCID to be sure"), as "nvda, meta and amd" reads Meta. Alone ("watch lucid") the plan still stops, a word that only
starts a name is no company ("gaming": Gaming & Leisure Properties), and "Lucid Motors" is an alias."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 3)


def tickers(goal: str) -> list[str]:
    return [t.symbol for t in parse_goal(goal, as_of=DAY).watchlist.tickers]


def test_watchdesk_plan_watches_snowflake_and_lucid() -> None:
    for goal, symbols in (("watch palantir & snowflake", ("PLTR", "SNOW")), ("tesla, rivian, lucid",
                                                                             ("TSLA", "RIVN", "LCID"))):
        result = CliRunner().invoke(cli, ["plan", goal, "--as-of", DAY.isoformat()])
        assert result.exit_code == 0, result.output
        assert all(f'symbol = "{s}"' in result.output for s in symbols)
    said = parse_goal("tesla, rivian, lucid", as_of=DAY).decisions
    assert ("company 'lucid' -> LCID (Lucid Group, Inc., CIK 1811210) in a list of companies, though 'lucid' is also "
            "a word (write LCID to be sure)") in said


@pytest.mark.parametrize(("goal", "watched"), [
    ("Watch NVDA, AMD and intuit, workday and toast", ["NVDA", "AMD", "INTU", "WDAY", "TOST"]),
    ("lucid and rivian for battery supply", ["LCID", "RIVN"]),
    ("Watch Tesla, Rivian and lucid motors", ["TSLA", "RIVN", "LCID"]),
])  # fmt: skip
def test_in_a_list_it_is_the_company(goal: str, watched: list[str]) -> None:
    assert tickers(goal) == watched


@pytest.mark.parametrize("goal", ["watch lucid", "watch NVDA, AMD and gaming"])
def test_alone_or_a_names_first_word_it_is_no_company(goal: str) -> None:
    with pytest.raises(ConfigError, match="is not a company in SEC's ticker map"):
        parse_goal(goal, as_of=DAY)
