"""A user walkthrough (walkB): the briefing quotes F-547946ac as "(-0.99, unsure)", but `watchdesk findings` (every
format), `watchdesk evidence`, explore.findings and explore.evidence gave a plain -0.99, and jsonl and the notebook's
rows had no `sure` field (303 of the demo's 971 findings are unsure). Each now carries it in the briefing's words."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from click.testing import CliRunner

from tests.regression.demo_briefs import demo_file
from watchdesk.graph.cli import cli
from watchdesk.store import explore

UNSURE_QUOTE = re.compile(r"\(([+-]\d\.\d\d), unsure\) “.*?” \[(F-[0-9a-f]{8})\]")


def listed(db: Path, fmt: str, *args: str) -> str:
    # a table's width is set, not the runner's terminal's: at COLUMNS=40 a row's fields went on to lines of their own
    result = CliRunner().invoke(cli, ["findings", "--db", str(db), "--format", fmt, *args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_an_unsure_finding_is_marked_as_the_briefing_marks_it(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    score, cited = UNSURE_QUOTE.findall(demo_file(demo_folder, "md").read_text())[0]
    row = next(r for r in explore.findings(db) if r["finding_id"].startswith(cited[2:]))
    assert row["sure"] is False
    assert f"{score}, unsure" in str(explore.evidence(db, cited))
    jsonl = {r["finding_id"]: r for r in map(json.loads, listed(db, "jsonl").splitlines())}
    assert jsonl[row["finding_id"]]["sure"] is False
    assert sum(r["sure"] is False for r in jsonl.values()) == sum(r["sure"] is False for r in explore.findings(db))
    assert {r["sure"] for r in csv.DictReader(io.StringIO(listed(db, "csv")))} >= {"False", "True"}
    assert re.search(rf"  {re.escape(score)}, unsure  {cited}  ", listed(db, "table"))
    assert f"| {score}, unsure | {cited} |" in listed(db, "md")
    code = CliRunner().invoke(cli, ["evidence", cited, "--db", str(db)])
    assert f"({score}, unsure)" in code.stdout


def test_a_sure_finding_is_not_marked(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    sure = next(r for r in explore.findings(db) if r["sure"])
    assert "unsure" not in str(explore.evidence(db, sure["finding_id"]))
