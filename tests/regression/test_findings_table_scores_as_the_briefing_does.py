"""A user walkthrough (session 27): `watchdesk findings --format table` printed a score as "0.829" where the briefing
quoting the same finding writes "+0.83", so the two read as different numbers. The table and md formats now write a
score as the briefing does (signed, two decimals); csv and jsonl keep it as stored, for scripts."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_briefs import demo_file
from watchdesk.graph.cli import cli

QUOTE = re.compile(r"^- \*\*\w+\*\* \(([+-]\d\.\d\d(?:, unsure)?)[^)]*\) “.*?” \[(F-[0-9a-f]{8})\]", re.M)


def listed(db: Path, fmt: str) -> str:
    result = CliRunner().invoke(cli, ["findings", "--db", str(db), "--format", fmt],
                                env={"COLUMNS": "200"})  # a row's fields on one line
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_the_table_writes_each_score_as_the_briefing_quotes_it(demo_folder: Path) -> None:
    quoted = {cite: score for score, cite in QUOTE.findall(demo_file(demo_folder, "md").read_text())}
    assert len(quoted) >= 5 and any(s.startswith("+") for s in quoted.values())
    db = demo_folder / "demo.duckdb"
    table = {cite: score for score, cite in re.findall(r"^\S+  \S+  \S+  \w+  (\S+(?:, unsure)?)  (F-[0-9a-f]{8})  ",
                                                        listed(db, "table"), re.M)}  # fmt: skip
    assert {cite: table[cite] for cite in quoted} == quoted
    md = {cite: score for score, cite in re.findall(r"\| \w+ \| ([^|]+) \| (F-[0-9a-f]{8}) \|", listed(db, "md"))}
    assert {cite: md[cite] for cite in quoted} == quoted


def test_csv_and_jsonl_keep_the_score_as_stored(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    scores = {r["finding_id"]: r["score"] for r in map(json.loads, listed(db, "jsonl").splitlines())}
    assert any(len(str(s)) > 5 for s in scores.values())  # four decimals, where a briefing shows two
    rows = csv.DictReader(io.StringIO(listed(db, "csv")))
    assert {r["finding_id"]: float(r["score"]) for r in rows} == scores
