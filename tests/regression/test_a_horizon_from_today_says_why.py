"""A goal's horizon counts from its first run that went ahead; when its earlier runs in the database were rejected or
were trials on recorded data (`--as-of` a past day), it counts from today, and nothing said why: "horizon: until
2027-01-03 (... counted from 2026-12-06)" with the goal's run of last month in the store. The horizon decision now
says in one line what it passed over."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner

from tests.regression.goal_runs import store_goal_run
from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.graph.settings import today

GOAL = "Monitor NVIDIA 10-Q filings for inventory for the next 4 weeks, weekly"


def _horizon(db: Path, *args: str) -> str:
    said = CliRunner(env={"WATCHDESK_SEC_IDENTITY": "Test Desk desk@example.com"}).invoke(
        cli, [*args, GOAL, "--db", str(db)])
    assert said.exit_code == 0, said.output
    return next(line.strip() for line in said.output.splitlines() if line.startswith("  - horizon:"))


def test_a_rejected_run_is_said(tmp_path: Path) -> None:
    first = date(2026, 10, 1)
    db = store_goal_run(tmp_path / "desk.duckdb", parse_goal(GOAL, as_of=first).watchlist, day=first,
                        approval="rejected", status="rejected")  # fmt: skip
    assert _horizon(db, "plan", "--as-of", "2026-10-15") == (
        "- horizon: until 2026-11-12 (from 'for the next 4 weeks', counted from 2026-10-15); counts from 2026-10-15: "
        "the run of 2026-10-01 was rejected")


def test_a_trial_is_said_by_plan_and_run(tmp_path: Path) -> None:
    ran = today() - timedelta(days=1)
    db = store_goal_run(tmp_path / "desk.duckdb", parse_goal(GOAL, as_of=date(2025, 2, 28)).watchlist,
                        day=date(2025, 2, 28), ran=ran)  # fmt: skip
    said = (f"- horizon: until {today() + timedelta(weeks=4)} (from 'for the next 4 weeks', counted from {today()}); "
            f"counts from today: the run --as-of 2025-02-28 (on {ran}) was a trial on recorded data")
    assert _horizon(db, "plan") == said
    assert _horizon(db, "run", "--dry-run") == said


def test_a_run_waiting_for_a_yes_and_more_are_said(tmp_path: Path) -> None:
    wl = parse_goal(GOAL, as_of=date(2026, 10, 1)).watchlist
    db = store_goal_run(tmp_path / "desk.duckdb", wl, day=date(2026, 10, 1), approval=None, status="awaiting_approval")
    store_goal_run(db, wl, day=date(2026, 10, 8), approval="rejected", status="rejected")
    assert _horizon(db, "plan", "--as-of", "2026-10-15").endswith(
        "counts from 2026-10-15: the run of 2026-10-01 was not approved (it waits for a yes, or stopped before it "
        "asked) (and 1 more run that did not count)")


def test_nothing_is_said_without_earlier_runs_or_a_moving_horizon(tmp_path: Path) -> None:
    db = tmp_path / "none.duckdb"
    assert _horizon(db, "plan", "--as-of", "2026-10-15") == (
        "- horizon: until 2026-11-12 (from 'for the next 4 weeks', counted from 2026-10-15)")
