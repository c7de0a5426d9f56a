"""The Hyperscan pre-scan of long documents (multiscan.py, prescan.py) only ever skips work: with it or without
it (the pure-Python path, which every text under MIN_CHARS and every machine without hyperscan takes) the topic
matcher finds the same mentions, span for span."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from watchdesk.agents.flagging import multiscan, prescan
from watchdesk.agents.flagging.casefold import fold
from watchdesk.agents.flagging.mentions import Candidates, topic_mentions
from watchdesk.agents.flagging.prefilter import word_keys
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.topics import TopicLibrary, load_topics
from watchdesk.sources.html_text import html_to_text

hyperscan = pytest.importorskip("hyperscan", reason="the pre-scan needs hyperscan (Linux x86-64 wheel)")


@pytest.fixture(scope="module")
def ten_k(edgar_fixtures: Path) -> str:
    return html_to_text((edgar_fixtures / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html").read_bytes())


Found = dict[str, dict[int, tuple[list[tuple[int, int]], bool]]]


def _mentions(text: str, library: TopicLibrary) -> Found:
    spans = split_sentences(text)
    candidates = Candidates(text, spans, library)
    found = {t.name: {i: (m.hits, m.follow_up) for i, m in topic_mentions(text, spans, t, candidates).items()}
             for t in library}  # fmt: skip
    assert (candidates.prescan(next(iter(library))) is not None) == (len(text) >= multiscan.MIN_CHARS)
    return found


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Found, Found]:
    library = load_topics()
    monkeypatch.setattr(multiscan, "MIN_CHARS", 0)
    scanned = _mentions(text, library)
    monkeypatch.setattr(multiscan, "MIN_CHARS", 10**12)
    return scanned, _mentions(text, library)


def test_prescanned_mentions_equal_the_pure_python_ones_on_a_10k(ten_k: str, monkeypatch: pytest.MonkeyPatch) -> None:
    scanned, plain = _both(ten_k, monkeypatch)
    assert scanned == plain
    assert sum(map(len, plain.values())) > 500  # a real test: hundreds of mentions, follow-ups among them
    assert any(follow_up for found in plain.values() for _, follow_up in found.values())


def test_prescan_on_non_ascii_letters_spaces_and_upper_case(ten_k: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Non-ASCII characters are scanned as "?": classes that can match them (\\w, \\s, [^.!?]) must accept it."""
    odd = ten_k[:150_000].replace(" the ", " thé ").replace(" and ", "\u00a0ånd\u2003").replace("export", "EXPORT")
    odd = odd.replace("China", "Chína ou China")
    scanned, plain = _both(odd, monkeypatch)
    assert scanned == plain and sum(map(len, plain.values())) > 100


def test_without_hyperscan_nothing_is_prescanned(ten_k: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(multiscan, "scanner", lambda patterns: None)
    spans = split_sentences(ten_k)
    candidates = Candidates(ten_k, spans, load_topics(["inventory"]))
    assert candidates.prescan(load_topics(["inventory"])["inventory"].folded) is None  # type: ignore[arg-type]


def test_every_python_match_has_a_looser_hyperscan_match_ending_with_it(ten_k: str) -> None:
    """The translation's promise, pattern by pattern, on a 10-K: every span the folded regex of a shipped phrase
    or pattern finds ends where its Hyperscan pattern reports a match."""
    library = load_topics()
    patterns = sorted({p for t in library for p, _ in prescan._routes(t)})
    folded = fold(ten_k[:60_000])
    assert folded is not None
    scanner = multiscan.scanner(tuple(patterns))
    assert scanner is not None
    reported: set[tuple[int, int]] = set()
    database = scanner._database
    database.scan(multiscan.scan_bytes(folded), match_event_handler=lambda i, _a, end, _f, _c: reported.add((i, end)),
                  scratch=hyperscan.Scratch(database))  # fmt: skip
    checked = 0
    for ident, pattern in enumerate(patterns):
        regex = prescan.alone(pattern)
        assert regex is not None
        for match in regex.finditer(folded):
            assert (ident, match.end()) in reported, pattern
            checked += 1
    assert checked > 100


def test_word_keys_looked_up_one_by_one_are_the_sentences_word_keys(ten_k: str) -> None:
    folded = fold(ten_k)
    assert folded is not None
    spans = split_sentences(ten_k)
    candidates = Candidates(ten_k, spans, load_topics())
    keys = sorted({k for t in load_topics() for k in t.keys or ()} | {"a", "in", "the", "ai", "2025", "u"})
    for index in range(0, len(spans), 7):
        assert candidates.keys_among(index, keys) == word_keys(folded, *spans[index]) & set(keys)


def test_patterns_hyperscan_cannot_prescan() -> None:
    assert multiscan.loose(r"(a)\1") is None  # a back-reference
    assert multiscan.loose(r"(?=x)") is None and multiscan.loose(r"a*") is None  # may match nothing
    translated = multiscan.loose(r"supply[\s\-]+chain(?!\w)")
    assert translated is not None
    assert re.fullmatch(translated, "supply - chain") and not re.fullmatch(translated, "Supply chain")
    assert multiscan.scan_bytes("thé\u00a0Ünion") == b"th???nion"
