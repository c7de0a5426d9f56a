"""Seen by goals2: `watchdesk approve RUN --show` (and the prompt and notice, through why_waiting) of a goal's run
left out the approvals of the same goal run on other days. A goal's dates ("for the next 4 weeks") move with the
day it is planned, and so does its fingerprint: the run counts the goal's runs of other days as its own
(graph/goal/earlier.as_before), but why_waiting counted only the run's own fingerprint (and those of its file as
written, a fix for watchlist files). So a goal run of 2026-07-10 left waiting said "0 approved before this run
started" after the goal's run of 2026-07-17 was approved, where a watchlist file's run says "1 since". Now a goal's
runs of other days count in the reason as they do in the run."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack

GOAL = "Monitor NVIDIA 10-Q filings for inventory for the next 4 weeks, weekly"
RULE = ("the policy wants a person's yes until 1 run of this goal is approved (approval = "
        '"first:1")')


def _run(db: Path, day: str) -> str:
    """The id of the goal's run --as-of `day`, left waiting for a yes (--scheduled: nobody asked)."""
    said = CliRunner().invoke(cli, ["run", GOAL, "--db", str(db), "--as-of", day, "--scheduled"])
    assert said.exit_code == 0, said.output
    return said.output.split("run ", 1)[1].split(" is awaiting approval", 1)[0].split()[-1]


def test_approve_show_counts_the_goals_run_of_another_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WATCHDESK_REPLAY", str(demo_pack()))
    monkeypatch.setenv("WATCHDESK_SEC_IDENTITY", "Test Desk desk@example.com")
    db = tmp_path / "desk.duckdb"
    first, second = _run(db, "2026-07-10"), _run(db, "2026-07-17")
    approved = CliRunner().invoke(cli, ["approve", second, "--db", str(db)])
    assert approved.exit_code == 0, approved.output
    shown = CliRunner().invoke(cli, ["approve", first, "--show", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert (f"Why: {RULE}; 0 approved before this run started, 1 since (this run asks all the same: it asks as things "
            "stood when it started).") in " ".join(shown.output.split())
