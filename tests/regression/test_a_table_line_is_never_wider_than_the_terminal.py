"""Bug: `watchdesk changes --ticker NVDA --change added --format table` on the demo store printed lines of up to 392
characters at COLUMNS=160: a risk factor's heading (up to 304 characters) was put on the row's line as "under: ...",
so every such row ran off the screen (and `watchdesk findings` rows with a long section ran past 80). Now the heading
has its own indented lines, wrapped to the terminal's width (two at most, a longer one ends "…" in the table alone:
json and md keep it whole), and a row's fields go on to another line, each whole, where they do not fit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

LONGEST = "Long manufacturing lead times and uncertain supply and component availability, combined with a failure"


def listed(db: Path, command: str, columns: int, *args: str) -> str:
    result = CliRunner().invoke(cli, [command, "--db", str(db), *args], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("columns", [60, 80, 160])
def test_no_line_of_a_table_is_wider_than_the_terminal(demo_folder: Path, columns: int) -> None:
    db = demo_folder / "demo.duckdb"
    for command in ("changes", "findings"):
        table = listed(db, command, columns, "--format", "table")
        assert table.count("\n") > 100
        assert max(map(len, table.splitlines())) < columns, command  # the last column left free, as before


def test_a_long_heading_has_lines_of_its_own_and_is_whole_in_json(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    table = listed(db, "changes", 160, "--ticker", "NVDA", "--change", "added", "--format", "table")
    row, under, more, sentence = table.splitlines()[4:8]
    assert row == "2025-02-26  NVDA  10-K  vs 2024-02-21  risk factors  sentence added to a factor  " \
        "inventory, supply_chain"  # fmt: skip
    assert under.startswith(f"    under: {LONGEST}")  # wrapped under itself
    assert more == "           led and could lead to mismatches between supply and demand."
    assert sentence.startswith("    We have long manufacturing lead times")
    narrow = listed(db, "changes", 80, "--ticker", "NVDA", "--change", "added", "--format", "table").splitlines()
    at = narrow.index("    under: Long manufacturing lead times and uncertain supply and component")
    assert narrow[at + 1] == "           availability, combined with a failure to estimate customer demand …"
    jsonl = listed(db, "changes", 80, "--ticker", "NVDA", "--format", "jsonl")
    rows = [json.loads(line) for line in jsonl.splitlines()]
    assert max(len(r["under"] or "") for r in rows) == 304  # whole where it is data
