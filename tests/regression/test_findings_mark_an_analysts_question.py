"""A review: the briefing writes "Charlie Chan, analyst" or "Jeff Su, passing on a question" beside a quote from a
call's Q&A, but `watchdesk findings`, `explore.findings` and `watchdesk evidence` gave the bare name, so an
analyst's worry ("the supply is very tight") read as management's warning. Each now marks a question as the
briefing does: beside the speaker in table and md, in a said_as column in csv, jsonl and the notebook's table."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_briefs import demo_file
from watchdesk.graph.cli import cli
from watchdesk.store import explore

# a quote of a call: "... [F-e87b7b9d] — earnings call, held 2026-07-16 · qa · Charlie Chan, analyst [1]"
QUOTE = re.compile(r"^- \*\*\w+\*\* \([^)]*\) “.*?” \[(F-[0-9a-f]{8,})\] — [^·\n]* · (?:qa|prepared) · (.+?) \[\d+\]",
                   re.M)  # fmt: skip


def listed(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["findings", "--db", str(db), *args],
                                env={"COLUMNS": "200"})  # a row's fields on one line
    assert result.exit_code == 0, result.output
    return result.stdout


def mark(speaker: str) -> str | None:
    """What follows the name: "analyst", "passing on a question"; None for the company's own words."""
    return speaker.split(", ", 1)[1] if ", " in speaker else None


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_findings_mark_a_question_as_the_briefing_does(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    briefed = {cite: mark(speaker) for cite, speaker in QUOTE.findall(demo_file(demo_folder, "md").read_text())}
    assert {"analyst", "passing on a question", None} <= set(briefed.values()), briefed

    md = listed(db, "call", "--format", "md")
    table = dict(re.findall(r"\| (F-[0-9a-f]{8}) \| earnings call \| \w+ \| ([^|]+) \|", md))
    assert {cite: mark(table[cite]) for cite in briefed} == briefed
    text = listed(db, "call", "--format", "table")
    for cite, said in briefed.items():
        assert re.search(rf"  {cite}  earnings call  \w+  .*{', ' + said if said else ''}$", text, re.M), cite

    rows = [json.loads(line) for line in listed(db, "call", "--format", "jsonl").splitlines()]
    by_cite = {r["citation"]: r for r in rows}
    assert {cite: by_cite[cite]["said_as"] for cite in briefed} == briefed
    assert not any(", " in r["speaker"] for r in rows if r["speaker"])  # csv and jsonl keep the name as stored
    notebook = {"F-" + r["finding_id"][:8]: r["said_as"] for r in explore.findings(db, kind="call")}
    assert {cite: notebook[cite] for cite in briefed} == briefed
    assert {r["said_as"] for r in explore.findings(db, kind="filing")} == {None}


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_evidence_marks_the_question_too(demo_folder: Path) -> None:
    briefed = dict(QUOTE.findall(demo_file(demo_folder, "md").read_text()))
    asked = [(cite, speaker) for cite, speaker in briefed.items() if mark(speaker)]
    result = CliRunner().invoke(cli, ["evidence", *[c for c, _ in asked], "--db", str(demo_folder / "demo.duckdb")])
    assert result.exit_code == 0, result.output
    for cite, speaker in asked:
        assert re.search(rf"^\[{cite}\] .*, qa, {re.escape(speaker)}: ", result.stdout, re.M), result.stdout
