"""`watchdesk run "GOAL"`: a quoted goal is planned on the spot, its plan shown for approval, then run."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_approval import status_of
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack

GOAL = "Monitor NVIDIA 10-Q filings for inventory and export controls weekly"


def test_a_goal_is_planned_shown_for_approval_and_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # nothing the run writes lands in the checkout
    db = tmp_path / "g.duckdb"
    base = ["--db", str(db), "--replay", str(demo_pack()), "--out", str(tmp_path / "out")]
    first = CliRunner().invoke(cli, ["run", GOAL, *base])
    assert first.exit_code == 0, first.output
    assert "goal planned as watchlist 'goal-nvda-" in first.output
    assert "company 'NVIDIA' -> NVDA (NVIDIA CORP, CIK 1045810)" in first.output
    # A goal's watchlist asks a person the first time; no terminal here, so the run waits with its plan.
    assert '1. [filings] fetch_filings -> NVDA (CIK 1045810, "NVIDIA CORP")' in first.output  # SEC's name
    assert "is awaiting approval" in first.output
    run_id = first.output.split("watchdesk approve ", 1)[1].split()[0]
    second = CliRunner(env={"WATCHDESK_REPLAY": str(demo_pack())}).invoke(
        cli, ["approve", run_id, "--db", str(db), "--edit", "1-3"]
    )
    assert second.exit_code == 0, second.output
    assert status_of(db, run_id) == "done"


def test_a_watchlist_path_is_still_a_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "missing.toml"), "--dry-run"])
    assert result.exit_code == 2 and "no such watchlist file" in result.output


def test_a_goal_naming_an_unknown_company_exits_2() -> None:
    result = CliRunner().invoke(cli, ["run", "Watch Nvidiaa filings weekly", "--dry-run"])
    assert result.exit_code == 2 and "close matches: NVDA" in result.output
