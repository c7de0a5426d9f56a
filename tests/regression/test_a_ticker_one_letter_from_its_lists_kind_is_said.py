"""Seen in a walk (goals2): `watchdesk plan "JPM, BAC, WFG for credit losses"` watched West Fraser Timber (WFG) beside
two banks, where Wells Fargo (WFC) was surely meant, and said nothing but the decision 'WFG' -> WEST FRASER TIMBER
among ten others; "Not understood: (nothing)". WFG is a real ticker, so it is still watched; but a little-known
company's ticker listed only with well-known ones, one letter from the ticker of a company as well known as they are,
is now said under Not understood with both names and what to write. A list of well-known companies, or a little-known
one alone, says nothing more."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 3)


def test_watchdesk_plan_says_wfg_may_be_wfc() -> None:
    result = CliRunner().invoke(cli, ["plan", "JPM, BAC, WFG for credit losses", "--as-of", DAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert 'symbol = "WFG"' in result.output  # a real ticker: watched as written
    assert ("Not understood:\n  - 'WFG': watched as written: WFG is WEST FRASER TIMBER CO., LTD, listed with JPM, BAC; "
            "if you meant WFC (WELLS FARGO & COMPANY/MN), write WFC") in result.output


@pytest.mark.parametrize("goal", [
    "JPM, BAC, WFC for credit losses",
    "watch WFG for lumber prices",  # alone: nothing to compare it with
    "watch NVDA, AMD and U",  # one letter from V: every letter is some company's ticker
    "watch MU, WDC and STX for NAND pricing",  # Seagate is no mega-cap: WDC is among its own kind
    "watch JPM, BAC and West Fraser",  # named, not a ticker typed
])  # fmt: skip
def test_nothing_more_is_said(goal: str) -> None:
    assert not [n for n in parse_goal(goal, as_of=DAY).not_understood if "if you meant" in n]
