"""Bug (goals3): `watchdesk plan "lvmh and hermes"` said "the goal names no company; name them, or their tickers",
as if the user had named none: the alias table knows both are not listed with SEC, but a name SEC does not list was
read in lower case only beside a company SEC does list. And where it was read ("Watch NVDA and Hermès") the stop said
only "Hermès is not listed with SEC (no ticker to watch)". Now each is named, and the stop says what watchdesk can
and cannot do for them: no SEC filings to read, a goal watches only companies SEC lists, but a watchlist file written
by hand reads their calls from a folder or their news from a feed (a run of such a file is valid)."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.graph.watchlist import Ticker, TranscriptSource
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 3)


def test_lvmh_and_hermes_are_said_not_listed_with_sec() -> None:
    result = CliRunner().invoke(cli, ["plan", "lvmh and hermes", "--as-of", DAY.isoformat()])
    assert result.exit_code == 2 and "Traceback" not in result.output
    said = " ".join(result.output.split())
    assert "the goal names no company" not in said
    assert "'lvmh': lvmh is not listed with SEC (no ticker to watch)" in said
    assert "'hermes': hermes is not listed with SEC (no ticker to watch)" in said
    assert ("lvmh and hermes are not listed with SEC: they file no 10-K, 10-Q or 20-F there, so watchdesk has none of "
            "their filings to read, and a goal watches only companies SEC lists.") in said
    assert ('Their earnings calls and news can still be read by a watchlist file written by hand: [[tickers]] symbol = '
            '"LVMH" with sources = ["transcripts"]') in said
    # what it advises is a valid watchlist entry
    Ticker(symbol="LVMH", sources=("transcripts",), transcripts=(TranscriptSource(kind="folder",
                                                                                  path="transcripts/LVMH"),))


def test_beside_a_listed_company_it_says_to_leave_it_out() -> None:
    with pytest.raises(ConfigError) as stopped:
        parse_goal("Watch NVDA and Hermès for luxury demand", as_of=DAY)
    said = " ".join(str(stopped.value).split())
    assert "Hermès is not listed with SEC: it files no 10-K" in said
    assert said.endswith("Or leave it out of the goal to plan the others.")
