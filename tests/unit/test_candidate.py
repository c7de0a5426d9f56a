"""The refiner's candidate scan (candidate.py): the trie finds a sentence exactly when CANDIDATE does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from watchdesk.agents.flagging.candidate import CANDIDATE, expand, is_candidate, trie_pattern
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
