"""Bug: a goal that names no e-mail got a file target `path = "briefings"` (graph/goal/parse.py), a folder read from
where the run started, so `watchdesk run "GOAL" --out /tmp/x` wrote the briefing to /tmp/x and a copy to ./briefings
("delivery file /home/me/briefings: sent"). A goal's file target now names no path: the briefing folder, --out's
(default ./briefings), once. A goal run before the change is the same goal after it: its name (a hash of what it
watches) is as it was, and its approved run lets the next one start without asking."""

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
from watchdesk.graph.watchlist import Delivery
from watchdesk.graph.watchlist_paths import anchored
from watchdesk.store.store import Store

GOAL = "Monitor NVIDIA 10-Q filings for inventory weekly"
# the goal's name as watchdesk planned it before the change (bcb1334), from a file target "briefings"
NAME_BEFORE = "goal-nvda-a51d7b"


def test_a_goal_delivers_to_the_briefing_folder_alone() -> None:
    plan = parse_goal(GOAL, as_of=date(2026, 12, 3))
    assert plan.watchlist.delivery == (Delivery(kind="file"),)
    assert ("delivery: a Markdown/HTML file in the briefing folder (./briefings, or the run's --out) (no e-mail "
            "address named)") in plan.decisions
    assert plan.watchlist.name == NAME_BEFORE  # the same name as before the change
    mailed = parse_goal(GOAL + ", email me at pm@example.com", as_of=date(2026, 12, 3)).watchlist
    assert [(d.kind, d.path) for d in mailed.delivery] == [("file", None), ("email", None)]


def test_run_with_out_writes_there_and_keeps_the_goals_earlier_runs(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    planned = parse_goal(GOAL, as_of=today()).watchlist
    # its run before the change, stored as the runner stored it: the file target "briefings" read from here
    before = anchored(planned.model_copy(update={"delivery": (Delivery(kind="file", path="briefings"),)}),
                      base=tmp_path)  # fmt: skip
    db = store_goal_run(tmp_path / "desk.duckdb", before, day=today() - timedelta(days=7))
    out = tmp_path / "out"
    said = CliRunner().invoke(cli, ["run", GOAL, "--db", str(db), "--replay", str(demo_pack()), "--out", str(out)])
    assert said.exit_code == 0, said.output
    text = " ".join(said.output.split())
    assert f"goal planned as watchlist '{NAME_BEFORE}'" in text
    # its approved run before the change counts: no plan waits for a yes (no terminal here, it would have)
    assert f"approval: a run starts without asking: 1 approved run of this goal in {db}" in text
    assert "awaiting approval" not in text
    assert "delivery file briefing folder: sent" in text
    assert sorted(p.suffix for p in out.iterdir()) == [".html", ".md"]
    assert not (tmp_path / "briefings").exists()  # no copy where the run started
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT DISTINCT watchlist FROM runs") == [(NAME_BEFORE,)]
