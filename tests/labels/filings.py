"""Hand-labelled sentences of real SEC filings (10-K / 10-Q risk factors and MD&A), extra training rows for the refiner.

SEC text is public domain, so each row carries its sentence and a little context; nothing is read from the fixtures
at training time. A row:

    {"doc": "NVDA_10-Q_Q2FY2026_filed-2025-08-27.html", "section": "7", "at": "92.1", "sha": "...",
     "before": "...", "sentence": "...", "after": "...", "topics": {"inventory": "positive"}, "manual": false}

- `doc`: the file in fixtures/edgar/filings/; `section`: "1A" (risk factors) or "7" (MD&A), read with
  `sources.filing_parse.parse_filing(...).section(...)`;
- `at`: "P.S", the S-th sentence (readme_split.split, also cut where flagging cuts a filing's sentences: at a new
  clause after "U.S." and the like, v0.40) of the P-th non-empty line of that section's text, and `sha` the first 12
  hex digits of the sentence's SHA-1 (`check` rebuilds both from the fixture);
- `before` / `after`: up to two sentences before and one after in the section (table lines left out), with "\n"
  where a line (paragraph, heading) ends, so `before + sentence + after` is the passage the refiner reads;
- `topics`, `manual`: as in tests/labels/calls/ (fixtures/labels/README.md sections 3, 5, 6).

How they were made, and reading choices: tests/labels/filings/README.md.

    python -m tests.labels.filings DOC SECTION   # candidate sentences of a section, with their `at`
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from tests.labels.readme_split import CANDIDATE, digest, split
from watchdesk.sources.sentence_diff import clauses_after_abbreviations, names_after_abbreviations

if TYPE_CHECKING:
    from watchdesk.sources.filing_parse import ParsedFiling

FOLDER = Path(__file__).resolve().parent / "filings"
# The held-out rows of ../filings_notes/ (its README.md): every sentence of the chosen notes, MD&A and Business items
# that speaks of stock or of the accounts' words for it, each sentence once, none already labelled elsewhere.
NOTES_PATTERN = re.compile(
    r"inventor|write-?downs?|write-?offs?|writ(?:e|ten|ing) (?:down|off)|provision|reserve[sd]?\b|excess|obsolete|"
    r"finished goods|work.in.process|purchase obligation|purchase commitment",
    re.IGNORECASE,
)


# The items of ../filings_other/ (its README.md), in the order its rows were chosen: every candidate sentence, once,
# none labelled in another set; a sentence repeated by a later filing stays with the first.
OTHER_ITEMS = (
    ("NVDA_10-K_FY2024_filed-2024-02-21.html", "1"), ("NVDA_10-K_FY2025_filed-2025-02-26.html", "1"),
    ("TSLA_10-K_FY2023_filed-2024-01-29.html", "1"), ("TSLA_10-K_FY2024_filed-2025-01-30.html", "1"),
    ("AAPL_10-K_FY2024_filed-2024-11-01.html", "1"),
    ("TSLA_10-K_FY2023_filed-2024-01-29.html", "7"), ("AAPL_10-K_FY2024_filed-2024-11-01.html", "7"),
    ("GOOG_10-Q_Q2-2023_0001652044-23-000070.html", "I-2"), ("GOOG_10-Q_Q3-2023_0001652044-23-000094.html", "I-2"),
    ("PlymouthRock_20-F_0001062993-21-003193.html", "3.D"), ("PlymouthRock_20-F_0001062993-21-003193.html", "4"),
    ("PlymouthRock_20-F_0001062993-21-003193.html", "5"),
)  # fmt: skip


# The words that go on a name after "U.S.", "Inc." and the like in each labelled filing (sentence_diff.
# names_after_abbreviations of the filing's whole text, as flagging reads it: "U.S. Tariffs" in Apple's 10-Qs), so
# that a row's passage is split as the product splits the whole filing (sentences.split_filing_sentences) with no
# fixture read at measurement time; test_filing_labels checks them against the fixtures.
FILING_NAMES: dict[str, frozenset[str]] = {doc: frozenset(words.split()) for doc, words in {
    "AAPL_10-K_FY2024_filed-2024-11-01.html": "District Opinion Securities Technology Treasury",
    "AAPL_10-Q_Q2FY2025_aapl-20250329.htm": "Department District Tariffs Treasury",
    "AAPL_10-Q_Q3FY2025_filed-2025-08-01.html": "Department District Tariffs Treasury",
    "GOOG_10-Q_Q2-2023_0001652044-23-000070.html": "Alphabet Amended District Equity July Note",
    "GOOG_10-Q_Q3-2023_0001652044-23-000094.html": "Alphabet District Equity Note October",
    "NVDA_10-K_FY2024_filed-2024-02-21.html": "Treasury",
    "NVDA_10-K_FY2025_filed-2025-02-26.html": "Treasury",
    "NVDA_10-Q_Q2FY2026_filed-2025-08-27.html": "Treasury",
    "PlymouthRock_20-F_0001062993-21-003193.html": "Consolidated Holder Holders",
    "TSLA_10-K_FY2023_filed-2024-01-29.html": "Bank Consolidated Department District Treasury",
    "TSLA_10-K_FY2024_filed-2025-01-30.html": "Bank Consolidated Department District Treasury",
}.items()}  # fmt: skip


def filing_split(text: str, doc: str) -> list[tuple[int, int]]:
    """Sentence spans of a passage of `doc` as flagging splits the filing (sentences.split_filing_sentences)."""
    from watchdesk.agents.flagging.sentences import split_filing_sentences

    return split_filing_sentences(text, names=FILING_NAMES[doc])


def _as_filed(sentence: str, names: frozenset[str]) -> list[str]:
    """A sentence of the labelled splitter (readme_split.split) cut where flagging cuts a filing's: at a new clause
    after "U.S." and the like ("... located in the U.S. Restrictions on international trade ..." is two)."""
    out, start = [], 0
    for end, nxt in clauses_after_abbreviations(sentence, names=names):
        out.append(sentence[start:end])
        start = nxt
    return [*out, sentence[start:]]


def filing_rows(folder: Path = FOLDER) -> list[dict]:
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


@cache
def _parsed(path: Path) -> ParsedFiling:
    """A fixture filing parsed once per process: the label checks read several sections of the same 10-Ks (test
    modules, one after another, read ten of them ~40 times), ~0.5 s of CPU a parse. ParsedFiling is frozen."""
    from watchdesk.sources.filing_parse import parse_filing

    return parse_filing(path.read_bytes())


def section_sentences(fixtures: Path, doc: str, section: str) -> Iterator[tuple[str, str, bool]]:
    """(at, sentence, is_table_line) for every sentence of a filing's section, in order."""
    parsed = _parsed(fixtures / "edgar" / "filings" / doc)
    # "1A" and "7" name the risk factors and the MD&A under any form's own item; other sections are item ids ("I-1")
    found = parsed.section(section) if section in ("1A", "7") else next(
        (s for s in parsed.sections if s.item == section), None
    )
    if found is None:
        raise ValueError(f"{doc}: no section {section}")
    names = FILING_NAMES.get(doc) or names_after_abbreviations(parsed.text)  # a filing no row names yet: its own
    for p, line in enumerate(line for line in found.text.split("\n") if line.strip()):
        for s, sentence in enumerate(piece for whole in split(line) for piece in _as_filed(whole, names)):
            yield f"{p}.{s}", sentence, " | " in line


def passages(fixtures: Path, doc: str, section: str) -> Iterator[dict]:
    """Each non-table sentence of a section as an unlabelled row: `at`, `sha`, and its `before` (up to two sentences)
    and `after` (one), joined by " " within a line and "\n" across lines, as the rows carry them."""
    sents = [(at, s) for at, s, table in section_sentences(fixtures, doc, section) if not table]

    def joint(i: int) -> str:  # what separates sentence i from sentence i + 1
        return " " if sents[i][0].split(".")[0] == sents[i + 1][0].split(".")[0] else "\n"

    for k, (at, sentence) in enumerate(sents):
        before = "".join(sents[i][1] + joint(i) for i in range(max(0, k - 2), k))
        after = joint(k) + sents[k + 1][1] if k + 1 < len(sents) else ""
        yield {"doc": doc, "section": section, "at": at, "sha": digest(sentence), "before": before,
               "sentence": sentence, "after": after}  # fmt: skip


def check(fixtures: Path, rows: list[dict]) -> list[str]:
    """Rows whose `at` no longer holds their sentence in the fixture (empty when all match)."""
    wanted: dict[tuple[str, str], dict[str, str]] = {}
    for doc, section in sorted({(r["doc"], r["section"]) for r in rows}):
        wanted[doc, section] = {at: digest(s) for at, s, _ in section_sentences(fixtures, doc, section)}
    return [
        f"{r['doc']} {r['section']} {r['at']}" for r in rows
        if wanted[r["doc"], r["section"]].get(r["at"]) != r["sha"] or digest(r["sentence"]) != r["sha"]
    ]  # fmt: skip


def main(argv: list[str]) -> int:
    from tests.conftest import SHARED_FIXTURES

    doc, section = argv[0], argv[1]
    for at, sentence, table in section_sentences(SHARED_FIXTURES, doc, section):
        if not table:
            print(f"{'*' if CANDIDATE.search(sentence) else ' '}{at} {sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
