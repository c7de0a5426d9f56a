"""Bug: a run waiting for approval e-mails its briefing once approved, from the shell that runs `watchdesk approve`,
which reads no ~/.config/watchdesk/env. A user who set WATCHDESK_SMTP_URL there alone (as `schedule install` asks)
read the notice of a scheduled run, approved it from their shell, and only then saw 'delivery email pm@example.com:
failed (WATCHDESK_SMTP_URL is not set)', exit 1: the notice said nothing of it, nor did `approve --show`, and
approve's prompt said the variable would do in "the environment the run gets (a scheduled run's is
~/.config/watchdesk/env)", which an approved run does not read. Now the notice says the e-mail goes from the approving
shell and how to give it the scheduled runs' settings, and `approve --show` and the prompt, in that shell, say the
e-mail will fail when it lacks the variable (nothing when it has it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.test_an_email_target_without_the_smtp_setting_is_said_to_fail import WATCHLIST
from watchdesk.graph import cli as cli_module
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.planner import approver_email_note


def _said(text: str) -> str:
    return " ".join(text.split())


def test_the_notice_show_and_prompt_say_where_the_email_goes_from(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    env = tmp_path / "home" / ".config" / "watchdesk" / "env"
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST, encoding="utf-8")
    db, out = tmp_path / "w.duckdb", tmp_path / "out"
    cron = {"WATCHDESK_SMTP_URL": "smtp://127.0.0.1:1?from=desk@example.com", "WATCHDESK_REPLAY": str(demo_pack())}
    waiting = CliRunner(env=cron).invoke(cli, ["run", str(wl), "--scheduled", "--db", str(db), "--out", str(out)])
    (notice,) = out.glob("AWAITING-APPROVAL-*.md")
    run_id = notice.stem.removeprefix("AWAITING-APPROVAL-")
    said = _said(notice.read_text(encoding="utf-8"))
    assert (f"Note: the approved run sends the e-mail to pm@example.com from the shell that runs `watchdesk approve`, "
            f"which reads no {env}: unless WATCHDESK_SMTP_URL is set there, that e-mail fails (the other targets get "
            f"the briefing all the same). `set -a; . {env}; set +a` in that shell first gives it the scheduled runs' "
            "settings.") in said, (said, waiting.output)  # fmt: skip
    assert said.index("deliver to: email pm@example.com") < said.index("Note:") < said.index("Approve it with"), said

    here = (f"note: WATCHDESK_SMTP_URL is not set in this shell, and the approved run sends its briefing from here "
            f"(`watchdesk approve` reads no {env}), so the e-mail to pm@example.com will fail; set it first (`set -a; "
            f". {env}; set +a` reads the scheduled runs' settings); the other targets get the briefing all the same, "
            "and `watchdesk approve` exits 1")  # fmt: skip
    unset = {"WATCHDESK_SMTP_URL": None, "WATCHDESK_REPLAY": None}
    shown = CliRunner(env=unset).invoke(cli, ["approve", run_id, "--show", "--db", str(db)])
    assert shown.exit_code == 0 and here in _said(shown.output), shown.output
    shown = CliRunner(env=cron).invoke(cli, ["approve", run_id, "--show", "--db", str(db)])
    assert "WATCHDESK_SMTP_URL" not in shown.output, shown.output  # set in this shell: nothing to say

    monkeypatch.setattr(cli_module, "_at_terminal", lambda: True)
    asked = _said(CliRunner(env=unset).invoke(cli, ["approve", run_id, "--db", str(db)], input="reject\n").output)
    assert here in asked and "the environment the run gets" not in asked, asked
    assert asked.index(here) < asked.index("approve / reject"), asked


def test_a_plan_that_emails_nobody_has_no_note() -> None:
    plan = [{"agent": "briefing", "params": {"deliver": ["file briefing folder", "slack webhook $HOOK"]}}]
    assert approver_email_note(plan, smtp_url=None, here=False) == ""
    assert approver_email_note(plan, smtp_url=None, here=True) == ""


def test_approve_help_says_it_delivers_from_this_shell() -> None:
    said = " ".join(CliRunner().invoke(cli, ["approve", "--help"]).output.split())
    assert ("It delivers from this shell, which needs WATCHDESK_SMTP_URL for an e-mail target: approve reads no "
            "~/.config/watchdesk/env, where a scheduled run's settings are.") in said, said
