"""Bug (a CLI review): an empty path option or argument was read as ".", the folder here: `init ""` and `plan --out ""`
said ". already exists", `runs --db ""` "no database at .", `run "" --dry-run` "Is a directory: .", `demo --db ""`
"the database . cannot be written (. is a folder)", and `run --out "" --dry-run` planned the briefings into the
current folder and said "valid". Every path option and argument now says the value is empty (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.regression.cli_said import said
from watchdesk.graph.cli import EXIT_CONFIG


@pytest.mark.parametrize("args", [
    ["init", ""], ["plan", "Track AMD", "--out", ""], ["runs", "--db", ""], ["run", "", "--dry-run"],
    ["demo", "--quiet", "--db", ""], ["brief", "--out", ""], ["run", "{tmp}/w.toml", "--dry-run", "--out", ""],
    ["schedule", "install", "{tmp}/w.toml", "--crontab-file", ""],
    ["flag", "--text", "Stock is high.", "--llm-requests", ""],
    ["transcript", "fetch", "NVDA", "--watchlist", ""], ["edgar", "download", "NVDA", "--form", "10-K", "--dir", ""],
])  # fmt: skip
def test_an_empty_path_is_said_to_be_empty(args: list[str], tmp_path: Path) -> None:
    code, output = said(args, tmp_path)
    assert code == EXIT_CONFIG, output
    assert "the path is empty" in output and " . " not in f"{output} " and ": valid" not in output, output


def test_an_empty_watchdesk_db_is_the_default_file() -> None:
    """`WATCHDESK_DB= watchdesk runs` said "no database at .": an empty variable is an unset one, as
    WATCHDESK_CACHE_DIR already was."""
    from watchdesk.graph.settings import from_env

    assert str(from_env({"WATCHDESK_DB": ""}).db_path) == "watchdesk.duckdb"
    assert str(from_env({"WATCHDESK_DB": "desk.duckdb"}).db_path) == "desk.duckdb"
