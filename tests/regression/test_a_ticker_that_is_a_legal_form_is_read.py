"""Bug (goals6 sweep): `watchdesk plan "Monitor CAT and DE for construction demand"` stopped with "'DE' is not a company
in SEC's ticker map; close matches: ED": DE (Deere), SE (Sea Ltd), AB, AG, SA and MD are legal-form words too, which
the name index strips, so no parser read them as tickers. And "watch Caterpillar, Deere & Co for dealer inventory"
stopped on 'Co': SEC's "DEERE & CO" was keyed "deere and", so "Deere & Co" was Deere by the start of its name and a
word left over. Now such a ticker in capitals is read where no name comes right before it ("Siemens AG", "Airbus SE"
stay the names' forms), and a name's trailing "& Co" goes with its form ("JPMorgan Chase & Co")."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 7)


@pytest.mark.parametrize(("goal", "tickers"), [
    ("Monitor CAT and DE for construction demand", ["CAT", "DE"]),
    ("Watch SE and MELI", ["SE", "MELI"]),
    ("watch Caterpillar, Deere & Co for dealer inventory", ["CAT", "DE"]),
    ("Watch JPMorgan Chase & Co and Goldman", ["JPM", "GS"]),
    ("watch Johnson & Johnson", ["JNJ"]),
    ("Watch Procter & Gamble and Church & Dwight", ["PG", "CHD"]),
])  # fmt: skip
def test_a_ticker_that_is_a_legal_form_is_read(goal: str, tickers: list[str]) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == tickers, plan.decisions
    assert not plan.not_understood or "'Co'" not in plan.not_understood[0]


@pytest.mark.parametrize("goal", ["Watch Siemens AG and GE", "watch Airbus SE"])
def test_after_a_name_it_is_the_names_form(goal: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_goal(goal, as_of=DAY)
    assert "Sea Ltd" not in str(raised.value) and "FIRST MAJESTIC" not in str(raised.value)
