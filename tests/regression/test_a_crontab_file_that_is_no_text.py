"""Bug: `watchdesk schedule install watchlist.toml --crontab-file FILE` (and show, remove) on a FILE that is not
UTF-8 text, such as a binary given by mistake, exited 1 with "unexpected UnicodeDecodeError ... please report it"
where a file that is not what the command reads is bad input (exit 2) naming it; the file stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli

WATCHLIST = 'name = "chips"\n[[tickers]]\nsymbol = "NVDA"\n'


@pytest.mark.parametrize("command", ["install", "show", "remove"])
def test_a_crontab_file_that_is_not_text_is_bad_input(command: str, tmp_path: Path) -> None:
    wl = tmp_path / "chips.toml"
    wl.write_text(WATCHLIST)
    tab = tmp_path / "crontab"
    tab.write_bytes(b"\x7fELF\x02\x01\x01\x00\xff\xfe")
    result = CliRunner().invoke(cli, ["schedule", command, str(wl), "--crontab-file", str(tab)])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert f"{tab}: not a crontab (not UTF-8 text)" in result.output and "unexpected" not in result.output
    assert tab.read_bytes() == b"\x7fELF\x02\x01\x01\x00\xff\xfe"


def test_a_crontab_file_under_a_file_is_said_to_be_one(tmp_path: Path) -> None:
    """A CLI review: `schedule install w.toml --crontab-file notes.txt/ct` said "File exists: notes.txt"."""
    watchlist, notes = tmp_path / "w.toml", tmp_path / "notes.txt"
    watchlist.write_text('[[tickers]]\nsymbol = "NVDA"\n')
    notes.write_text("mine\n")
    result = CliRunner().invoke(cli, ["schedule", "install", str(watchlist), "--crontab-file", str(notes / "ct")])
    assert result.exit_code == 2, result.output
    assert f"{notes} is a file, not a folder: give another path for ct" in result.output
    assert notes.read_text() == "mine\n"
