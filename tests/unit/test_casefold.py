"""Case-sensitive twins of the flagging regexes on lower-cased text (issue 13, item 13): the same spans, always."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from watchdesk.agents.flagging import regex_cache
from watchdesk.agents.flagging.casefold import fold, twin
from watchdesk.agents.flagging.cues import cues_for
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.topics import load_topics

# Every character the twins accept in a text, once: the engine's own case-insensitive matching is the reference.
SAFE = "".join(ch for ch in map(chr, range(0x3000)) if fold(ch) is not None)
PATTERNS = [
    r"[a-z]", r"[^a-z]", r"[A-Z]", r"[A-z]", r"[^A-Z]", r"\w", r"\W", r"[\w'%$.-]", r"[^.!?]", r"[\u00C0-\u017F]",
    r"[^À-ÿ]", "K", "S", "s", "I", "i", "É", "ß", "ẞ", "İ", "Σ", "ς", "µ", r"[K-S]", r"[^i]", r"\d", r"[\W\d]",
    r"(?<!\w)(?:China|Chinese|CoWoS|U\.S\.)(?!\w)", r"\b(?:May|might|could|possibly)\b", r"\bÉtat|\b[\w']",
    r"\b(?:x|-y)", r"(?<!\w)(?:(?=[aA])(?:ab|ac)|(?=[rR])(?:(?:re)?fill|rx))(?!\w)",
]  # fmt: skip


def _spans(regex: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text, start, len(text) if end is None else end)]


LETTERS = ["|".join(re.escape(chr(c)) for c in range(n, n + 400)) for n in (32, 400, 7800)]


@pytest.mark.parametrize("pattern", PATTERNS + LETTERS)
def test_a_twin_matches_the_lower_cased_characters_the_pattern_matches(pattern: str) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    found = twin(regex)
    assert found is not None and not found.flags & re.IGNORECASE
    assert _spans(found, fold(SAFE) or "") == _spans(regex, SAFE)


@pytest.mark.parametrize("text", ["Straße", "İstanbul", "273 \u212a", "\u017fupply", "ΣΊΣΥΦΟΣ", "µm"])
def test_text_whose_case_the_engine_folds_otherwise_is_not_folded(text: str) -> None:
    assert fold(text) is None


def test_a_pattern_that_keeps_some_case_has_no_twin() -> None:
    assert twin(re.compile(r"(?-i:TSMC)|fab", re.I)) is None
    assert twin(re.compile(r"(\w+) \1", re.I)) is None
    assert twin(re.compile(r"plain")) is None  # already case-sensitive


def test_look_behinds_moved_past_the_first_letters_still_see_before_the_scanned_range() -> None:
    text = "xsupply chain, Supply Chain; supplier may,might"
    lowered = fold(text) or ""
    for pattern in (r"(?<!\w)(?:Supply Chain|supplier)(?!\w)", r"\b(?:may|might)\b", r"\bsupp"):
        regex = re.compile(pattern, re.IGNORECASE)
        for start in range(len(text)):
            expected = _spans(regex, text, start, len(text) - 2)
            assert _spans(twin(regex) or regex, lowered, start, len(text) - 2) == expected


def test_every_shipped_topic_and_cue_set_has_twins() -> None:
    library = load_topics()
    assert all(topic.folded is not None for topic in library)
    assert all(cues_for(name).folded is not None for name in library.names)


def test_twins_find_what_the_topics_find_on_a_filing(edgar_fixtures: Path) -> None:
    from watchdesk.sources.html_text import html_to_text

    text = html_to_text((edgar_fixtures / "filings" / "NVDA_10-K_FY2024_filed-2024-02-21.html").read_bytes())
    lowered = fold(text)
    assert lowered is not None
    for topic in load_topics():
        assert topic.folded is not None
        for a, b in split_sentences(text)[::3]:
            assert topic.folded.hits(lowered, a, b) == topic.hits(text, a, b)
            assert topic.folded.context_hits(lowered, a, b) == topic.context_hits(text, a, b)


@pytest.fixture()
def cache_dir(tmp_path: Path) -> Iterator[Path]:
    before = regex_cache.directory()  # the test process's own (tests/conftest.py), put back after
    regex_cache.use_dir(tmp_path)
    yield tmp_path
    regex_cache.use_dir(before)


def test_a_twin_from_the_cache_is_the_twin_compiled_afresh(cache_dir: Path) -> None:
    regex = re.compile(PATTERNS[-1], re.IGNORECASE)
    fresh = twin(regex)
    regex_cache.save()
    regex_cache.use_dir(None)
    regex_cache.use_dir(cache_dir)  # a new process, as far as the cache knows
    cached = twin(regex)
    assert cached is not None and fresh is not None
    assert _spans(cached, "ab refill rx fill") == _spans(fresh, "ab refill rx fill") == [(0, 2), (3, 9), (10, 12)]


def test_long_texts_list_their_non_ascii_characters_as_the_regex_does(edgar_fixtures: Path) -> None:
    """fold() lists a long text's non-ASCII characters from its encoding with character references: the same ones,
    plus those a written "&#NNN;" names (more to check can only make fold refuse, never fold wrongly)."""
    from watchdesk.agents.flagging.casefold import _NON_ASCII, _non_ascii
    from watchdesk.sources.html_text import html_to_text

    filing = html_to_text((edgar_fixtures / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html").read_bytes())
    odd = filing[:20_000] + "é ÉTÉ ’ \ud83d ß İ \U0001f600 \u00a0"
    for text in (filing, odd, odd.upper(), "x" * 20_000 + "ı"):
        assert _non_ascii(text) == set(_NON_ASCII.findall(text))
        assert (fold(text) is None) == any(fold(ch) is None for ch in set(_NON_ASCII.findall(text)))
    written = "x" * 20_000 + "é &#233; &#305; &#99999999;"
    assert {"é", "ı"} <= _non_ascii(written) and fold(written) is None
