"""Seen in a walk (goals2): `watchdesk plan "watch alphabet (googl) and rivian for supply chian risks weekly"` watched
only GOOGL and exited 0: 'googl' in parentheses was "not understood" (only "(GOOGL)" in capitals was read with its
name), and 'rivian' after it was dropped too, listed only under Not understood. "Alphabet (GOOGL) and rivian" dropped
rivian as well: the closing parenthesis broke the list, and so did any word not understood ("NVDA, xyzzy and rivian").
Now a lower-case ticker alone in parentheses after a company is read as the capitals are, a list goes on past a
closing parenthesis and past a word not understood, and a well-known company's name left unread is said as one, with
what to write to watch it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.graph.watchlist import load_watchlist
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 3)
RIVIAN = ("company 'rivian' -> RIVN (Rivian Automotive, Inc. / DE, CIK 1874178) by the start of its SEC name, written "
          "in lower case (write RIVN or Rivian to be sure)")


def test_watchdesk_plan_watches_both(tmp_path: Path) -> None:
    out = tmp_path / "w.toml"
    result = CliRunner().invoke(cli, ["plan", "watch alphabet (googl) and rivian for supply chian risks weekly",
                                      "--out", str(out), "--as-of", DAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert [t.symbol for t in load_watchlist(out).tickers] == ["GOOGL", "RIVN"]
    assert "company 'alphabet (googl)' -> GOOGL (Alphabet Inc., CIK 1652044) by name and ticker" in result.output
    assert RIVIAN in result.output
    assert "Not understood:\n  (nothing)" in result.output


@pytest.mark.parametrize("goal", [
    "watch Alphabet (GOOGL) and rivian for supply chain risks",
    "watch alphabet (nasdaq: googl) and rivian for supply chain risks",
    "watch alphabet (GOOGL) and rivian for supply chain risks",
])  # fmt: skip
def test_written_other_ways(goal: str) -> None:
    result = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in result.watchlist.tickers] == ["GOOGL", "RIVN"]
    assert RIVIAN in result.decisions and not result.not_understood


def test_a_word_not_understood_breaks_no_list() -> None:
    result = parse_goal("watch NVDA, xyzzy and rivian for supply chain", as_of=DAY)
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA", "RIVN"]
    assert result.not_understood == ("'xyzzy': not understood, ignored",)


def test_a_company_named_where_none_stands_is_said_as_one() -> None:
    result = parse_goal("NVDA margins; also rivian", as_of=DAY)
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA"]
    assert result.not_understood == (
        "'rivian': not understood, ignored (a company? RIVN (Rivian Automotive, Inc. / DE) is not watched: it is not "
        "listed with the companies; to watch it, list it with them or write RIVN)",)


def test_two_companies_so_written_are_a_problem() -> None:
    with pytest.raises(ConfigError, match=r"'Apple \(msft\)': msft is MICROSOFT CORP \(MSFT\), Apple is Apple Inc. "
                                          r"\(AAPL\); name the one to watch"):
        parse_goal("watch Apple (msft) for pricing", as_of=DAY)


def test_a_common_word_in_parentheses_is_no_ticker() -> None:
    result = parse_goal("watch NVIDIA (all) and AMD for pricing", as_of=DAY)  # 'all' is Allstate's ticker too
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA", "AMD"]
