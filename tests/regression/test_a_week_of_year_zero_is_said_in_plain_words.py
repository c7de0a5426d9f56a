"""Bug (a new user's review of bad input): `watchdesk findings --week 0000-W01` (and `brief --week`, and the notebook's
`week=`) said "--week '0000-W01': Year is out of range: 0", Python's words. Now it says that weeks run from year 1 to
9999, in the words the other bad weeks use."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli


def test_a_week_of_year_zero_says_which_years_there_are(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["findings", "--week", "0000-W01", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert result.stderr.strip() == "error: --week '0000-W01': there is no year 0; give a year from 0001 to 9999"
