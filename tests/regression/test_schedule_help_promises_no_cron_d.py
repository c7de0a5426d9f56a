"""Bug: `watchdesk schedule install --help` offered `--crontab-file` for "a cron.d file", but the line it writes has
the user crontab's five time fields and then the command: in /etc/cron.d the sixth field is the user to run as,
so cron would read `[` as a user name and never run the watchlist. The help now says which format the file has."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli


@pytest.mark.parametrize("command", ["install", "show", "remove"])
def test_crontab_file_help_names_the_user_crontab_format(command: str) -> None:
    result = CliRunner().invoke(cli, ["schedule", command, "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "cron.d" not in text.replace("not an /etc/cron.d file", "")
    assert "in the user crontab's format" in text and "not an /etc/cron.d file" in text
