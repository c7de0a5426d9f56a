"""Bug: `watchdesk plan "Watch NVDA" --as-of 0001-01-01` said "unexpected OverflowError in filings.py:62: date value
out of range; please report it" (exit 1), and with --as-of 9999-12-31 "for the next quarter" was dropped without a word
("horizon: none named"). --as-of now takes a day from 1993-01-01 (SEC's electronic filings begin in 1993) to
2999-12-31; another is bad input (exit 2) saying so."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli


@pytest.mark.parametrize("day", ["0001-01-01", "1992-12-31", "3000-01-01", "9999-12-31"])
def test_a_day_out_of_range_is_bad_input(day: str) -> None:
    result = CliRunner().invoke(cli, ["plan", "Watch NVDA for the next quarter", "--as-of", day])
    said = " ".join(result.output.split())
    assert result.exit_code == EXIT_CONFIG, said
    assert f"'{day}' is out of range: give a day from 1993-01-01 to 2999-12-31" in said, said


@pytest.mark.parametrize(("day", "until"), [("1993-01-01", "1993-04-01"), ("2999-09-30", "2999-12-30")])
def test_the_days_at_its_ends_are_planned(day: str, until: str) -> None:
    result = CliRunner().invoke(cli, ["plan", "Watch NVDA for the next quarter", "--as-of", day])
    assert result.exit_code == 0, result.output
    assert f'until = {until}' in result.output, result.output
