"""A review of 061fd36: the demo briefing quoted NVIDIA's 10-K export-control sentence from Item 1 "(said again in
Items 7, 1A of the same document)", the places in the order of their findings' scores, where the document says it in
Item 1A before Item 7. Every list of a sentence's other places now follows the document: the briefing's (Markdown and
HTML), and the said_again citations of `watchdesk findings` and explore.findings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
from click.testing import CliRunner

from tests.regression.demo_briefs import demo_file
from watchdesk.graph.cli import cli
from watchdesk.store import explore

_ITEM = re.compile(r"(?:[IV]+-)?\d+[A-Z]?(?=\s|$)")


def places_in_document(db: Path, cited: str) -> tuple[str, list[str]]:
    """(its section's item, the items of the document's other sections holding the sentence, in the document's
    order) of the finding cited `cited` ("F-07eb835f")."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("""SELECT g.section, g.finding_id LIKE ? FROM current_findings f
                              JOIN current_findings g ON g.doc_id = f.doc_id
                               AND lower(g.sentence) = lower(f.sentence)
                              WHERE f.finding_id LIKE ? ORDER BY g.start""",
                           [cited[2:] + "%"] * 2).fetchall()  # fmt: skip
    item = next(str(s) for s, mine in rows if mine)
    items = list(dict.fromkeys(m.group() for s, _ in rows if s != item and (m := _ITEM.match(s))))
    return (m.group() if (m := _ITEM.match(item)) else item), items


def test_the_briefing_names_a_sentences_other_places_in_the_documents_order(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    for ext in ("md", "html"):
        page = demo_file(demo_folder, ext).read_text()
        said = re.findall(r"\[(F-[0-9a-f]{8,})\][^\n]*?said again in Items? ([^)]*?) of the same document", page)
        assert len(said) >= 5, ext
        for cited, items in said:
            assert items.split(", ") == places_in_document(db, cited)[1], (ext, cited, items)
        # the one the review found: said in Items 1, 1A and 7, the copy in Item 7 the stronger
        # (found by its words: a finding's id changes with the flagging method's version)
        quote = "strategic importance of AI and rising"
        (line,) = [x for x in page.splitlines() if quote in x and "said again in" in x]
        assert "said again in Items 1A, 7 of the same document" in line, ext


def test_findings_cite_a_sentences_other_places_in_the_documents_order(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    result = CliRunner().invoke(cli, ["findings", "--db", str(db), "--ticker", "NVDA", "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    listed = explore.findings(db, ticker="NVDA")
    assert [r["said_again"] for r in rows] == [r["said_again"] for r in listed]
    with_copies = [r for r in rows if r["said_again"] and len(r["said_again"]) > 1]
    assert with_copies
    with duckdb.connect(str(db), read_only=True) as con:
        for r in with_copies:
            starts = [con.execute("SELECT start FROM findings WHERE finding_id LIKE ?", [c[2:] + "%"]).fetchone()
                      for c in [r["citation"], *r["said_again"]]]  # fmt: skip
            assert starts == sorted(starts), r["citation"]
