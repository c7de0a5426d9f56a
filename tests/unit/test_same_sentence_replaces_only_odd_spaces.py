"""store.queries.SAME_SENTENCE replaced every run of whitespace by a space, single spaces too: 7 s of CPU on a million
distinct sentences (explore.findings and the briefing's said-again count read it). It now replaces only runs of two or
more and single characters other than the space; the text it gives must be the same for any sentence."""

from __future__ import annotations

import random
import sys

import duckdb

from watchdesk.store.queries import ALIKE, SAME_SENTENCE

EVERY_RUN = r"lower(trim(regexp_replace(f.sentence, '[\s\x0b\x1c-\x1f\x85\pZ]+', ' ', 'g')))"  # before


def _texts() -> list[str]:
    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() or c in "\x1c\x1d\x1e\x1f\x85"]
    spaces += ["\u200b", "\u180e", "\ufeff", "\u2028", "\u2029", "\u3000", "\u00a0"]
    letters = ["a", "Z", "é", "İ", "ß", ".", "-"]
    rng = random.Random(3)
    texts = [f"{a}{s}{b}" for s in spaces for a in ("", "x", " ") for b in ("", "y", " ", s)]
    return texts + ["".join(rng.choice(spaces + letters) for _ in range(rng.randint(0, 10))) for _ in range(5000)]


def _differ(test: str) -> list[tuple[str]]:
    with duckdb.connect() as con:
        con.execute("CREATE TABLE t (sentence VARCHAR)")
        con.executemany("INSERT INTO t VALUES (?)", [[t] for t in _texts()])
        return con.execute(f"SELECT f.sentence FROM t f WHERE {test}").fetchall()


def test_only_odd_spaces_are_replaced_and_the_text_is_the_same() -> None:
    assert _differ(f"{SAME_SENTENCE} IS DISTINCT FROM {EVERY_RUN}") == []


def test_sentences_alike_are_those_the_same_sentence_reads_alike() -> None:
    """queries.ALIKE (said-again partitions, without trim(): half the CPU) is SAME_SENTENCE with a space either side,
    one space for a sentence of whitespace alone: sentences are alike by one exactly where they are by the other."""
    spaced = f"CASE WHEN {SAME_SENTENCE} = '' THEN ' ' ELSE ' ' || {SAME_SENTENCE} || ' ' END"
    assert _differ(f"{ALIKE} IS DISTINCT FROM {spaced}") == []
