"""Found in this session's review of `approve` as a user: with ~/.config/watchdesk/env holding a setting this shell
lacked, every approve began 'read WATCHDESK_SEC_IDENTITY from ~/.config/watchdesk/env (not set in this shell), as a
scheduled run reads it' before saying the run could not be resumed at all (a mistyped run id, a run done, a wrong
--db): a line about settings nothing would use, above the one line that mattered. Now the env file is read (and
said) only for a run that resumes; otherwise the error is the only line, and `--show` of a finished run shows it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.goal_runs import store_goal_run
from tests.regression.test_approve_sends_the_email_a_scheduled_run_would_send import _env_file
from watchdesk.graph.cli import cli
from watchdesk.graph.watchlist import parse_watchlist


@pytest.mark.parametrize(("run_id", "said"), [("2026-07-17-nosuchrn", "error: no run '2026-07-17-nosuchrn' in"),
                                               ("2026-07-17-0ld0ld00", "error: run 2026-07-17-0ld0ld00 is done, not "
                                                                       "awaiting approval or interrupted")])
def test_only_the_reason_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_id: str, said: str) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    _env_file(tmp_path / "home", "export WATCHDESK_SEC_IDENTITY='Jane jane@example.com'\n")
    wl = parse_watchlist('name = "w"\n[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\n')
    db = store_goal_run(tmp_path / "w.duckdb", wl, day=date(2026, 7, 17))
    env = {"WATCHDESK_SEC_IDENTITY": None}
    approved = CliRunner(env=env).invoke(cli, ["approve", run_id, "--db", str(db)])
    assert approved.exit_code == 2, approved.output
    assert approved.output.startswith(said) and "read " not in approved.output, approved.output
    shown = CliRunner(env=env).invoke(cli, ["approve", "2026-07-17-0ld0ld00", "--show", "--db", str(db)])
    assert shown.exit_code == 0 and "read " not in shown.output, shown.output
    assert "run 2026-07-17-0ld0ld00 of w: done" in shown.output, shown.output
