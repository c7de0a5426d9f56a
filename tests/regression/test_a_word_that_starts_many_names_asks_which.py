"""Bug (goals5): `watchdesk plan "watch United for jet fuel"` stopped with "the goal names no company; name them, or
their tickers", though the goal names one: 'United' starts too many companies' names to pick (UAL, UPS, URI, ...), and
a generic first word ("United", "American", "General") was dropped where it stood after a watch verb. Now it stops on
that word, listing the well-known companies it starts with their cashtags; in a list beside other companies ("Delta,
United and American Airlines") it is said under Not understood with the same list. And a product named where a
company stands (`watch Ernie bot`, Baidu's chatbot) was offered ERIE (Erie Indemnity), ENI and a fund as close
matches, one slip of a ticker from "ERNIE": a name written as one is no ticker slip, so only names close to it are
offered, and with none the stop says it may be a product and how to watch it as a topic."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 7)


def test_watch_united_for_jet_fuel_lists_the_united_companies() -> None:
    result = CliRunner().invoke(cli, ["plan", "watch United for jet fuel", "--as-of", DAY.isoformat()])
    assert result.exit_code == 2 and "Traceback" not in result.output
    said = " ".join(result.output.split())
    assert "'United' alone starts the names of several companies: UPS (UNITED PARCEL SERVICE INC)" in said
    assert "UAL (United Airlines Holdings, Inc.)" in said and "$UAL" in said
    assert "names no company" not in said


def test_with_its_ticker_the_goal_keeps_jet_fuel() -> None:
    plan = parse_goal("watch $UAL for jet fuel", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["UAL"]
    assert [c.name for c in plan.watchlist.topics.custom] == ["jet_fuel"]


@pytest.mark.parametrize("goal", ["watch American for jet fuel", "watch General for margins"])
def test_other_generic_words_stop_too(goal: str) -> None:
    with pytest.raises(ConfigError, match="alone starts the names of several companies"):
        parse_goal(goal, as_of=DAY)


@pytest.mark.parametrize("goal", ["watch Ernie bot", "Ernie bot", "watch Baidu and Ernie bot"])
def test_a_product_is_offered_no_unrelated_ticker(goal: str) -> None:
    with pytest.raises(ConfigError) as stop:
        parse_goal(goal, as_of=DAY)
    said = str(stop.value)
    assert "ERIE" not in said and "ENI" not in said
    assert "'Ernie bot' is not a company in SEC's ticker map; close matches: none (a product or brand?" in said
    assert "'watch COMPANY for Ernie bot'" in said


def test_the_product_as_a_topic_of_its_maker() -> None:
    plan = parse_goal("watch Baidu for Ernie bot adoption", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["BIDU"]
    assert [c.name for c in plan.watchlist.topics.custom] == ["ernie_bot_adoption"]


def test_a_misspelt_name_still_finds_its_company() -> None:
    with pytest.raises(ConfigError, match=r"'Nvidiaa' is not a company in SEC's ticker map; close matches: NVDA"):
        parse_goal("watch Nvidiaa", as_of=DAY)
