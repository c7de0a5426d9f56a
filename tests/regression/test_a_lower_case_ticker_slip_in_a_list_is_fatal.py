"""A user walkthrough (session 27): `watchdesk plan "Monitor NVIDIA, tsmm and ASML for inventory weekly"` (a slip of
"tsm" among the companies) watched NVIDIA and ASML alone and exited 0, saying only "'tsmm': not understood, ignored"
among a dozen lines; `watchdesk run` of that goal went ahead without TSMC. Written "TSMM" or "Tsmm" the same goal
exits 2 naming TSM as a close match. A lower-case word where a company stands in the list, shaped like a ticker and
close to one, is now the same problem (exit 2, with the close matches); a watchlist file's "tsmm" already was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

AS_OF = date(2026, 12, 3)


@pytest.mark.parametrize(("goal", "slip", "meant"), [
    ("Monitor NVIDIA, tsmm and ASML for inventory weekly", "tsmm", "TSM (TAIWAN SEMICONDUCTOR"),
    ("Monitor nvdaa and TSMC filings for inventory weekly", "nvdaa", "NVDA (NVIDIA CORP)"),
    ("watch nvda, tsmm and asml for inventory", "tsmm", "TSM (TAIWAN SEMICONDUCTOR"),
    ("Watch AMD and muu filings", "muu", "MU (MICRON TECHNOLOGY INC)"),
])  # fmt: skip
def test_a_ticker_slip_among_the_companies_is_a_problem(goal: str, slip: str, meant: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse_goal(goal, as_of=AS_OF)
    said = str(err.value)
    assert said.startswith("the goal names a company watchdesk cannot resolve:")
    assert f"'{slip}' is not a company in SEC's ticker map; close matches: " in said and meant in said


@pytest.mark.parametrize(("goal", "watched"), [
    ("Watch NVIDIA, tsm and ASML for inventory", ["NVDA", "TSM", "ASML"]),  # a ticker in lower case is read
    ("Watch NVIDIA and cash flow", ["NVDA"]),  # words, not a ticker
    ("Monitor NVIDIA (nvda) and TSMC for inventory weekly", ["NVDA", "TSM"]),
])  # fmt: skip
def test_what_is_no_slip_stays_as_it_was(goal: str, watched: list[str]) -> None:
    assert [t.symbol for t in parse_goal(goal, as_of=AS_OF).watchlist.tickers] == watched


def test_run_of_such_a_goal_stops_before_anything_is_made(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(cli, ["run", "Monitor NVIDIA, tsmm and ASML for inventory weekly", "--db", str(db)])
    assert result.exit_code == 2 and "'tsmm' is not a company in SEC's ticker map" in result.stderr
    assert not db.exists()
