"""A user walkthrough (walkB): `watchdesk findings --week 2025-W09` lists what that week's briefing counts, but the
notebook's explore.findings and explore.changes had no week= (a reader had to work out the Monday and pass
as_briefed=True), and their rows carried a `start` key no docstring named. Both now take week= with the command's
rule and message, and a row holds its documented columns only."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.sources.errors import ConfigError
from watchdesk.store import explore


def test_week_is_the_commands_week(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    rows = explore.findings(db, ticker="NVDA", week="2025-W09")
    assert rows and rows == explore.findings(db, ticker="NVDA", start=date(2025, 2, 24), end=date(2025, 3, 2),
                                             as_briefed=True)  # fmt: skip
    listed = CliRunner().invoke(cli, ["findings", "--db", str(db), "--ticker", "NVDA", "--week", "2025-W09",
                                      "--format", "jsonl"]).stdout  # fmt: skip
    assert [r["finding_id"] for r in rows] == [json.loads(line)["finding_id"] for line in listed.splitlines()]
    assert explore.changes(db, ticker="NVDA", week="2025w9") == explore.changes(db, ticker="NVDA", week="2025-W09")
    assert len(explore.changes(db, ticker="NVDA", week="2025-W09")) > 100
    assert all(set(r) == set(explore.FINDING_COLUMNS) for r in rows)  # no undocumented `start`


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"week": "2025-W99"}, "week '2025-W99': 2025 has weeks W01 to W52"),
        ({"week": "last week"}, "week 'last week' is not an ISO week like 2025-W35 (or 2025W35, 2025-w35)"),
        ({"week": "2025-W09", "start": date(2025, 1, 1)}, "give week or start/end, not both"),
    ],
)
def test_a_bad_week_is_refused_as_the_command_refuses_it(demo_folder: Path, given: dict, said: str) -> None:
    with pytest.raises(ConfigError) as refused:
        explore.findings(demo_folder / "demo.duckdb", **given)
    assert said in str(refused.value)
