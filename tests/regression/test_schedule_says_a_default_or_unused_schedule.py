"""Found in this session's review of `schedule` as a user: a watchlist with no [schedule] was installed to run weekly
on Monday at 07:00 without a word of it being the default (only the next run times showed it), and `cadence =
"daily"` with `day = "tue"` was installed to run every day, the day silently unused. Now install and show say each
('note: w.toml has no [schedule]: its runs are weekly, on Monday at 07:00 (the default); ...', 'note: [schedule] day =
"tuesday" is not used: a daily schedule runs every day ...'). And `schedule show` of an installed line, when the env
file has a line sh cannot parse, said 'warning: ENV: nothing installed: sh could not read ENV ...': now it says that
its runs would not start and which line to fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.test_schedule_install_checks_what_cron_reads import install
from watchdesk.graph.cli import cli

NVDA = 'name = "w"\n[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\nsources = ["edgar"]\n'
SHELL: dict[str, str | None] = {"WATCHDESK_SEC_IDENTITY": "Jane Analyst jane@example.com", "WATCHDESK_REPLAY": None}


def _said(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("schedule", "note"), [
    ("", 'has no [schedule]: its runs are weekly, on Monday at 07:00 (the default); add one (cadence = "daily" or '
         '"weekly", day, time = "HH:MM") to choose'),
    ('[schedule]\ncadence = "daily"\nday = "tue"\n', 'note: [schedule] day = "tuesday" is not used: a daily schedule '
                                                     'runs every day (take it out, or set cadence = "weekly" to run on '
                                                     "that day only)"),
    ('[schedule]\ncadence = "weekly"\nday = "tue"\n', None),
])  # fmt: skip
def test_install_and_show_say_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, schedule: str,
                                 note: str | None) -> None:  # fmt: skip
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    wl, tab = tmp_path / "w.toml", tmp_path / "crontab"
    wl.write_text(NVDA + schedule, encoding="utf-8")
    installed = install(wl, tab, "--write-env", env=SHELL)
    assert installed.exit_code == 0, installed.output
    shown = CliRunner(env=SHELL).invoke(cli, ["schedule", "show", str(wl), "--crontab-file", str(tab)])
    assert shown.exit_code == 0, shown.output
    for said in (_said(installed.output), _said(shown.output)):
        if note is None:
            assert "note:" not in said, said
        else:
            assert note in said, said


def test_show_names_the_env_files_bad_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    wl, tab = tmp_path / "w.toml", tmp_path / "crontab"
    wl.write_text(NVDA, encoding="utf-8")
    assert install(wl, tab, "--write-env", env=SHELL).exit_code == 0
    env = tmp_path / "home" / ".config" / "watchdesk" / "env"
    env.write_text(env.read_text(encoding="utf-8") + "export BAD='open\n", encoding="utf-8")
    shown = CliRunner(env=SHELL).invoke(cli, ["schedule", "show", str(wl), "--crontab-file", str(tab)])
    assert (f"warning: its runs would not start: sh could not read {env} as a scheduled run would (exit 2); sh cannot "
            "parse its line 2 (it sets BAD), and a scheduled run stops there, before watchdesk starts; fix the file "
            "(lines like export NAME='value')") in _said(shown.output), shown.output  # fmt: skip
