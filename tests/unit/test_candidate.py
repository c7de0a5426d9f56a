"""The refiner's candidate scan (candidate.py): the trie finds a sentence exactly when CANDIDATE does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from watchdesk.agents.flagging import candidate, multiscan
from watchdesk.agents.flagging.candidate import (
    CANDIDATE,
    candidates_lowered,
    expand,
    is_candidate,
    is_candidate_lowered,
    trie_pattern,
)
from watchdesk.sources.html_text import html_to_text


def test_a_plain_branch_expands_to_the_words_it_matches() -> None:
    assert expand("licen[cs]") == {"licenc", "licens"}
    assert expand("de-?risk") == {"de-risk", "derisk"}
    assert expand("ports?") == {"port", "ports"}
    with pytest.raises(ValueError):
        expand(r"\bwar")


def test_a_trie_matches_where_one_of_its_words_occurs() -> None:
    words = {"in", "inventor", "india", "chin", "china", "x-y", "a b"}
    trie = re.compile(trie_pattern(words))
    for text in ["", "inventory", "indi", "chi", "china", "x-y", "xy", "a b", "ab", "the end", "zzz in"]:
        assert (trie.search(text) is not None) == any(w in text for w in words), text


def test_is_candidate_agrees_with_the_one_regex_on_real_text(shared_fixtures: Path) -> None:
    calls = sorted((shared_fixtures / "transcripts" / "plaintext_2023_2025").glob("*.txt"))
    filing = shared_fixtures / "edgar" / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html"
    text = " ".join(p.read_text(encoding="utf-8") for p in calls) + html_to_text(filing.read_bytes())
    edges = ["Ports closed.", "airports", "the war", "software", "in stock", "Stockholm", "clean", "lean", "rules"]
    sentences = [*re.split(r"(?<=[.!?])\s+", text), *edges, "overruled", "de-risk", ""]
    found = [is_candidate(s) for s in sentences]
    assert found == [CANDIDATE.search(s.lower()) is not None for s in sentences]
    assert 0 < sum(found) < len(found)


def test_candidates_from_one_hyperscan_pass_equal_the_regex_ones_on_a_10k(shared_fixtures: Path) -> None:
    pytest.importorskip("hyperscan", reason="the pre-scan needs hyperscan (Linux x86-64 wheel)")
    filing = shared_fixtures / "edgar" / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html"
    text = html_to_text(filing.read_bytes())
    edges = ["ports closed.", "airports", "the war", "software", "in stock", "stockholm", "overruled", "rules",
             "lean", "clean", "suppl\u00e9ment", "ch\u00efna", "tari\u212aff", "", "\n", "pull\nin", "sold out?"]
    lowered = [*(s.lower() for s in re.split(r"(?<=[.!?])\s+", text)), *edges, "de-risk"]
    assert sum(map(len, lowered)) >= multiscan.MIN_CHARS
    assert candidate._scanned(lowered) is not None  # the pre-scan ran
    found = candidates_lowered(lowered)
    assert found == [is_candidate_lowered(s) for s in lowered]
    assert 0 < sum(found) < len(found)


def test_short_texts_are_not_prescanned() -> None:
    lowered = ["supply is tight.", "the war", "software"]
    assert candidate._scanned(lowered) is None
    assert candidates_lowered(lowered) == [True, True, False]
