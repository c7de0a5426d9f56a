"""`watchdesk schedule` on a temporary crontab file, and what an unattended run does when approval is due."""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.schedule import next_runs
from watchdesk.graph.watchlist import Schedule

WATCHLIST = """
name = "chips"
[[tickers]]
symbol = "NVDA"
[schedule]
cadence = "weekly"
day = "tuesday"
time = "06:30"
"""
OTHER = "15 3 * * * /usr/bin/backup --all\n# a comment someone wrote\n"


def invoke(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture()
def files(tmp_path: Path, cron_env: Path) -> tuple[Path, Path]:  # cron_env: install checks what the runs read
    wl = tmp_path / "chips.toml"
    wl.write_text(WATCHLIST)
    tab = tmp_path / "crontab"
    tab.write_text(OTHER)
    return wl, tab


def test_install_show_remove_touch_only_watchdesks_line(files: tuple[Path, Path], tmp_path: Path) -> None:
    wl, tab = files
    db = tmp_path / "w.duckdb"
    invoke("schedule", "install", str(wl), "--crontab-file", str(tab), "--db", str(db))
    invoke("schedule", "install", str(wl), "--crontab-file", str(tab), "--db", str(db))  # replaces, never doubles
    lines = tab.read_text().splitlines()
    assert lines[:2] == OTHER.splitlines() and len(lines) == 3
    ours = lines[2]
    assert ours.startswith("30 6 * * 2 ") and ours.endswith(f"# watchdesk:{wl.resolve()}")
    assert f"run {wl.resolve()} --scheduled --db {db.resolve()}" in ours
    assert f"; cd {wl.resolve().parent} && " in ours  # cron starts in $HOME: relative paths mean the watchlist's

    shown = invoke("schedule", "show", str(wl), "--crontab-file", str(tab)).output.splitlines()
    assert shown[0] == ours
    times = [datetime.strptime(s.strip(), "%a %Y-%m-%d %H:%M") for s in shown[2:5]]
    assert len(times) == 3 and all(t.weekday() == 1 and (t.hour, t.minute) == (6, 30) for t in times)
    assert [(b - a).days for a, b in pairwise(times)] == [7, 7]

    invoke("schedule", "remove", str(wl), "--crontab-file", str(tab))
    assert tab.read_text() == OTHER


def test_next_runs_daily_and_same_day_later() -> None:
    daily = Schedule(cadence="daily", time="07:00")
    assert next_runs(daily, after=datetime(2025, 9, 1, 8, 0)) == [
        datetime(2025, 9, 2, 7), datetime(2025, 9, 3, 7), datetime(2025, 9, 4, 7)]
    weekly = Schedule(cadence="weekly", day="monday", time="07:00")
    assert next_runs(weekly, after=datetime(2025, 9, 1, 6, 0), n=1) == [datetime(2025, 9, 1, 7)]


def test_unattended_run_awaiting_approval_notifies_instead_of_briefing(
    webhook: tuple[int, list[dict[str, Any]], list[int]], tmp_path: Path
) -> None:
    from watchdesk.graph.demo import demo_pack

    port, posts, _ = webhook
    wl = tmp_path / "w.toml"
    wl.write_text("""
name = "apple"
[[tickers]]
symbol = "AAPL"
[[delivery]]
kind = "slack"
webhook_env = "DESK_HOOK"
[policy]
allowed_domains = ["sec.gov", "127.0.0.1"]
approval = "always"
""")
    out = tmp_path / "out"
    args = ["run", str(wl), "--scheduled", "--replay", str(demo_pack()), "--db", str(tmp_path / "w.duckdb"),
            "--out", str(out)]  # fmt: skip
    result = CliRunner(env={"DESK_HOOK": f"http://127.0.0.1:{port}/hook"}).invoke(cli, args)
    assert "awaiting approval" in result.output
    # no run of it was approved yet: the notice (its plan) goes to no target nobody approved (tests/regression/
    # test_a_new_recipient_gets_no_notice_before_approval.py); the file tells, the run says who was not told, and
    # exits 1 as nobody was (tests/regression/test_a_waiting_run_that_told_nobody_fails.py)
    assert posts == [] and "slack webhook $DESK_HOOK: not told" in " ".join(result.output.split())
    assert result.exit_code == 1 and "the approval notice reached nobody" in " ".join(result.output.split())
    # no briefing before approval; the folder holds the notice instead (session 22: a file-only watchlist, as
    # `watchdesk init` writes, told nobody), removed once the run is approved
    assert [p.name for p in out.iterdir()] == [f"AWAITING-APPROVAL-{run_id(result.output)}.md"]
    assert "watchdesk approve" in next(out.iterdir()).read_text()
    done = CliRunner(env={"DESK_HOOK": f"http://127.0.0.1:{port}/hook"}).invoke(
        cli, ["approve", run_id(result.output), "--db", str(tmp_path / "w.duckdb")])
    assert done.exit_code == 0, done.output
    assert not list(out.glob("AWAITING-APPROVAL-*")) and list(out.glob("*.md"))


def test_a_watchlist_past_its_horizon_runs_nothing_and_is_not_installed(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    # `until` (a goal's horizon: "for the next quarter") was parsed and written but never checked: a run two years
    # past it fetched and briefed as usual, and `schedule install` listed runs forever (helper review, session 20)
    wl, tab = files
    wl.write_text(WATCHLIST.replace('name = "chips"', 'name = "chips"\nuntil = 2025-01-01'))
    db = tmp_path / "w.duckdb"
    manual = CliRunner().invoke(cli, ["run", str(wl), "--db", str(db)])
    assert manual.exit_code == 2 and "its horizon ended on 2025-01-01" in manual.output, manual.output
    cron = CliRunner().invoke(cli, ["run", str(wl), "--db", str(db), "--scheduled"])
    assert cron.exit_code == 0 and f"watchdesk schedule remove {wl}" in cron.output, cron.output
    assert not db.exists()  # nothing opened, nothing fetched
    checked = CliRunner().invoke(cli, ["run", str(wl), "--db", str(db), "--dry-run"])
    assert checked.exit_code == 2 and "until: its horizon ended on 2025-01-01" in checked.output, checked.output
    refused = CliRunner().invoke(cli, ["schedule", "install", str(wl), "--crontab-file", str(tab)])
    assert refused.exit_code == 2 and "nothing installed" in refused.output and tab.read_text() == OTHER


def test_an_installed_horizon_lists_only_the_runs_before_it(files: tuple[Path, Path]) -> None:
    wl, tab = files
    soon = datetime.now().date().toordinal() + 8  # a week and a day: one or two Tuesdays, never three
    until = datetime.fromordinal(soon).date()
    wl.write_text(WATCHLIST.replace('name = "chips"', f'name = "chips"\nuntil = {until.isoformat()}'))
    shown = invoke("schedule", "install", str(wl), "--crontab-file", str(tab)).output.splitlines()
    runs = [datetime.strptime(s.strip(), "%a %Y-%m-%d %H:%M") for s in shown if s.startswith("  ")]
    assert 1 <= len(runs) <= 2 and all(r.date() <= until for r in runs), shown
    assert f"runs after {until.isoformat()} (the watchlist's `until`) do nothing" in shown[-1]


def test_show_without_a_crontab_command_says_so_and_shows_the_times(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A review: `schedule show` exited 2 on a machine without cron, though it only reads."""
    import shutil

    wl = tmp_path / "w.toml"
    wl.write_text('name = "w"\n[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\n')
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    result = CliRunner().invoke(cli, ["schedule", "show", str(wl)])
    assert result.exit_code == 0, result.output
    assert "not installed: this machine has no `crontab` command" in result.output
    assert "next runs, in this machine's local time" in result.output
    # a new user's walkthrough (session 22): show printed no line; it now prints the one install would write
    assert f"run {wl.resolve()} --scheduled --db" in result.output and "# watchdesk:" in result.output


def run_id(output: str) -> str:
    return output.split("watchdesk approve ", 1)[1].split()[0]
