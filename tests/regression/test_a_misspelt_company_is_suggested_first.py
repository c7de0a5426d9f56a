"""A user walkthrough (walkB): `watchdesk plan "Monitor Nvida ..."` was refused with "close matches: NVDA (NVIDIA
CORP), VIA (Via Renewables, Inc.), IDA (IDACORP INC)", "nvdia" with DIA (a Dow Jones ETF) beside NVDA, "TMSC" with
MSCI and TMC beside TSM; "Samsung Electronics" was two problems ('Samsung' and 'Electronics') and "ON Semi" the problem
'Semi'. A misspelt company is still refused (a wrong company is worse than a question), but when the name is one slip
from a company's name (a letter missing, added, changed or two swapped) those companies alone are suggested, the best
known first; a name SEC does not list is reported whole; "ON Semi" is onsemi's name."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.names import shipped_index
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

AS_OF = date(2026, 12, 3)


def refused(goal: str) -> str:
    with pytest.raises(ConfigError) as err:
        parse_goal(goal, as_of=AS_OF)
    return str(err.value)


@pytest.mark.parametrize(("typed", "meant"), [
    ("Nvida", "NVDA (NVIDIA CORP)"),
    ("nvdia", "NVDA (NVIDIA CORP)"),
    ("TMSC", "TSM (TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD)"),
    ("Micorn", "MU (MICRON TECHNOLOGY INC)"),
])  # fmt: skip
def test_a_slip_of_a_name_is_refused_with_that_company_alone(typed: str, meant: str) -> None:
    said = refused(f"Monitor {typed} and ASML for inventory")
    assert f"'{typed}' is not a company in SEC's ticker map; close matches: {meant}\n" in said + "\n", said


def test_other_close_matches_are_as_before() -> None:
    assert [r.ticker for r in shipped_index().close("ASLM")][:1] == ["ASML"]
    assert [r.ticker for r in shipped_index().close("AAPL")][:1] == ["AAPL"]


def test_a_name_sec_does_not_list_is_one_phrase() -> None:
    said = refused("Monitor NVIDIA and Samsung Electronics")
    problems = said.split("\nSamsung Electronics is not listed with SEC:")[0]  # what watchdesk can do for it follows
    said_of_it = "'Samsung Electronics': Samsung Electronics is not listed with SEC (no ticker to watch)"
    assert problems.endswith(said_of_it), said


def test_on_semi_is_onsemi() -> None:
    assert [t.symbol for t in parse_goal("Monitor NVIDIA and ON Semi", as_of=AS_OF).watchlist.tickers] == ["NVDA", "ON"]
