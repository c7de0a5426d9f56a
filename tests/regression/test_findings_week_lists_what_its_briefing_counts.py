"""A user walkthrough (session 27): a weekly briefing says "… and N more not shown (`watchdesk findings` lists them
all)", but `watchdesk findings --week W` kept the findings of documents dated in W, while the briefing also counts a
document dated up to 14 days before W and first stored during W (a call held on the day a weekly run briefed its
week, fetched by the next run). For such a week the command listed none of what the briefing counted. `--week` now
selects as the briefing does, with its code (store/queries.py: CURRENT_IN_PERIOD). Since session 40 a document is late
only after a briefing of its own week was closed, and is then counted in the later week alone."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from tests.regression.demo_briefs import brief_md
from watchdesk.graph.cli import cli

WEEK = "2025-W36"  # 2025-09-01 to 2025-09-07: the week after NVIDIA's 10-Q of 2025-08-27 (2025-W35)


@pytest.fixture(scope="module")
def late_store(demo_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's store, its NVIDIA 10-Q first stored on 2025-09-02 (six days after its date, in the next week) and
    its 10-K of 2025-02-26 on 2025-03-04, each after the briefing of its own week was written on the week's Sunday."""
    db = tmp_path_factory.mktemp("late") / "demo.duckdb"
    shutil.copyfile(demo_folder / "demo.duckdb", db)
    with duckdb.connect(str(db)) as con:
        for day, accession in (("2025-09-02", "0001045810-25-000209"), ("2025-03-04", "0001045810-25-000023")):
            (changed,) = con.execute("UPDATE documents SET first_stored_at = CAST(? AS TIMESTAMP) WHERE accession = ? "
                                     "AND parent_doc_id IS NULL", [day, accession]).fetchone() or (0,)  # fmt: skip
            assert changed == 1
        for start, end in (("2025-08-25", "2025-08-31"), ("2025-02-24", "2025-03-02")):  # closed on their Sundays
            con.execute("INSERT INTO briefings (briefing_id, run_id, watchlist, period_start, period_end, "
                        "content_md, n_findings, n_gaps, created_at, tickers, closed_at) SELECT ?, run_id, "
                        "watchlist, ?, ?, '', 0, 0, CAST(? AS TIMESTAMP), ['NVDA'], CAST(? AS TIMESTAMP) FROM runs",
                        [start, start, end, end, end])  # fmt: skip
    return db


def findings_week(db: Path, week: str) -> tuple[list[dict[str, object]], str]:
    result = CliRunner().invoke(cli, ["findings", "--db", str(db), "--week", week, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()], result.stderr


def briefed(markdown: str) -> int:
    """The findings a briefing counts: in its Findings part, each topic's quotes shown plus its "… and N more"."""
    part = markdown.split("\n## Findings\n", 1)[1].split("\n## ", 1)[0]
    shown = len(re.findall(r"^- .*\[F-[0-9a-f]+\]", part, re.M))
    more = sum(int(n) for n in re.findall(r"^- … and (\d+) more not shown", part, re.M))
    headings = sum(int(n) for n in re.findall(r"^#### .*: (\d+) mentions?", part, re.M))
    assert shown + more == headings
    return shown + more


def test_findings_week_lists_the_late_document_its_briefing_counts(late_store: Path, tmp_path: Path) -> None:
    md = brief_md(late_store, tmp_path, "--week", WEEK)
    counted = briefed(md)
    rows, err = findings_week(late_store, WEEK)
    assert counted > 0 and len(rows) == counted
    assert {(r["ticker"], r["document"], r["date"]) for r in rows} == {("NVDA", "10-Q", "2025-08-27")}
    assert f"{counted} findings" in err
    # the week it is dated in, briefed before it was stored, does not count it (it did too before session 40)
    w35_md = brief_md(late_store, tmp_path / "w35", "--week", "2025-W35")
    w35 = findings_week(late_store, "2025-W35")[0]
    assert briefed(w35_md) == len(w35) and ("NVDA", "10-Q", "2025-08-27") not in {
        (r["ticker"], r["document"], r["date"]) for r in w35}


def test_findings_help_says_which_rule_week_follows() -> None:
    said = " ".join(CliRunner().invoke(cli, ["findings", "--help"]).output.split())
    assert "--week lists the findings the week's briefing counts" in said
    assert "those late into it (first stored after the briefing of their own days was written; then not in their own " \
           "week)" in said


def test_changes_week_lists_the_late_filings_changes(late_store: Path) -> None:
    """The briefing's filing changes follow the same rule (store/changes.py: period_changes), so does the command."""
    result = CliRunner().invoke(cli, ["changes", "--db", str(late_store), "--week", "2025-W10", "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    dated = CliRunner().invoke(cli, ["changes", "--db", str(late_store), "--since", "2025-02-26", "--until",
                                     "2025-02-26", "--format", "jsonl"])  # fmt: skip
    assert result.exit_code == 0 and len(rows) == len(dated.stdout.splitlines()) > 0
    assert {(r["filed"], r["form"]) for r in rows} == {("2025-02-26", "10-K")}
