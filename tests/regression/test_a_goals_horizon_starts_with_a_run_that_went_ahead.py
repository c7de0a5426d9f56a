"""A review of the horizon counted from a goal's first run (graph/goal/earlier.py first_run_day): any run of the goal
in the database was its first, so someone who tried `watchdesk run "GOAL" --as-of 2025-02-28` on recorded data, or
rejected its plan, and then ran it for real was told its horizon had ended ("until 2025-03-28 ... counted from
2025-02-28"). Now the horizon starts with the first run that went ahead (approved, or started without asking), and a
run --as-of a past day starts it only for other runs --as-of a past day; plan, run and the README say the rule."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.goal_runs import store_goal_run
from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.graph.settings import today

GOAL = "Monitor NVIDIA 10-Q filings for inventory for the next 4 weeks, weekly"
TRIED = date(2025, 2, 28)  # the past day a trial run replayed


def _plan(db: Path, *as_of: str) -> str:
    said = CliRunner().invoke(cli, ["plan", GOAL, "--db", str(db), *as_of])
    assert said.exit_code == 0, said.output
    return " ".join(said.output.split())


def _tried(tmp_path: Path) -> Path:
    """A store holding one approved run of the goal --as-of TRIED, run yesterday."""
    return store_goal_run(tmp_path / "desk.duckdb", parse_goal(GOAL, as_of=TRIED).watchlist, day=TRIED,
                          ran=today() - timedelta(days=1))  # fmt: skip


def test_a_trial_of_a_past_day_does_not_end_the_goal_run_today(tmp_path: Path) -> None:
    db = _tried(tmp_path)
    text = _plan(db)
    assert f"until = {today() + timedelta(weeks=4)}" in text
    assert "the day of the goal's first run" not in text and "2025-03-28" not in text
    # the run acts on it (a dry run: nothing fetched)
    env = {"WATCHDESK_SEC_IDENTITY": "Test Desk desk@example.com"}
    said = CliRunner(env=env).invoke(cli, ["run", GOAL, "--db", str(db), "--dry-run"])
    assert said.exit_code == 0, said.output
    ran = " ".join(said.output.split())
    assert f"horizon: until {today() + timedelta(weeks=4)} (from 'for the next 4 weeks', counted from {today()})" in ran
    assert "2025-03-28" not in ran


def test_a_trial_of_a_past_day_starts_the_horizon_of_later_trials(tmp_path: Path) -> None:
    db = _tried(tmp_path)
    text = _plan(db, "--as-of", "2025-03-14")
    assert "until = 2025-03-28" in text
    assert (f"horizon: until 2025-03-28 (from 'for the next 4 weeks', counted from 2025-02-28, the day of the goal's "
            f"first run in {db}); a goal's horizon ends where its first run put it (the first run that went ahead, "
            "approved or started without asking, not a rejected one; a run --as-of a past day counts only for other "
            "runs --as-of a past day): to watch after that") in text  # fmt: skip


@pytest.mark.parametrize(("approval", "status"), [("rejected", "rejected"), (None, "awaiting_approval")])
def test_a_run_that_did_not_go_ahead_starts_no_horizon(tmp_path: Path, approval: str | None, status: str) -> None:
    first = date(2026, 10, 1)
    db = store_goal_run(tmp_path / "desk.duckdb", parse_goal(GOAL, as_of=first).watchlist, day=first,
                        approval=approval, status=status)  # fmt: skip
    text = _plan(db, "--as-of", "2026-10-15")
    assert "until = 2026-11-12" in text  # four weeks from the day planned
    assert "the day of the goal's first run" not in text


def test_the_run_that_went_ahead_after_a_rejected_one_starts_it(tmp_path: Path) -> None:
    wl = parse_goal(GOAL, as_of=date(2026, 10, 1)).watchlist
    db = store_goal_run(tmp_path / "desk.duckdb", wl, day=date(2026, 10, 1), approval="rejected", status="rejected")
    store_goal_run(db, wl, day=date(2026, 10, 8), approval="not_needed")
    assert "until = 2026-11-05" in _plan(db, "--as-of", "2026-10-15")  # four weeks from 2026-10-08
