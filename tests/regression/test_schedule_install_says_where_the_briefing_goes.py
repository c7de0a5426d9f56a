"""Found by the session's review as a user who just set delivery up: `watchdesk schedule install` printed the crontab
line and the next run times alone: not that it was installed (or replaced the watchlist's earlier line), where each
run's briefing is written and sent, where its output goes, nor, for a policy that asks approval, that a run then sends
nothing until `watchdesk approve`, and with which settings (its shell's, and for what that shell does not set those
of ~/.config/watchdesk/env). Now install says each."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.test_an_email_target_without_the_smtp_setting_is_said_to_fail import WATCHLIST
from watchdesk.graph.cli import cli


def cron_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A HOME in `tmp_path` whose cron env file sets the SEC identity and the mail server; that file."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    env = tmp_path / "home" / ".config" / "watchdesk" / "env"
    env.parent.mkdir(parents=True)
    env.write_text("export WATCHDESK_SEC_IDENTITY='Jane Analyst jane@example.com'\n"
                   "export WATCHDESK_SMTP_URL='smtp://mail.example.com:587'\n")  # fmt: skip
    return env


def test_install_says_what_each_run_does_with_its_briefing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = cron_env(tmp_path, monkeypatch)
    wl, tab, out = tmp_path / "w.toml", tmp_path / "tab", tmp_path / "out"
    wl.write_text(WATCHLIST, encoding="utf-8")
    args = ["schedule", "install", str(wl), "--crontab-file", str(tab), "--db", str(tmp_path / "w.duckdb"), "--out",
            str(out)]  # fmt: skip
    shell = {"WATCHDESK_SMTP_URL": None, "WATCHDESK_REPLAY": None}
    first = CliRunner(env=shell).invoke(cli, args)
    said = " ".join(first.output.split())
    assert first.exit_code == 0, said
    assert (f"installed in {tab}: each run writes its briefing to {out} (the briefing folder, its file target) and "
            f"delivers it to email pm@example.com; what it says goes to {tmp_path / 'w.log'}") in said, said
    assert ('a run the policy stops for approval (approval = "always") sends no briefing: it leaves '
            f"AWAITING-APPROVAL-RUN_ID.md in {out} and tells the e-mail and Slack targets of the last approved run; "
            "`watchdesk approve RUN_ID` then sends it, with the settings of the shell it runs in and, for what that "
            f"shell does not set, those of {env}") in said, said
    assert said.index("installed in") < said.index("next runs"), said

    again = CliRunner(env={**shell, "WATCHDESK_SMTP_URL": "smtp://mail.example.com:587"}).invoke(cli, args)
    said = " ".join(again.output.split())
    assert f"installed in {tab} (its earlier line for this watchlist replaced): each run" in said, said
    # nothing said of the e-mail's setting now (the next line is the schedule's: the file has no [schedule])
    assert f"for what that shell does not set, those of {env} note: {wl} has no [schedule]" in said, said

    wl.write_text(WATCHLIST.replace('approval = "always"', 'approval = "never"'), encoding="utf-8")
    never = " ".join(CliRunner(env=shell).invoke(cli, args).output.split())
    assert "installed in" in never and "approval" not in never, never
