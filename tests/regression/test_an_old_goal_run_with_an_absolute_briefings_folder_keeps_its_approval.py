"""Found in last session's review: until 2026-12-06 a goal's runs stored their file target "briefings" made absolute
where each run started (/home/me/briefings). A goal now names no folder, and its earlier runs are found by a hash of
what they watch (graph/goal/earlier.py), which held that absolute path: the approved run was another goal's, so the
goal's next run, nothing changed, said 'approval asked again: the watchlist changed since its last approved run' and
waited for a yes (a scheduled run sent no briefing until someone approved it), from the folder the old run started in
or any other. Now such a path is read as the goal wrote it, "briefings", and the old approval counts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.goal_runs import store_goal_run
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.graph.settings import today
from watchdesk.graph.watchlist import Delivery

GOAL = "Monitor NVIDIA 10-Q filings for inventory weekly"


@pytest.mark.parametrize("started_in", ["home", "elsewhere"])
def test_the_goals_next_run_starts_without_asking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  started_in: str) -> None:  # fmt: skip
    planned = parse_goal(GOAL, as_of=today()).watchlist
    # as the runner stored it then: its file target "briefings" made absolute where the run started
    old = planned.model_copy(update={"delivery": (Delivery(kind="file", path=str(tmp_path / "home" / "briefings")),)})
    db = store_goal_run(tmp_path / "desk.duckdb", old, day=today() - timedelta(days=7))
    (tmp_path / started_in).mkdir()
    monkeypatch.chdir(tmp_path / started_in)
    ran = CliRunner().invoke(cli, ["run", GOAL, "--db", str(db), "--replay", str(demo_pack()), "--scheduled"])
    assert ran.exit_code == 0, ran.output
    said = " ".join(ran.output.split())
    assert "approval asked again" not in said
    assert "awaiting approval" not in said
    assert f"approval: a run starts without asking: 1 approved run of this goal in {db}" in said
    assert "delivery file briefing folder: sent" in said


def test_approve_show_counts_the_old_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of the goal left waiting before the fix (stored so, `approval = "always"` aside) says, as the run now
    counts, that the goal's old run was approved: why_waiting reads the stored runs alike."""
    monkeypatch.chdir(tmp_path)
    planned = parse_goal(GOAL, as_of=today()).watchlist
    old = planned.model_copy(update={"delivery": (Delivery(kind="file", path="/srv/desk/briefings"),)})
    db = store_goal_run(tmp_path / "desk.duckdb", old, day=today() - timedelta(days=14))
    waiting = store_goal_run(db, planned, day=today() - timedelta(days=7), approval=None, status="awaiting_approval")
    assert waiting == db
    run_id = f"{today() - timedelta(days=7)}-0ld0ld00"
    shown = CliRunner().invoke(cli, ["approve", run_id, "--show", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    said = " ".join(shown.output.split())
    assert "the watchlist changed" not in said, said
    assert "1 approved before this run started" in said or "1 since" in said, said
