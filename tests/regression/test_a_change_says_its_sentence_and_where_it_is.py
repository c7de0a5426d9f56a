"""A user walkthrough (walkB): `watchdesk changes` and explore.changes gave a "words added to a sentence" row as the
fragment alone ("controls on imports or exports, and"), with no sentence, document id or offsets, which the
briefing gives; and the briefing's "… and 112 more (all are in the filing_changes table)" pointed at a database
table, not a command. A change now carries the sentence the words went into and the document and characters of
its text, and the briefing names the command that lists the rest."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.regression.demo_briefs import demo_file
from watchdesk.graph.cli import cli
from watchdesk.store import explore, reader
from watchdesk.store.queries import stored_text
from watchdesk.store.store import Store

FRAGMENT = "controls on imports or exports, and"


def test_words_added_to_a_sentence_come_with_the_sentence_and_its_place(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    rows = explore.changes(db, ticker="NVDA")
    (row,) = [r for r in rows if r["text"] == FRAGMENT]
    assert row["change"] == "words added to a sentence"
    assert row["in_sentence"].startswith("These include domestic and international economic and political conditions")
    assert FRAGMENT in row["in_sentence"]
    with reader.reading(db) as con:
        texts = {r["doc_id"]: stored_text(Store(con), r["doc_id"]) for r in rows}
    assert all(texts[r["doc_id"]][r["text_start"] : r["text_end"]] == r["text"] for r in rows)
    with_other_text = ("words added to a sentence", "words removed from a sentence", "sentence rewritten",
                       "sentence rewritten in a factor", "sentence moved from risk factors to MD&A",
                       "sentence moved from MD&A to risk factors")  # fmt: skip
    assert all(r["in_sentence"] is None for r in rows if r["change"] not in with_other_text)
    listed = CliRunner().invoke(cli, ["changes", "--db", str(db), "--ticker", "NVDA", "--format", "jsonl"]).stdout
    (printed,) = [r for r in map(json.loads, listed.splitlines()) if r["text"] == FRAGMENT]
    assert printed["in_sentence"] == row["in_sentence"] and printed["doc_id"] == row["doc_id"]
    assert (printed["text_start"], printed["text_end"]) == (row["text_start"], row["text_end"])
    table = CliRunner().invoke(cli, ["changes", "--db", str(db), "--ticker", "NVDA", "--format", "table"]).stdout
    assert f"    {FRAGMENT}\n    in: These include domestic" in table


def test_the_briefing_names_the_command_that_lists_every_change(demo_folder: Path) -> None:
    md = demo_file(demo_folder, "md").read_text()
    assert "filing_changes table" not in md
    assert "more (`watchdesk changes --ticker NVDA --since 2025-02-26 --until 2025-02-26` lists them all)" in md
