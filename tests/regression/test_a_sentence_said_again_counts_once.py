"""An analyst walkthrough: NVIDIA's 10-K says the same export-control sentence in Items 1, 1A and 7, and each copy
counted as a mention: the demo briefing's NVDA geopolitical row said 283 new mentions where 244 distinct sentences
stood behind them, while its quote already said "said again in Items 1, 1A". A sentence said again within one
document (same text, whitespace and case aside, same topic) now counts once, where it is first said: in the headline's
New mentions, Net tone and Previous figures, `watchdesk findings` and its total, and the notebook's explore.findings.
The copies stay stored, each with its citation, and `evidence` shows them."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import duckdb
from click.testing import CliRunner

from tests.regression.demo_briefs import demo_file
from watchdesk.graph.cli import cli
from watchdesk.store import explore

START, END = date(2024, 5, 1), date(2026, 9, 1)  # the demo briefing's period
BASELINE = "e68de594171fbd5a"  # NVIDIA's 10-K of 2024-02-21: the weeks before the period hold it alone
REPEATED = "Given the increasing strategic importance of AI and rising geopolitical tensions, the USG has changed"


def said_once(db: Path, *, topic: str, where: str, params: Sequence[object] = ()) -> list[tuple[str, str, str]]:
    """(doc_id, sentence, polarity) of each sentence of NVIDIA's current findings on `topic`, once per document: its
    first place in it."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(f"""SELECT f.doc_id, f.sentence, f.polarity FROM current_findings f
                               JOIN documents d USING (doc_id) WHERE f.ticker = 'NVDA' AND f.topic = ? AND {where}
                               ORDER BY f.doc_id, f.start""", [topic, *params]).fetchall()  # fmt: skip
    first: dict[tuple[str, str], tuple[str, str, str]] = {}
    for doc_id, sentence, polarity in rows:
        first.setdefault((doc_id, " ".join(sentence.split()).casefold()), (doc_id, sentence, polarity))
    assert len(first) < len(rows)  # some sentence is said again in its document
    return list(first.values())


def tone(said: Sequence[tuple[str, str, str]]) -> str:
    polarities = [p for _, _, p in said]
    return f"{(polarities.count('positive') - polarities.count('negative')) / len(said):+.2f}"


def headline_row(markdown: str, ticker: str, topic: str) -> dict[str, str]:
    """The headline table's row of one ticker and topic, by column name (whatever their order)."""
    table = markdown.split("\n## What changed", 1)[1].split("\n\n", 2)[1].splitlines()
    names = [c.strip() for c in table[0].strip("|").split("|")]
    for line in table[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[:2] == [ticker, topic]:
            return dict(zip(names, cells, strict=True))
    raise AssertionError(f"no headline row for {ticker} {topic}")


def test_a_sentence_said_again_in_a_filing_counts_once(demo_folder: Path) -> None:
    db, markdown = demo_folder / "demo.duckdb", demo_file(demo_folder, "md").read_text()
    now = said_once(db, topic="geopolitical", where="coalesce(d.filed_at, CAST(d.first_stored_at AS DATE)) "
                    "BETWEEN ? AND ?", params=[START, END])  # fmt: skip
    row = headline_row(markdown, "NVDA", "Geopolitical")
    assert row["New mentions"] == str(len(now))
    assert row["Net tone"] == tone(now)
    assert row[next(n for n in row if n.startswith("Previous"))].split(" (")[0] == tone(
        said_once(db, topic="geopolitical", where="d.doc_id = ?", params=[BASELINE]))
    summary = re.search(r"^\| NVDA \| Geopolitical \| (\d+) \|", markdown.split("\n## Summary", 1)[1], re.M)
    assert summary and summary[1] == str(len(now))
    # the notebook's table and the command list what the briefing counts, the sentence once per document
    listed = explore.findings(db, ticker="NVDA", topic="geopolitical", start=START, end=END, as_briefed=True)
    assert len(listed) == listed.total == len(now)
    result = CliRunner().invoke(cli, ["findings", "--db", str(db), "--ticker", "NVDA", "--topic", "geopolitical",
                                      "--format", "jsonl"])  # fmt: skip
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    every = said_once(db, topic="geopolitical", where="true")
    assert len(rows) == len(every) and f"{len(every)} findings" in result.stderr
    again = [r for r in rows if r["sentence"].startswith(REPEATED) and r["document"] == "10-K"
             and r["date"] == "2025-02-26"]  # fmt: skip
    assert len(again) == 1 and again[0]["section"].startswith("1 ")
    # its copies in Items 1A and 7 are still stored, and their citations lead to them
    copies = [explore.evidence(db, cited) for cited in again[0]["said_again"]]
    assert sorted(c.section[:3] for c in copies) == ["1A ", "7 M"]
    assert {c.sentence for c in copies} == {again[0]["sentence"]}


def test_the_store_and_the_briefing_read_a_sentence_alike() -> None:
    """The store counts a sentence once by SAME_SENTENCE, the briefing's "said again in" by same_text: one reading."""
    from watchdesk.agents.briefing.text import same_text
    from watchdesk.store.queries import SAME_SENTENCE

    with duckdb.connect() as con:
        for text in (" Export\u00a0controls  may\tCHANGE.\n", "A\u2009b\x85c\u3000d\x1ce", "Straße  ÉTÉ"):
            (said,) = con.execute(f"SELECT {SAME_SENTENCE.replace('f.sentence', '?')}", [text]).fetchone() or ("",)
            assert said == same_text(text)
