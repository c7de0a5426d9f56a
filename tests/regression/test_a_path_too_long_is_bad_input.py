"""Bug: a path with a name longer than the filesystem allows (255 bytes on most) said "unexpected OSError ... File
name too long ...; please report it" (exit 1) from `init`, `plan --out`, `demo --db`, `run --db` and `edgar download
--dir`; and `watchdesk run GOAL` with a goal of more than 255 characters (no "/" in it) failed the same way, because
the goal was first tried as a file name. A name too long is now bad input naming the path (exit 2), and a goal that
long is planned as any goal."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.graph.demo import demo_pack

LONG = "x" * 300


@pytest.mark.parametrize("args", [
    ["init", "{tmp}/" + LONG + ".toml"],
    ["plan", "Watch NVDA", "--out", "{tmp}/" + LONG + ".toml"],
    ["demo", "--quiet", "--db", "{tmp}/" + LONG + ".duckdb"],
    ["run", "{tmp}/w.toml", "--dry-run", "--db", "{tmp}/" + LONG + ".duckdb"],
    ["edgar", "download", "NVDA", "--form", "10-K", "--dir", "{tmp}/" + LONG, "--replay", str(demo_pack())],
])  # fmt: skip
def test_a_name_too_long_is_bad_input(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "w.toml").write_text('[[tickers]]\nsymbol = "NVDA"\n')
    result = CliRunner().invoke(cli, [a.replace("{tmp}", str(tmp_path)) for a in args])
    said = " ".join(result.output.split())
    assert result.exit_code == EXIT_CONFIG, said
    assert "File name too long" in said and LONG in said and "please report it" not in said, said


def test_a_long_goal_is_planned(tmp_path: Path) -> None:
    goal = ("Monitor earnings call transcripts and SEC filings for NVIDIA, TSMC and ASML for the next quarter, "
            "flag any mentions of inventory adjustments, channel inventory, export controls or geopolitical supply "
            "chain risks, and summarize the sentiment of each call in a weekly briefing every Monday morning")
    assert len(goal.encode()) > 255 and "/" not in goal
    result = CliRunner().invoke(cli, ["run", goal, "--dry-run", "--db", str(tmp_path / "w.duckdb")],
                                env={"WATCHDESK_SEC_IDENTITY": "Test Desk desk@example.com"})  # a run needs it
    assert result.exit_code == 0, result.output
    assert "goal planned as watchlist 'goal-nvda-tsm-asml-" in result.output
