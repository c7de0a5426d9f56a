"""Found in last session's review (old goal runs): until 2026-12-06 a goal's runs had a file target "briefings" made
absolute where the run started (/home/me/briefings), the folder their default --out wrote to, and their deliveries
were recorded under that path; a goal's target now names no path, "briefing folder". A retry of such a run's
undelivered briefing works (it reads the old run's watchlist, whose folder is the briefing folder: no copy, 'sent'),
but the goal's next run said 'delivery file /home/me/briefings: removed from the watchlist, so its earlier undelivered
briefing (... (failed)) is no longer counted or sent': the folder it writes to, under its old name. Now those rows are
the briefing folder's (renamed as a watchlist file's older names are), so the next run says nothing of them, and the
retry of the old week sends it to the briefing folder. A run with another --out had copied to that folder: it stays a
target of its own."""

from __future__ import annotations

import os
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.graph.settings import today
from watchdesk.graph.watchlist import Delivery
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store

GOAL = "Monitor NVIDIA 10-Q filings for inventory weekly"


def _old_goal_run(tmp_path: Path, *, out_dir: str) -> tuple[Path, str, str]:
    """A goal run of last week as stored before the change, its briefing's delivery to the folder failed; the
    database, the goal's name and last week."""
    planned = parse_goal(GOAL, as_of=today()).watchlist
    old = planned.model_copy(update={"delivery": (Delivery(kind="file", path=str(tmp_path / "briefings")),)})
    day = today() - timedelta(days=7)
    when = datetime.combine(day, time(7), tzinfo=UTC)
    db = tmp_path / "desk.duckdb"
    with Store.open(db) as store:
        store.save_run(RunRecord(run_id=f"{day}-0ld0ld00", watchlist=old.name, watchlist_hash=old.fingerprint(),
                                 watchlist_json=old.redacted().model_dump_json(), mode="live", status="done",
                                 started_at=when, finished_at=when, approval="approved", as_of=day,
                                 out_dir=out_dir))  # fmt: skip
    week = day.isocalendar()
    last_week = f"{week.year}-W{week.week:02d}"
    sent = CliRunner().invoke(cli, ["brief", "--name", old.name, "--db", str(db), "--week", last_week, "--deliver"])
    assert f"delivery file {tmp_path / 'briefings'}: sent" in sent.output, sent.output
    with Store.open(db) as store:  # as a full disk left it
        store.con.execute("UPDATE deliveries SET status = 'failed', error = 'OSError: No space left on device'")
    return db, old.name, last_week


def test_the_next_goal_run_keeps_the_folder_and_the_retry_sends_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db, name, last_week = _old_goal_run(tmp_path, out_dir="briefings")
    ran = CliRunner().invoke(cli, ["run", GOAL, "--yes", "--db", str(db), "--replay", str(demo_pack())])
    assert ran.exit_code == 0, ran.output
    assert "removed from the watchlist" not in ran.output, ran.output
    assert "delivery file briefing folder: sent" in ran.output, ran.output

    retry = CliRunner().invoke(cli, ["brief", "--name", name, "--db", str(db), "--week", last_week, "--deliver",
                                     "--undelivered"])  # fmt: skip
    assert retry.exit_code == 0, retry.output
    assert "delivery file briefing folder: sent" in retry.output, retry.output
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT DISTINCT target FROM deliveries") == [("briefing folder",)]
    listed = CliRunner().invoke(cli, ["runs", "--db", str(db)]).output
    assert "failed" not in listed, listed  # the old week has reached the folder since


def test_a_folder_a_run_with_another_out_copied_to_stays_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db, _name, _week = _old_goal_run(tmp_path, out_dir=str(tmp_path / "elsewhere"))
    ran = CliRunner().invoke(cli, ["run", GOAL, "--yes", "--db", str(db), "--replay", str(demo_pack())])
    assert ran.exit_code == 0, ran.output
    said = " ".join(ran.output.split())
    assert f"delivery file {tmp_path / 'briefings'}: removed from the watchlist" in said, said
    assert os.path.isdir(tmp_path / "briefings")
