"""A user walkthrough (session 26): `watchdesk run "... in calls, filings and news, weekly"` exited 2 saying "add
[[news.feeds]] with a url", but a goal has no file to add it to, and nothing said how to get one. The error now says
`watchdesk plan GOAL --out watchlist.toml` writes the goal as a watchlist to edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

GOAL = "Watch NVDA in calls, filings and news, weekly"


@pytest.mark.parametrize("dry", [True, False])
def test_a_goal_with_a_problem_says_how_to_write_it_as_a_file(tmp_path: Path, dry: bool) -> None:
    args = ["run", GOAL, "--db", str(tmp_path / "w.duckdb"), "--out", str(tmp_path / "o"), *(["--dry-run"] * dry)]
    result = CliRunner().invoke(cli, args)
    said = " ".join(result.stderr.split())
    assert result.exit_code == 2, said
    assert "add [[news.feeds]] with a url" in said
    assert f"`watchdesk plan '{GOAL}' --out watchlist.toml` writes it as a watchlist; edit that" in said
    assert not (tmp_path / "w.duckdb").exists()  # refused before anything is made
