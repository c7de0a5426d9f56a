"""An e-mail target with WATCHDESK_SMTP_URL unset fails only when the briefing is sent (by design: a scheduled run reads
it from ~/.config/watchdesk/env, which this shell need not have). Before, only `run --dry-run` said it ("an e-mail
target, but WATCHDESK_SMTP_URL is not set here: a run would record the e-mail as failed"), naming no recipient and
leaving whether the other targets were sent to a guess; the approval prompt said nothing, and `schedule show` of an
installed line whose env file lost the variable said nothing. Now the dry run and the prompt (run and approve) say,
in one sentence, which e-mail will fail, where the variable must be set for cron, and that the run's other targets get
the briefing; `schedule show` warns of an env file that lacks it, and install's refusal says the other targets still
get the briefing. A real run proves the last: the file target sent, the e-mail failed, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST as APPROVAL_WATCHLIST
from watchdesk.graph import cli as cli_module
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack

WATCHLIST = APPROVAL_WATCHLIST.replace('approval = "first:1"', 'approval = "always"\nallowed_recipients = '
                                       '["pm@example.com"]') + ('[[delivery]]\nkind = "email"\nto = ["pm@example.com"]'
                                                                '\n[[delivery]]\nkind = "file"\n')  # fmt: skip
SAID = ("WATCHDESK_SMTP_URL is not set here, so the e-mail to pm@example.com will fail unless it is set in the "
        "environment the run gets (a scheduled run's is ~/.config/watchdesk/env: cron passes it no other variable); "
        "the run's other targets get the briefing all the same, and the run exits 1")
UNSET = {"WATCHDESK_SMTP_URL": None, "WATCHDESK_REPLAY": str(demo_pack())}


def _said(text: str) -> str:
    return " ".join(text.split())


def test_the_dry_run_and_the_prompt_say_the_email_will_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST, encoding="utf-8")
    base = ["--db", str(tmp_path / "w.duckdb"), "--out", str(tmp_path / "out")]
    dry = CliRunner(env=UNSET).invoke(cli, ["run", str(wl), "--dry-run", *base])
    assert dry.exit_code == 0 and f"warning: {SAID}" in _said(dry.output), dry.output

    monkeypatch.setattr(cli_module, "_at_terminal", lambda: True)
    said = _said(CliRunner(env=UNSET).invoke(cli, ["run", str(wl), *base], input="reject\n").output)
    assert f"note: {SAID}" in said, said
    assert said.index("deliver to: email pm@example.com") < said.index(SAID) < said.index("approve / reject"), said
    set_here = {**UNSET, "WATCHDESK_SMTP_URL": "smtp://127.0.0.1:1?from=desk@example.com"}
    said = _said(CliRunner(env=set_here).invoke(cli, ["run", str(wl), *base], input="reject\n").output)
    assert "deliver to: email pm@example.com" in said and "WATCHDESK_SMTP_URL is not set" not in said, said


def test_a_run_without_it_delivers_its_other_targets(tmp_path: Path) -> None:
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST.replace('approval = "always"', 'approval = "never"'), encoding="utf-8")
    ran = CliRunner(env=UNSET).invoke(cli, ["run", str(wl), "--db", str(tmp_path / "w.duckdb"), "--out",
                                            str(tmp_path / "out")])  # fmt: skip
    said = _said(ran.output)
    assert ran.exit_code == 1, said
    assert "delivery file briefing folder: sent" in said, said
    assert "delivery email pm@example.com: failed (WATCHDESK_SMTP_URL is not set)" in said, said


def test_schedule_show_warns_of_an_env_file_without_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    (home / ".config" / "watchdesk").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    env_file = home / ".config" / "watchdesk" / "env"
    env_file.write_text("export WATCHDESK_SEC_IDENTITY='Jane Analyst jane@example.com'\n"
                        "export WATCHDESK_SMTP_URL='smtp://mail.example.com:587'\n")  # fmt: skip
    env_file.chmod(0o600)  # yours alone, as --write-env makes it: this test is about what it sets
    wl, tab = tmp_path / "w.toml", tmp_path / "crontab"
    wl.write_text(WATCHLIST.replace('approval = "always"', 'approval = "never"'), encoding="utf-8")
    installed = CliRunner(env={"WATCHDESK_REPLAY": None}).invoke(cli, [
        "schedule", "install", str(wl), "--crontab-file", str(tab), "--db", str(tmp_path / "d.duckdb"), "--out",
        str(tmp_path / "out")])  # fmt: skip
    assert installed.exit_code == 0, installed.output
    shown = CliRunner().invoke(cli, ["schedule", "show", str(wl), "--crontab-file", str(tab)])
    assert shown.exit_code == 0 and "warning" not in shown.output, shown.output

    env_file.write_text("export WATCHDESK_SEC_IDENTITY='Jane Analyst jane@example.com'\n")  # the SMTP line lost
    shown = CliRunner().invoke(cli, ["schedule", "show", str(wl), "--crontab-file", str(tab)])
    said = _said(shown.output)
    assert shown.exit_code == 0, said
    assert (f"warning: {env_file}, which each scheduled run reads (cron passes it no other variable), does not set "
            "WATCHDESK_SMTP_URL: each run would fail to deliver to the e-mail or Slack targets that need them, while "
            f"its other targets get the briefing (exit 1); put it there, or `watchdesk schedule install {wl} "
            "--write-env` copies them from this shell") in said, said
    refused = CliRunner(env={"WATCHDESK_REPLAY": None}).invoke(cli, [
        "schedule", "install", str(wl), "--crontab-file", str(tab), "--db", str(tmp_path / "d.duckdb"), "--out",
        str(tmp_path / "out")])  # fmt: skip
    assert refused.exit_code == 2 and "while its other targets get the briefing (exit 1)" in _said(refused.output)
