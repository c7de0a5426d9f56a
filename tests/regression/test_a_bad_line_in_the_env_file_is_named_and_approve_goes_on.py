"""Found in last session's review: one line of ~/.config/watchdesk/env that sh cannot parse (an unterminated quote)
stopped `watchdesk approve` whole: 'nothing was resumed: sh could not read ~/.config/watchdesk/env as a scheduled
run would (exit 2); fix the file', even when the shell set everything the run needed, and without saying which line
(dash reports an unterminated quote at the file's end, not where it opens). Now approve names the line (and the
variable it sets, never its text: it may hold a password), says that a scheduled run stops there, and goes on with
the file's other lines: the e-mail goes to a real SMTP server on loopback. A file sh stops in with no line to blame
(an `exit`) is said, and approve goes on with its shell's settings. `schedule install` names the line too."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.regression.test_approve_names_only_the_settings_it_reads_from_the_env_file import approved_with
from tests.regression.test_approve_sends_the_email_a_scheduled_run_would_send import _env_file
from tests.regression.test_schedule_install_checks_what_cron_reads import WATCHLIST, install
from watchdesk.graph.env_lines import unreadable_lines

BAD = "export WATCHDESK_SEC_IDENTITY='Jane jane@example.com'\nexport BAD_PASSWORD='s3cret-unclosed\n# a comment\n"


def _said(text: str) -> str:
    return " ".join(text.split())


def test_approve_names_the_bad_line_and_reads_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, said, received, env = approved_with(tmp_path, monkeypatch, shell={},
                                              env_text=BAD + "export WATCHDESK_SMTP_URL='{smtp_url}'\n")  # fmt: skip
    assert code == 0, said
    assert (f"warning: {env}: sh cannot parse its line 2 (it sets BAD_PASSWORD), and a scheduled run stops there, "
            "before watchdesk starts: fix it (lines like export NAME='value'); read its other lines") in said, said
    assert f"read WATCHDESK_SEC_IDENTITY, WATCHDESK_SMTP_URL from {env}" in said, said
    assert "delivery email pm@example.com: sent" in said, said
    assert [e.rcpt_tos for e in received] == [["pm@example.com"]]
    assert "s3cret" not in said


def test_a_file_sh_stops_in_leaves_the_shells_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, said, received, env = approved_with(tmp_path, monkeypatch, shell={"WATCHDESK_SMTP_URL": "SMTP_URL"},
                                              env_text="export WATCHDESK_SMTP_URL='smtp://file.test:25'\nexit 3\n")
    assert code == 0, said
    assert (f"warning: nothing read: sh could not read {env} as a scheduled run would (exit 3); fix the file (lines "
            "like export NAME='value'); going on with this shell's settings alone") in said, said
    assert "delivery email pm@example.com: sent" in said and len(received) == 1, said


def test_schedule_install_names_the_bad_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    env = _env_file(tmp_path / "home", "export WATCHDESK_SMTP_URL='smtp://h.test:25'\nFOO=(1 2)\n")
    wl = tmp_path / "my.toml"
    wl.write_text(WATCHLIST)
    refused = install(wl, tmp_path / "crontab", env={"WATCHDESK_REPLAY": None})
    assert refused.exit_code == 2, refused.output
    assert (f"nothing installed: sh could not read {env} as a scheduled run would (exit 2); sh cannot parse its line 2 "
            "(it sets FOO), and a scheduled run stops there, before watchdesk starts; fix the file") in _said(
        refused.output), refused.output  # fmt: skip


def test_the_lines_to_blame() -> None:
    assert unreadable_lines("A=1\nB='two\nlines'\nC=3\n") == []  # a value quoted over two lines is one
    assert unreadable_lines("A=1\nB='open\nC=3\nfi\nD=(1 2)\nE=5\n") == [2, 4, 5]
