"""Session 44's attack round: ~/.config/watchdesk/env holds the scheduled runs' SMTP password, webhooks and keys.
`--write-env` makes it 0600, but one a user wrote by hand (an editor's 0644) was used by `approve`, `schedule install`
and every scheduled run without a word. Now each of them says so once, naming the file, its mode and `chmod 600 FILE`,
and still uses it (a user may want it so); a file anyone may write is refused: its writer could point every briefing
and notice at a server of theirs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.cron_env import with_scheduled_settings
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.schedule import MARKER, Job, cron_line
from watchdesk.graph.watchlist import Schedule
from watchdesk.sources.errors import ConfigError

IDENTITY, SMTP = "Jane Analyst jane@example.com", "smtps://jane:s3cret-pass@smtp.example.com:465"
WATCHLIST = ('name = "env test"\n[[tickers]]\nsymbol = "NVDA"\n[filings]\nforms = ["10-Q"]\n[policy]\n'
             'allowed_recipients = ["pm@example.com"]\n[[delivery]]\nkind = "email"\nto = ["pm@example.com"]\n')


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of its own: the env file a cron line reads is ~/.config/watchdesk/env."""
    (folder := tmp_path / "home").mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


def _env(home: Path, mode: int) -> Path:
    path = home / ".config" / "watchdesk" / "env"
    path.parent.mkdir(parents=True)
    path.write_text(f"export WATCHDESK_SEC_IDENTITY='{IDENTITY}'\nexport WATCHDESK_SMTP_URL='{SMTP}'\n")
    path.chmod(mode)
    return path


@pytest.mark.parametrize("mode", [0o644, 0o660], ids=oct)
def test_approve_reads_an_env_file_others_can_read_and_says_so(home: Path, mode: int) -> None:
    path = _env(home, mode)
    env, added, note = with_scheduled_settings({}, home=str(home))
    assert added == ["WATCHDESK_SEC_IDENTITY", "WATCHDESK_SMTP_URL"] and env["WATCHDESK_SMTP_URL"] == SMTP
    assert note and str(path) in note and f"mode {mode:04o}" in note and f"chmod 600 {path}" in note, note
    assert "s3cret" not in note


def test_a_file_readable_by_its_owner_alone_is_read_without_a_word(home: Path) -> None:
    _env(home, 0o600)
    assert with_scheduled_settings({}, home=str(home))[1:] == (["WATCHDESK_SEC_IDENTITY", "WATCHDESK_SMTP_URL"], None)


@pytest.mark.parametrize("mode", [0o646, 0o666, 0o602], ids=oct)
def test_an_env_file_anyone_may_write_is_refused(home: Path, mode: int) -> None:
    path = _env(home, mode)
    with pytest.raises(ConfigError, match=rf"anyone may write it \(mode {mode:04o}\).*chmod 600 {path}"):
        with_scheduled_settings({}, home=str(home))


def test_a_scheduled_run_refuses_it_before_it_starts(home: Path, tmp_path: Path) -> None:
    path = _env(home, 0o666)
    (wl := tmp_path / "my.toml").write_text(WATCHLIST)
    cron = {"WATCHDESK_SEC_IDENTITY": IDENTITY, "WATCHDESK_REPLAY": str(demo_pack())}
    ran = CliRunner(env=cron).invoke(cli, ["run", str(wl), "--scheduled", "--db", str(tmp_path / "d.duckdb"),
                                           "--out", str(tmp_path / "out")])  # fmt: skip
    said = " ".join(ran.output.split())
    assert ran.exit_code == 2 and f"{path} is not read: anyone may write it (mode 0666)" in said, said
    assert not (tmp_path / "d.duckdb").exists() and not (tmp_path / "out").exists()


def test_schedule_install_and_show_say_it(home: Path, tmp_path: Path) -> None:
    path = _env(home, 0o644)
    (wl := tmp_path / "my.toml").write_text(WATCHLIST)
    tab = tmp_path / "crontab"
    done = CliRunner(env={"WATCHDESK_REPLAY": None}).invoke(cli, [
        "schedule", "install", str(wl), "--crontab-file", str(tab), "--db", str(tmp_path / "d.duckdb"), "--out",
        str(tmp_path / "out")])  # fmt: skip
    shown = CliRunner().invoke(cli, ["schedule", "show", str(wl), "--crontab-file", str(tab)])
    for said in (" ".join(done.output.split()), " ".join(shown.output.split())):
        assert f"warning: {path} (the scheduled runs' settings" in said and f"chmod 600 {path}" in said, said
    assert done.exit_code == 0 and tab.exists(), done.output


@pytest.mark.parametrize(("mode", "sourced"), [(0o666, False), (0o602, False), (0o644, True), (0o600, True)],
                         ids=["0666", "0602", "0644", "0600"])
def test_the_cron_line_does_not_source_a_file_anyone_may_write(home: Path, tmp_path: Path, mode: int,
                                                                sourced: bool) -> None:  # fmt: skip
    """Sourcing runs the file's commands (a `touch` here) before the run can refuse it."""
    path, ran = _env(home, 0o600), tmp_path / "ran"
    path.write_text(f"touch {ran}\nexport WATCHDESK_SEC_IDENTITY='{IDENTITY}'\n")
    path.chmod(mode)
    job = Job(watchlist=tmp_path / "my.toml", db=tmp_path / "d.duckdb", out=tmp_path / "out", log=tmp_path / "log",
              executable="/bin/echo")  # fmt: skip
    line = cron_line(Schedule(), job)
    command = line.split(" ", 5)[5].rpartition(f" {MARKER}")[0]  # as cron hands it to sh: past the five time fields
    done = subprocess.run(["sh", "-c", command], env={"HOME": str(home), "PATH": "/usr/bin:/bin"}, check=False)
    assert done.returncode == 0 and ran.exists() is sourced, (line, done)
    assert (tmp_path / "log").read_text().startswith("run ")  # the run starts all the same, and refuses it itself
