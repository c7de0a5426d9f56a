"""Bug: the command that sends a briefing again was said in two forms: `watchdesk brief --name chips ...` by the lines
a delivery says as it goes (a Ctrl-C's "may have arrived", a send left unconfirmed) and `watchdesk brief wl.toml ...`
by the line ending `watchdesk brief wl.toml --deliver`, the latter with the watchlist, the database and the folder as
typed: `watchdesk brief wl.toml --db desk.duckdb --deliver` printed `watchdesk brief wl.toml --db desk.duckdb ...`,
which from any other folder (a cron log read from home) found no database; and `watchdesk runs RUN` said a bare
`watchdesk brief --deliver --undelivered`, which briefs the latest period of ./watchdesk.duckdb. Now every message
builds it with delivery_rows.resend_line: the watchlist file the delivery read (it says the targets and policy as
they now stand: a recipient allowed since is sent to), else `--name`; the period; the database and folder absolute.
Each command said here is run, from another folder, and sends. Real DuckDB file, real SMTP on loopback."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_delivery import free_port, loopback_smtp, watchlist, written
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from tests.regression.test_a_delivery_waiting_to_retry_leaves_the_store_free import TO
from watchdesk.agents.briefing.delivery_rows import begin
from watchdesk.graph.cli import cli
from watchdesk.graph.delivery import Message
from watchdesk.store.store import Store


def down() -> dict[str, str]:
    return {"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{free_port()}?from=desk@example.com"}  # nobody listens


def resend_said(said: str) -> list[str]:
    """The resend command the output says (the last one), as its words."""
    command = said.split("`watchdesk brief ")[-1].split("`")[0]
    return shlex.split(f"brief {command}")


def sends(args: list[str], where: Path, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """`args` run from the folder `where` with the mail server up: the recipients of each message it sent."""
    where.mkdir(exist_ok=True)
    monkeypatch.chdir(where)
    with loopback_smtp() as (port, received):
        result = CliRunner(env={"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=d@example.com"}).invoke(cli, args)
    assert result.exit_code == 0, result.output
    return [list(e.rcpt_tos) for e in received]


def test_a_brief_given_relative_paths_says_a_command_that_runs_from_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _ = a_briefed_store(tmp_path)
    monkeypatch.chdir(tmp_path)  # the user's folder: the watchlist, the database and the folder by relative paths
    result = CliRunner(env=down()).invoke(cli, ["brief", "wl.toml", "--db", db.name, "--deliver", "--week",
                                                "2025-W35", "--out", "out2"])  # fmt: skip
    said = " ".join(result.output.split())
    assert result.exit_code == 1, said
    args = resend_said(said)
    assert args[:5] == ["brief", str(tmp_path / "wl.toml"), "--db", str(db), "--since"], args  # before: as typed
    assert args[-4:] == ["--out", str(tmp_path / "out2"), "--deliver", "--undelivered"], args
    assert sends(args, tmp_path / "elsewhere", monkeypatch) == [["pm@example.com"]]


def test_a_brief_by_name_says_a_command_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, _ = a_briefed_store(tmp_path)
    result = CliRunner(env=down()).invoke(cli, ["brief", "--name", "chips", "--db", str(db), "--deliver", "--week",
                                                "2025-W35", "--out", str(tmp_path / "out2")])  # fmt: skip
    args = resend_said(" ".join(result.output.split()))
    assert result.exit_code == 1 and args[:3] == ["brief", "--name", "chips"], args
    assert sends(args, tmp_path / "elsewhere", monkeypatch) == [["pm@example.com"]]


def test_a_run_whose_send_was_never_recorded_says_the_whole_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _ = a_briefed_store(tmp_path)
    with Store.open(db) as store:  # run r1 began its e-mail and its process died: the row stays `sending`
        files = written(store, tmp_path)
        msg = Message(briefing_id=files.briefing_id, run_id="r1", watchlist="chips", period=(
            files.data.period_start, files.data.period_end), period_label="2025-W35", paths=files.paths, text="t",
            html=None, headline="h")  # fmt: skip
        begin(store, msg, kind="email", targets=["pm@example.com"])
    trail = CliRunner().invoke(cli, ["runs", "r1", "--db", str(db)])
    said = " ".join(trail.stderr.split())
    assert "before sending it again (`watchdesk brief --name chips --db " in said, said  # before: no period, no db
    assert sends(resend_said(said), tmp_path / "elsewhere", monkeypatch) == [["pm@example.com"]]


def test_the_file_is_named_only_while_it_is_there(tmp_path: Path) -> None:
    from watchdesk.agents.briefing.delivery_rows import resend_line

    wl = tmp_path / "wl.toml"
    wl.write_text(TO, encoding="utf-8")
    period = ("2025-08-25", "2025-08-31")
    assert resend_line(name="chips", path=wl, db=None, period=period, out=None).startswith(f"watchdesk brief {wl} ")
    wl.unlink()  # moved since: the stored watchlist by its name
    assert resend_line(name="chips", path=wl, db=None, period=period, out=None).startswith(
        "watchdesk brief --name chips --since")
    assert watchlist(TO).name == "chips"


def test_a_skipped_targets_send_it_again_command_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from watchdesk.graph.delivery import deliver_briefing
    from watchdesk.graph.settings import Settings

    db, _ = a_briefed_store(tmp_path)
    said: list[str] = []
    with loopback_smtp() as (port, received), Store.open(db) as store:
        files = written(store, tmp_path)
        settings = Settings(smtp_url=f"smtp://127.0.0.1:{port}?from=d@example.com", watchlist_path=tmp_path / "wl.toml")
        for run_id in ("r0", "r1"):  # the week's second run: the PM has it
            deliver_briefing(files, watchlist=watchlist(TO), settings=settings, store=store, run_id=run_id,
                             report=said.append)  # fmt: skip
    assert len(received) == 1
    (skipped,) = [line for line in said if "skipped" in line]
    args = resend_said(skipped)
    assert args[:2] == ["brief", str(tmp_path / "wl.toml")] and args[-1] == "--deliver", skipped  # every target
    assert sends(args, tmp_path / "elsewhere", monkeypatch) == [["pm@example.com"]]
