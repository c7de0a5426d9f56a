"""Bug: a goal's horizon ("for the next 4 weeks") was counted from the day of each run: `watchdesk run "GOAL"` from
cron (or by hand each week) watched for four more weeks every time, so the watch never ended. A goal that has run
on the database counts its horizon from the day of its first run there; `plan` says the end date and that day, and
a run after it has nothing to do. A horizon with a date ("until 2027-06-30") is that date whatever the day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from tests.regression.goal_runs import store_goal_run
from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.store.store import Store

GOAL = "Monitor NVIDIA 10-Q filings for inventory for the next 4 weeks, weekly"
FIRST = date(2026, 10, 1)
ENV = {"WATCHDESK_SEC_IDENTITY": "Test Desk desk@example.com"}


def _store(tmp_path: Path) -> Path:
    """A store holding the goal's first run, on FIRST."""
    return store_goal_run(tmp_path / "desk.duckdb", parse_goal(GOAL, as_of=FIRST).watchlist, day=FIRST)


def _plan(goal: str, db: Path, day: str) -> str:
    said = CliRunner().invoke(cli, ["plan", goal, "--db", str(db), "--as-of", day])
    assert said.exit_code == 0, said.output
    return " ".join(said.output.split())


def test_plan_counts_the_horizon_from_the_first_run(tmp_path: Path) -> None:
    db = _store(tmp_path)
    text = _plan(GOAL, db, "2026-10-15")
    assert "until = 2026-10-29" in text
    assert (f"horizon: until 2026-10-29 (from 'for the next 4 weeks', counted from 2026-10-01, the day of the goal's "
            f"first run in {db})") in text  # fmt: skip
    assert "2026-11-12" not in text  # four weeks from 2026-10-15
    fresh = _plan(GOAL, tmp_path / "none.duckdb", "2026-10-15")
    assert "until = 2026-11-12" in fresh  # a goal that has not run counts from the day it is planned


def test_a_run_after_the_horizon_has_nothing_to_do(tmp_path: Path) -> None:
    db = _store(tmp_path)
    said = CliRunner(env=ENV).invoke(cli, ["run", GOAL, "--db", str(db), "--as-of", "2026-11-05", "--scheduled"])
    assert said.exit_code == 0, said.output
    text = " ".join(said.output.split())
    assert "its horizon ended on 2026-10-29" in text
    assert "Give the goal a later end date ('until YYYY-MM-DD') to watch again" in text
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT count(*) FROM runs")[0][0] == 1  # no run started


def test_a_dated_horizon_is_its_date(tmp_path: Path) -> None:
    db = _store(tmp_path)
    text = _plan(GOAL.replace("for the next 4 weeks", "until 2027-06-30"), db, "2026-10-15")
    assert "until = 2027-06-30" in text
    assert "the day of the goal's first run" not in text


def test_run_says_the_horizon_and_approval_it_acts_on(tmp_path: Path) -> None:
    """`run "GOAL"` printed its decisions as planned today ("until 2026-11-12, counted from 2026-10-15"; "the first
    run's plan waits for a person's yes"), then a line correcting the horizon: its Decisions are those it acts on."""
    db = _store(tmp_path)
    said = CliRunner(env=ENV).invoke(cli, ["run", GOAL, "--db", str(db), "--as-of", "2026-10-15", "--dry-run"])
    assert said.exit_code == 0, said.output
    decisions = " ".join(said.output.split("Not understood:")[0].split())
    assert (f"horizon: until 2026-10-29 (from 'for the next 4 weeks', counted from 2026-10-01, the day of the goal's "
            f"first run in {db}); a goal's horizon ends where its first run put it") in decisions  # fmt: skip
    assert "2026-11-12" not in said.output  # four weeks from 2026-10-15: neither said nor corrected
    assert "approval: a run starts without asking: 1 approved run of this goal" in decisions
