"""Bug (goals5): `watchdesk plan "JPM BAC WFC C for NII"` watched JPM, BAC and WFC and dropped both 'C' (Citigroup's
ticker) and 'NII' (net interest income) with no word: a one-letter ticker was read only in a list joined by commas or
"and", and an abbreviation in capitals after "for" was taken for a misspelt company by the topic parser and then
skipped by the leftovers as an acronym. "watch Citigroup for NII" made no topic either. Now a ticker in capitals typed
by a space beside a ticker in capitals is in its list, as with commas ("watch NVDA C suite changes" still is no
Citigroup), and a phrase whose capitalised words are all finance shorthand (NII, NIM, EPS, ...) is a custom topic.
And "for the group's NII" made the custom topic group_s_nii, flagging the phrase "group's NII" that no filing
writes, and "the bank's deposit costs" read "the bank" as Bank of America (by the start of its SEC name), said as
context: whose it is ("the group's", "the bank's") is no part of the phrase, and a lower-case word after "the" is read
as the word alone is."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 7)


def test_plan_watches_the_four_banks_for_nii() -> None:
    result = CliRunner().invoke(cli, ["plan", "JPM BAC WFC C for NII", "--as-of", DAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert all(f'symbol = "{s}"' in result.output for s in ("JPM", "BAC", "WFC", "C"))
    assert "company 'C' -> C (CITIGROUP INC, CIK 831001) by ticker, written in capitals" in result.output
    assert "custom topic nii: 'NII' maps to no shipped topic, so that phrase is flagged as written" in result.output


@pytest.mark.parametrize(("goal", "watched", "custom"), [
    ("watch Citigroup for NII", ["C"], ["nii"]),
    ("C JPM BAC for NII", ["C", "JPM", "BAC"], ["nii"]),
    ("watch JPM, BAC, WFC and C for NII and NIM", ["JPM", "BAC", "WFC", "C"], ["nii", "nim"]),
    ("watch JPM and C for NII growth", ["JPM", "C"], ["nii_growth"]),
    ("watch C for the group's NII", ["C"], ["nii"]),
    ("watch JPM for the bank's deposit costs", ["JPM"], ["deposit_costs"]),
])  # fmt: skip
def test_the_banks_and_their_topic(goal: str, watched: list[str], custom: list[str]) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == watched
    assert [c.name for c in plan.watchlist.topics.custom] == custom
    assert not plan.context


def test_a_letter_that_qualifies_a_word_is_no_ticker() -> None:
    assert [t.symbol for t in parse_goal("watch NVDA C suite changes", as_of=DAY).watchlist.tickers] == ["NVDA"]
