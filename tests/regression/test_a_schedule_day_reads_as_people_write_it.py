"""Bug (a new user's review of bad input): a watchlist's `[schedule]` with `day = "Monday"`, `day = "Mon"`,
`cadence = "Weekly"` or `time = "7:00"` was refused ("Input should be 'monday', 'tuesday', ... (got 'Monday')",
"must be a 24-hour time HH:MM ... (got '7:00')"), so `watchdesk schedule show` and every run stopped on a day written as
people write it. Now a day reads in any case and by its first three letters or more, a cadence in any case, and a time
with a one-digit hour; a day or time that is none is refused as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.graph.watchlist import parse_watchlist

_WATCHLIST = '[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\n[schedule]\n'


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ('day = "Monday"', ("weekly", "monday", "07:00")),
        ('day = "Mon"', ("weekly", "monday", "07:00")),
        ('day = " THURS "', ("weekly", "thursday", "07:00")),
        ('cadence = "Weekly"\nday = "fri"', ("weekly", "friday", "07:00")),
        ('cadence = "DAILY"\ntime = "7:05"', ("daily", "monday", "07:05")),
    ],
)
def test_a_schedule_written_as_people_write_it_reads(written: str, read: tuple[str, str, str]) -> None:
    schedule = parse_watchlist(_WATCHLIST + written + "\n").schedule
    assert (schedule.cadence, schedule.day, schedule.time) == read


def test_schedule_show_reads_a_capitalised_day(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text(_WATCHLIST + 'day = "Wednesday"\ntime = "6:30"\n')
    result = CliRunner().invoke(cli, ["schedule", "show", str(path), "--crontab-file", str(tmp_path / "crontab")])
    assert result.exit_code == 0, result.output
    assert "30 6 * * 3 " in result.output


@pytest.mark.parametrize("written", ['day = "funday"', 'time = "25:00"', 'day = "mo"', 'time = "7"'])
def test_a_day_or_time_that_is_none_is_still_refused(tmp_path: Path, written: str) -> None:
    path = tmp_path / "w.toml"
    path.write_text(_WATCHLIST + written + "\n")
    result = CliRunner().invoke(cli, ["schedule", "show", str(path), "--crontab-file", str(tmp_path / "crontab")])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert f"{path}:5: schedule." in result.output, result.output
