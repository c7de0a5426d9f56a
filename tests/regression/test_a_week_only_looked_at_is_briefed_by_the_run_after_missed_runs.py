"""Bug (periods45, session 45): after missed runs (the machine was off) the next run's briefing reaches back to the
last day briefed (up to five weeks, graph/planner.briefing_period), and that day was the end of any briefing row of
the watchlist, also one `watchdesk brief --week` wrote for a person to look at, sent to no one. Monday runs; the
run of 2025-08-18 briefed its week; the machine was off the next Monday; a look at 2025-W34 (08-18 to 08-24) made the
run of 2025-09-01 brief from 08-25, so 08-19 to 08-24 were in no briefing any target got. A look closes nothing
since this session (test_a_brief_only_looked_at_leaves_its_week_to_the_run_that_delivers_it.py), and the catch-up
now reaches back to the last period closed: 08-19. Real DuckDB file, the demo's recorded NVIDIA listing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack, settings
from watchdesk.graph import runner
from watchdesk.graph.cli import cli
from watchdesk.graph.resume import briefed_period
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.store.store import Store

QUIET = WATCHLIST.replace('forms = ["10-Q"]', 'forms = ["10-K"]')  # no 10-K in its window: nothing to fetch or flag


def test_a_look_at_a_week_does_not_shorten_the_catch_up_after_missed_runs(tmp_path: Path) -> None:
    pack = nvidia_pack(tmp_path / "pack")
    runner.start_run(parse_watchlist(QUIET), settings(tmp_path, pack, as_of=date(2025, 8, 18)), run_id="monday")
    look = CliRunner().invoke(cli, ["brief", "--db", str(tmp_path / "w.duckdb"), "--week", "2025-W34", "--format",
                                    "md", "--out", str(tmp_path / "look")])  # fmt: skip
    assert look.exit_code == 0, look.output
    asking = parse_watchlist(QUIET.replace('approval = "never"', 'approval = "always"'))  # stops with its plan
    waiting = runner.start_run(asking, settings(tmp_path, pack, as_of=date(2025, 9, 1)), run_id="two-weeks-on")
    with Store.open(tmp_path / "w.duckdb", read_only=True) as store:
        (plan,) = store.query("SELECT plan FROM runs WHERE run_id = 'two-weeks-on'")[0]
    assert waiting.status == "awaiting_approval"
    assert briefed_period(json.loads(plan)) == ("2025-08-19", "2025-09-01")  # before: from 2025-08-25
