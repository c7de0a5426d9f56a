"""A CLI review: `schedule remove` with nothing installed said "removed 0 line(s) for ..."; it now says nothing was
removed. (The same review's "1 findings in 1 sentences" and "1 requests" in a run's progress now take the noun's
number too.)"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli


def test_removing_a_schedule_that_is_not_there_says_so(tmp_path: Path) -> None:
    watchlist, tab = tmp_path / "w.toml", tmp_path / "crontab"
    watchlist.write_text('[[tickers]]\nsymbol = "NVDA"\n')
    tab.write_text("15 3 * * * /usr/bin/backup\n")
    result = CliRunner().invoke(cli, ["schedule", "remove", str(watchlist), "--crontab-file", str(tab)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"no watchdesk line for {watchlist.resolve()}: nothing removed"
    assert tab.read_text() == "15 3 * * * /usr/bin/backup\n"

