"""Bug: an approved trial run (`watchdesk run "GOAL" --as-of 2025-02-28` on recorded data, or a watchlist's) counted as
the approval `first:1` asks for, so the goal run for real later started without asking: its plan, with today's
filings and its e-mail targets, was never shown. A trial's approval is for the trial: it counts only for other runs
--as-of a past day (as a trial starts the horizon only of other trials). The plan's decision, the run and the reason a
run waits (`approve --show`) say so."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.goal_runs import store_goal_run
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.graph.settings import today

GOAL = "Monitor NVIDIA 10-Q filings for inventory weekly"
TRIED = date(2025, 2, 28)
NOT_COUNTED = ("1 approved run --as-of a past day not counted: a trial on recorded data counts only for other such "
               "runs")


def _tried(tmp_path: Path) -> Path:
    """A store holding one approved trial of the goal: run yesterday --as-of TRIED."""
    return store_goal_run(tmp_path / "desk.duckdb", parse_goal(GOAL, as_of=TRIED).watchlist, day=TRIED,
                          ran=today() - timedelta(days=1))  # fmt: skip


def _said(*args: str) -> str:
    said = CliRunner().invoke(cli, list(args))
    assert said.exit_code == 0, said.output
    return " ".join(said.output.split())


def test_a_real_run_after_an_approved_trial_asks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = _tried(tmp_path)
    plan = _said("plan", GOAL, "--db", str(db))
    assert ('approval: the first run\'s plan waits for a person\'s yes (policy approval = "first:1"); '
            + NOT_COUNTED) in plan
    ran = _said("run", GOAL, "--db", str(db), "--replay", str(demo_pack()), "--out", str(tmp_path / "out"))
    assert "is awaiting approval" in ran  # no terminal here: the plan waits for a yes
    run_id = ran.split("watchdesk approve ", 1)[1].split()[0]
    shown = _said("approve", run_id, "--db", str(db), "--show")
    assert ("Why: the policy wants a person's yes until 1 run of this goal is approved "
            f'(approval = "first:1"); 0 approved before this run started; {NOT_COUNTED}.') in shown


def test_another_trial_counts_the_trials_approval(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = _tried(tmp_path)
    plan = _said("plan", GOAL, "--db", str(db), "--as-of", "2025-03-07")
    assert f"approval: a run starts without asking: 1 approved run of this goal in {db}" in plan
    ran = _said("run", GOAL, "--db", str(db), "--replay", str(demo_pack()), "--out", str(tmp_path / "out"),
                "--as-of", "2025-03-07")  # fmt: skip
    assert "awaiting approval" not in ran and "delivery file briefing folder: sent" in ran


def test_a_real_runs_approval_counts_for_a_trial(tmp_path: Path) -> None:
    db = store_goal_run(tmp_path / "desk.duckdb", parse_goal(GOAL, as_of=TRIED).watchlist, day=today())
    plan = _said("plan", GOAL, "--db", str(db), "--as-of", "2025-03-07")
    assert f"approval: a run starts without asking: 1 approved run of this goal in {db}" in plan


def test_the_reason_names_a_trial_of_the_goal_as_it_read_before(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A trial stored by an earlier watchdesk (its file target "briefings", so another fingerprint) is named too."""
    from watchdesk.graph.watchlist import Delivery

    monkeypatch.chdir(tmp_path)
    wl = parse_goal(GOAL, as_of=TRIED).watchlist
    wl = wl.model_copy(update={"delivery": (Delivery(kind="file", path=str(tmp_path / "briefings")),)})
    db = store_goal_run(tmp_path / "desk.duckdb", wl, day=TRIED, ran=today() - timedelta(days=1))
    ran = _said("run", GOAL, "--db", str(db), "--replay", str(demo_pack()), "--out", str(tmp_path / "out"))
    run_id = ran.split("watchdesk approve ", 1)[1].split()[0]
    assert f"0 approved before this run started; {NOT_COUNTED}." in _said("approve", run_id, "--db", str(db), "--show")
