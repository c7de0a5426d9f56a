"""Bug: a run waiting for approval sends its briefing once approved, from the shell that runs `watchdesk approve`, and
approve read no ~/.config/watchdesk/env, where `schedule install` keeps WATCHDESK_SMTP_URL (and webhook variables):
a user who approved a scheduled run from their shell got 'delivery email pm@example.com: failed (WATCHDESK_SMTP_URL
is not set)', exit 1, where the scheduled run would have sent it; the notice, `approve --show` and the prompt could
only say to source the file first. Now approve (and --show, and its prompt) reads the env file as a scheduled run
does, for each setting this shell does not set, and says which it read; this shell's own values win, and neither the
database nor a replay pack is taken from the file. The e-mail goes to a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_delivery import loopback_smtp
from tests.regression.test_an_email_target_without_the_smtp_setting_is_said_to_fail import WATCHLIST
from watchdesk.graph.cli import cli
from watchdesk.graph.cron_env import with_scheduled_settings
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.planner import approver_email_note

UNSET = {"WATCHDESK_SMTP_URL": None, "WATCHDESK_REPLAY": None}


def _said(text: str) -> str:
    return " ".join(text.split())


def _env_file(home: Path, text: str) -> Path:
    env = home / ".config" / "watchdesk" / "env"
    env.parent.mkdir(parents=True)
    env.write_text(text, encoding="utf-8")
    env.chmod(0o600)
    return env


def _waiting_run(tmp_path: Path, smtp_url: str) -> tuple[str, Path]:
    """A scheduled run of WATCHLIST (an e-mail and a file target) stopped for approval; its id and database."""
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST, encoding="utf-8")
    db, out = tmp_path / "w.duckdb", tmp_path / "out"
    cron = {"WATCHDESK_SMTP_URL": smtp_url, "WATCHDESK_REPLAY": str(demo_pack())}
    CliRunner(env=cron).invoke(cli, ["run", str(wl), "--scheduled", "--db", str(db), "--out", str(out)])
    (notice,) = out.glob("AWAITING-APPROVAL-*.md")
    assert "reads no" not in notice.read_text(encoding="utf-8")  # nothing to warn of any more
    return notice.stem.removeprefix("AWAITING-APPROVAL-"), db


def test_approve_from_a_shell_sends_the_email_with_the_scheduled_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    with loopback_smtp() as (port, received):
        smtp_url = f"smtp://127.0.0.1:{port}?from=desk@example.com"
        env = _env_file(tmp_path / "home", f"export WATCHDESK_SMTP_URL='{smtp_url}'\n")
        run_id, db = _waiting_run(tmp_path, smtp_url)
        read = f"read WATCHDESK_SMTP_URL from {env} (not set in this shell), as a scheduled run reads it"

        shown = CliRunner(env=UNSET).invoke(cli, ["approve", run_id, "--show", "--db", str(db)])
        assert shown.exit_code == 0 and read in _said(shown.output), shown.output
        assert "will fail" not in shown.output, shown.output

        approved = CliRunner(env=UNSET).invoke(cli, ["approve", run_id, "--db", str(db)])
    said = _said(approved.output)
    assert approved.exit_code == 0, said
    assert read in said and "delivery email pm@example.com: sent" in said, said
    assert [e.rcpt_tos for e in received] == [["pm@example.com"]]
    assert f"127.0.0.1:{port}" not in said, "the value is never said"


def test_show_says_the_email_will_fail_when_neither_sets_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    env = _env_file(tmp_path / "home", "export WATCHDESK_SEC_IDENTITY='Jane Analyst jane@example.com'\n")
    run_id, db = _waiting_run(tmp_path, "smtp://127.0.0.1:1?from=desk@example.com")
    shown = CliRunner(env=UNSET).invoke(cli, ["approve", run_id, "--show", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert (f"note: WATCHDESK_SMTP_URL is set neither in this shell nor in {env} (which `watchdesk approve` reads for "
            "what this shell does not set, as a scheduled run does), so the e-mail to pm@example.com will fail; set it "
            "in either first; the other targets get the briefing all the same, and `watchdesk approve` exits "
            "1") in _said(shown.output), shown.output  # fmt: skip


def test_this_shells_values_win_and_the_database_is_never_taken(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    _env_file(tmp_path / "home", "export WATCHDESK_SMTP_URL='smtp://file.example:25'\nWATCHDESK_DB=/elsewhere.duckdb\n"
                                 "SLACK_HOOK='https://hooks.slack.com/services/T/B/x'\nexport WATCHDESK_SEC_IDENTITY="
                                 "'Jane jane@example.com'\n")  # fmt: skip
    here = {"WATCHDESK_SMTP_URL": "smtp://shell.example:25", "WATCHDESK_SEC_IDENTITY": "", "HOME": "/h"}
    env, added, _note = with_scheduled_settings(here, home=str(tmp_path / "home"), wanted=("SLACK_HOOK",))
    assert added == ["SLACK_HOOK", "WATCHDESK_SEC_IDENTITY"]  # an empty value counts as unset
    assert env["WATCHDESK_SMTP_URL"] == "smtp://shell.example:25" and "WATCHDESK_DB" not in env and env["HOME"] == "/h"


def test_a_plan_that_emails_nobody_has_no_note() -> None:
    plan = [{"agent": "briefing", "params": {"deliver": ["file briefing folder", "slack webhook $HOOK"]}}]
    assert approver_email_note(plan, smtp_url=None) == ""


def test_approve_help_says_it_reads_the_scheduled_settings() -> None:
    said = _said(CliRunner().invoke(cli, ["approve", "--help"]).output)
    assert ("It delivers with this shell's settings and, for each one this shell does not set (WATCHDESK_SMTP_URL, a "
            "webhook variable, WATCHDESK_SEC_IDENTITY, and WATCHDESK_MODEL's provider key, e.g. OPENAI_API_KEY), with "
            "that of ~/.config/watchdesk/env, as a scheduled run reads it, so it sends what the scheduled run would "
            "have.") in said, said
