"""The labelled filing sentences (tests/labels/filings/, see its README.md): rows well formed, every candidate of each
labelled section a row, and each row still the sentence of the filing section it was read in."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.labels.filings import filing_rows, section_sentences
from tests.labels.readme_split import CANDIDATE, digest

TOPICS = {"inventory", "supply_chain", "geopolitical"}
POLARITIES = {"positive", "negative", "neutral"}


def test_filing_rows_are_well_formed() -> None:
    rows = filing_rows()
    assert len(rows) >= 300
    assert len({(r["doc"], r["section"], r["at"]) for r in rows}) == len(rows)
    for r in rows:
        assert set(r["topics"]) <= TOPICS and set(r["topics"].values()) <= POLARITIES
        assert digest(r["sentence"]) == r["sha"]
        assert bool(CANDIDATE.search(r["sentence"])) != r["manual"]  # manual rows are exactly the pattern's misses
        assert r["topics"] or not r["manual"]
    assert sum(not r["topics"] for r in rows) >= 100  # hard negatives: topic words, no topic statement


@pytest.mark.fixtures
def test_filing_rows_match_the_filings_and_cover_every_candidate(shared_fixtures: Path) -> None:
    rows = filing_rows()
    for doc, section in sorted({(r["doc"], r["section"]) for r in rows}):
        labelled = {r["at"]: r["sha"] for r in rows if (r["doc"], r["section"]) == (doc, section)}
        text = {at: s for at, s, table in section_sentences(shared_fixtures, doc, section) if not table}
        assert {at: digest(text[at]) for at in labelled if at in text} == labelled, (doc, section)
        assert {at for at, s in text.items() if CANDIDATE.search(s)} <= set(labelled), (doc, section)
