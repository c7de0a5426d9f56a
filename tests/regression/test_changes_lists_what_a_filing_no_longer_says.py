"""What a user of the demo sees of the sentences NVIDIA's FY2025 10-K no longer says: `watchdesk changes` lists them
(kind "dropped" in filing_changes), each cited to the FY2024 10-K that said it, `--change removed` keeps them with the
removed factor, and the briefing shows five of each part with a count and the command that lists them all. A store an
older watchdesk compared says its comparisons looked for none, and the next run compares its newest filing again."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import duckdb
from click.testing import CliRunner

from tests.regression.demo_briefs import demo_file
from watchdesk.agents.filings_compare import COMPARE_VERSION
from watchdesk.graph.cli import cli
from watchdesk.store import explore, reader
from watchdesk.store.queries import stored_text
from watchdesk.store.store import Store
from watchdesk.store.uncompared import REMOVALS_SINCE

FY2024 = "https://www.sec.gov/Archives/edgar/data/1045810/000104581024000029/nvda-20240128.htm"
HOPPER = "Supply of Hopper architecture products is improving, and demand remains very strong."
OLDER_WAY = "was compared by an older watchdesk, which did not look for sentences removed"


def test_changes_lists_them_cited_to_the_older_filing(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    rows = explore.changes(db, ticker="NVDA", change="removed")
    said = [r["change"] for r in rows]
    assert said.count("removed risk factor") == 1
    # 90 and 116 before MD&A headings were left out and sentences rewritten or moved were told apart; 91 before a
    # direction went with the figures in pairing them ("Gross margin increased in fiscal year 2024, ...")
    assert said.count("sentence removed from a factor") == 66
    assert said.count("sentence removed") == 90  # MD&A
    assert said.count("words removed from a sentence") == 1
    assert {r["source"] for r in rows} == {FY2024} and {str(r["compared_with"]) for r in rows} == {"2024-02-21"}
    with reader.reading(db) as con:
        (old,) = {r["doc_id"] for r in rows}
        text = stored_text(Store(con), old)
    assert text is not None and all(text[r["text_start"] : r["text_end"]] == r["text"] for r in rows)
    assert HOPPER in [r["text"] for r in rows if r["section"] == "risk factors"]
    everything = explore.changes(db, ticker="NVDA")
    mdna = [r["change"] for r in everything if r["section"] == "MD&A"]
    assert mdna[-111:-21] == ["sentence removed"] * 90  # after the sentences added, before those rewritten or moved
    assert sorted(set(mdna[-21:])) == ["sentence moved from MD&A to risk factors", "sentence rewritten"]


def test_the_command_filters_and_prints_them(demo_folder: Path) -> None:
    db = str(demo_folder / "demo.duckdb")
    listed = CliRunner().invoke(cli, ["changes", "--db", db, "--ticker", "NVDA", "--change", "Removed",
                                      "--format", "jsonl"])  # fmt: skip
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == 158 and "158 changes" in listed.stderr
    (hopper,) = [r for r in rows if r["text"] == HOPPER and r["section"] == "risk factors"]
    assert hopper["change"] == "sentence removed from a factor" and hopper["source"] == FY2024
    assert OLDER_WAY not in listed.stderr
    table = CliRunner().invoke(cli, ["changes", "--db", db, "--change", "removed", "--format", "table"],
                               env={"COLUMNS": "200"}).stdout  # fmt: skip
    assert re.search(r"risk factors  sentence removed from a factor  supply_chain\n    under: [^\n]+\n", table)
    added = CliRunner().invoke(cli, ["changes", "--db", db, "--change", "added", "--format", "csv"])
    assert "sentence removed" not in added.stdout and "sentence added to a factor" in added.stdout
    wrong = CliRunner().invoke(cli, ["changes", "--db", db, "--change", "dropped"])
    assert wrong.exit_code == 2 and "'dropped' is not one of 'new', 'removed', 'changed', 'added'" in wrong.output


def test_the_briefing_shows_five_and_counts_the_rest(demo_folder: Path) -> None:
    md = demo_file(demo_folder, "md").read_text()
    part = md.split("## What changed in filings", 1)[1].split("\n## ", 1)[0]
    title = "Sentences changed risk factors no longer say (67, "  # 66 sentences, and words deleted from one
    assert title in part
    lost = part.split(title, 1)[1].split("\n\n", 2)[1].splitlines()
    assert len(lost) == 6 and all(f"[10-K filed 2024-02-21](<{FY2024}>)" in line for line in lost[:5])
    assert all(", not in 10-K filed 2025-02-26 · from “" in line for line in lost[:5])
    more = "- … and 62 more (`watchdesk changes --ticker NVDA --since 2025-02-26 --until 2025-02-26 --change removed`"
    assert lost[5].startswith(more)
    assert "MD&A sentences removed that mention watched topics (" in part
    assert part.index("Sentences added to changed") < part.index(title) < part.index("MD&A sentences removed")


def test_a_store_compared_the_older_way_says_so_until_compared_again(
    tmp_path: Path, demo_store: Callable[[Path], Path]
) -> None:
    db = demo_store(tmp_path)
    with duckdb.connect(str(db)) as con:  # as watchdesk before sentences removed left it
        con.execute("UPDATE filing_comparisons SET compare_version = ?", [REMOVALS_SINCE - 1])
        con.execute("DELETE FROM filing_changes WHERE kind IN ('dropped', 'deleted')")
    listed = CliRunner().invoke(cli, ["changes", "--db", str(db), "--change", "removed", "--format", "csv"])
    assert "1 change\n" in listed.stderr  # the removed factor alone
    assert f"NVDA 10-K filed 2025-02-26 (0001045810-25-000023) {OLDER_WAY}" in listed.stderr
    briefed = CliRunner().invoke(cli, ["brief", "--db", str(db), "--since", "2025-02-01", "--until", "2025-03-01",
                                       "--format", "md", "--out", str(tmp_path / "old")])  # fmt: skip
    assert briefed.exit_code == 0, briefed.output
    (page,) = (tmp_path / "old").glob("*.md")
    assert "Sentences no longer said: not looked for (an older watchdesk compared these filings" in page.read_text()
    rerun = CliRunner().invoke(cli, ["demo", "--db", str(db), "--out", str(tmp_path / "b2"), "--quiet"])
    assert rerun.exit_code == 0, rerun.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM filing_changes WHERE kind = 'dropped'").fetchone() == (156,)
        assert con.execute("SELECT DISTINCT compare_version FROM filing_comparisons").fetchall() == [(COMPARE_VERSION,)]
    again = CliRunner().invoke(cli, ["changes", "--db", str(db), "--change", "removed", "--format", "csv"])
    assert "158 changes" in again.stderr and OLDER_WAY not in again.stderr


def test_a_table_shows_ten_per_filing_and_section_and_says_the_rest(demo_folder: Path) -> None:
    """At a terminal 156 sentences removed would bury the rest: a table shows ten per filing and section (those on a
    watched topic first) and names the command that lists them all; csv, jsonl, md and --change removed list all."""
    db = str(demo_folder / "demo.duckdb")
    table = CliRunner().invoke(cli, ["changes", "--db", db, "--ticker", "NVDA", "--format", "table"])
    assert table.stdout.count("sentence removed from a factor") == 10
    assert table.stdout.count("sentence removed  ") + table.stdout.count("sentence removed\n") == 10  # MD&A
    lines = [line for line in table.stdout.splitlines() if "sentence removed from a factor" in line]
    assert all(line.endswith(("supply_chain", "geopolitical", "inventory")) for line in lines)  # on a topic first
    assert "249 of 385 changes shown (sentences removed: ten per filing and section" in table.stderr
    assert ("... and 56 more sentences removed from NVDA's 10-K filed 2025-02-26 (risk factors) not shown: "
            "--change removed lists them all") in table.stderr  # fmt: skip
    everything = CliRunner().invoke(cli, ["changes", "--db", db, "--ticker", "NVDA", "--format", "csv"])
    assert everything.stdout.count("sentence removed") == 156 and "385 changes" in everything.stderr
    asked = CliRunner().invoke(cli, ["changes", "--db", db, "--change", "removed", "--format", "table"])
    assert asked.stdout.count("sentence removed") == 156 and "more sentences removed" not in asked.stderr
