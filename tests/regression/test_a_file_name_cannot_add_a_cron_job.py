"""A security review (session 23): `watchdesk schedule install` wrote the watchlist's path into the crontab as it
was. shlex quoting keeps a shell from reading it, but not cron, which ends an entry at a line break and reads "%" as
one: a watchlist named 'w\\n* * * * * touch PWNED #.toml' added a job running `touch PWNED` every minute, and one
named '100%.toml' cut the command at the "%" (its scheduled runs never started). A path cron cannot hold is now
refused (exit 2) and the crontab left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

EXAMPLE_WATCHLIST = (Path(__file__).resolve().parents[2] / "graph" / "example_watchlist.toml").read_text()


@pytest.mark.parametrize("name", ["w\n* * * * * touch PWNED #.toml", "w\r* * * * * touch PWNED #.toml", "100%.toml"])
def test_a_path_cron_would_misread_is_refused(name: str, tmp_path: Path) -> None:
    watchlist, table = tmp_path / name, tmp_path / "tab"
    watchlist.write_text(EXAMPLE_WATCHLIST)
    table.write_text("")
    args = ["schedule", "install", str(watchlist), "--crontab-file", str(table), "--db", str(tmp_path / "s.duckdb"),
            "--out", str(tmp_path / "out")]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "cannot be written in a crontab" in result.output and "PWNED\n" not in result.output
    assert table.read_text() == ""


@pytest.mark.usefixtures("cron_env")  # install checks the env file a scheduled run reads
def test_a_plain_path_is_installed(tmp_path: Path) -> None:
    watchlist, table = tmp_path / "semis watch.toml", tmp_path / "tab"
    watchlist.write_text(EXAMPLE_WATCHLIST)
    table.write_text("")
    args = ["schedule", "install", str(watchlist), "--crontab-file", str(table), "--db", str(tmp_path / "s.duckdb"),
            "--out", str(tmp_path / "out")]  # fmt: skip
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert len(table.read_text().splitlines()) == 1
