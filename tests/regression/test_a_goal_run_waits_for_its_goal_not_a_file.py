"""Bug (goals3): `watchdesk approve RUN --show`, the approval prompt and the notice of a waiting goal run
(`watchdesk run "GOAL"`, no file) said "the policy wants a person's yes until 1 run of the watchlist as its file now
reads is approved": there is no file to read. A goal's run now says "until 1 run of this goal is approved"; a
watchlist file's run says what it said (tests/regression/test_the_approval_prompt_says_why_it_asks.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack

GOAL = "Monitor NVIDIA 10-Q filings for inventory weekly"


def test_approve_show_of_a_goal_run_names_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WATCHDESK_REPLAY", str(demo_pack()))
    db = tmp_path / "desk.duckdb"
    waiting = CliRunner().invoke(cli, ["run", GOAL, "--db", str(db), "--as-of", "2025-02-28", "--scheduled"])
    assert waiting.exit_code == 0, waiting.output
    run_id = waiting.output.split("watchdesk approve ", 1)[1].split()[0]
    shown = CliRunner().invoke(cli, ["approve", run_id, "--show", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    said = " ".join(shown.output.split())
    assert ("Why: the policy wants a person's yes until 1 run of this goal is approved (approval = \"first:1\"); "
            "0 approved before this run started.") in said, said
    assert "file" not in said.split("Why:", 1)[1].split(".", 1)[0]
