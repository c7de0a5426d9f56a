"""Found checking the task "schedule's 'no such day' accepts only full day names": c04ec46 had made `day` read in
any case and by its first three letters, but a day it refused was said with pydantic's words, which list the full
lower-case names alone: "Input should be 'monday', 'tuesday', ... or 'sunday' (got 'mo')", so a user who wrote "mo"
or "We" learnt nothing of "Mon" or "Wed"; and "Mon." (an abbreviation's full stop) was refused. Now the refusal says
what a day may be written as, and "Mon." reads as Monday."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.graph.watchlist import parse_watchlist

_WATCHLIST = '[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\n[schedule]\n'


@pytest.mark.parametrize("day", ["mo", "We", "funday", "mon,"])
def test_a_day_refused_says_what_a_day_may_be(tmp_path: Path, day: str) -> None:
    path = tmp_path / "w.toml"
    path.write_text(_WATCHLIST + f'day = "{day}"\n')
    result = CliRunner().invoke(cli, ["schedule", "show", str(path), "--crontab-file", str(tmp_path / "crontab")])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert ("w.toml:5: schedule.day: must be a day of the week, in any case: monday to sunday, or its first "
            f"three letters or more (mon, Tues, THURS, sun.) (got {day!r})") in " ".join(result.output.split())


@pytest.mark.parametrize(("day", "read"), [("Mon.", "monday"), ("sun.", "sunday"), (" Thurs. ", "thursday")])
def test_a_day_with_a_full_stop_reads(day: str, read: str) -> None:
    assert parse_watchlist(_WATCHLIST + f'day = "{day}"\n').schedule.day == read
