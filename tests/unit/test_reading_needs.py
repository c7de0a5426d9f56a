"""reading.py looks each needed text up once per sentence, letters-only ones once per distinct word (_present), and
answers every relation's test from those bits: the same answers as each relation's own test (_holds), and the same
features as looking each text up in the sentence, on real calls and a 10-K."""

from __future__ import annotations

import re
from pathlib import Path

from watchdesk.agents.flagging import reading
from watchdesk.agents.flagging.refine_score import TOKEN
from watchdesk.sources.html_text import html_to_text


def sentences(shared_fixtures: Path) -> list[str]:
    calls = sorted((shared_fixtures / "transcripts" / "plaintext_2023_2025").glob("*.txt"))[:8]
    filing = shared_fixtures / "edgar" / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html"
    text = " ".join(p.read_text(encoding="utf-8") for p in calls) + html_to_text(filing.read_bytes())
    return re.split(r"(?<=[.!?])\s+", text.lower())


def test_needs_found_by_word_answer_as_each_relation_does(shared_fixtures: Path) -> None:
    held = 0
    for sentence in sentences(shared_fixtures):
        present = reading._present([t for t in TOKEN.findall(sentence) if t != "?"], sentence)
        assert present == sum(bit for need, bit in reading._BIT.items() if need in sentence)  # anchors too
        for name, _, any_of, groups in reading._GATES:
            gate = bool(present & any_of) or any(present & g == g for g in groups)
            assert gate == reading._holds(sentence, reading._PARTS[name])
            held += gate
        assert bool(present & reading._OPENER_BITS) == any(n in sentence for n in reading._OPENER_NEEDS)
    assert held > 100


def test_reading_features_are_those_of_each_relation_tested_in_full(shared_fixtures: Path) -> None:
    found = 0
    for sentence in sentences(shared_fixtures):
        tokens = TOKEN.findall(sentence)
        names = reading.reading_features([t for t in tokens if t != "?"], sentence, question="?" in tokens)
        relations = {name for name, pattern in reading._RELATIONS if pattern.search(sentence)}
        assert {n for n in names if n in reading._NAMED} == relations
        assert ("K:opener" in names) == bool(reading._OPENER.search(sentence))
        found += len(relations)
    assert found > 100


def plain_denies(words: list[str], lowered: str) -> bool:
    """denies_a_problem() as first written, its problem words found by a Python loop."""
    if "?" in lowered:
        return False
    bad = [i for i, w in enumerate(words) if "bad" in reading._kinds(w)]
    if not bad or reading._NOT_A_DENIAL.search(lowered):
        return False
    after = " ".join(words[bad[-1] :])
    if "not at all" in after or "not really" in after:
        return True
    negated = [any(w in reading._NEGATION or w.endswith("n't") for w in words[max(0, i - 8) : i]) for i in bad]
    return all(negated)


def test_denials_are_found_as_by_the_plain_loop(shared_fixtures: Path) -> None:
    denied = 0
    for sentence in sentences(shared_fixtures):
        words = [t for t in TOKEN.findall(sentence) if t != "?"]
        assert reading.denies_a_problem(words, sentence) == plain_denies(words, sentence)
        denied += plain_denies(words, sentence)
    assert denied >= 5  # the sample holds denials (6 before v0.21 read "not received licenses" as no denial)


def test_negating_windows_answer_as_the_plain_loop(shared_fixtures: Path) -> None:
    negated = 0
    for sentence in sentences(shared_fixtures)[::4]:
        words = [t for t in TOKEN.findall(sentence) if t != "?"]
        for i in range(len(words)):
            window = words[max(0, i - reading.NEAR) : i]
            plain = any(w in reading._NEGATION or w.endswith("n't") for w in window)
            assert reading._negating(window) == plain
            negated += plain
    assert negated > 100


def test_a_sentence_without_the_literals_asking_or_a_relief_denied_need_matches_neither(shared_fixtures: Path) -> None:
    """plain_question and denies_a_problem skip _ASKING and _NOT_A_DENIAL where a sentence holds none of the literals
    their branches need (_ASKING_NEEDS, _DENIAL_NEEDS): on real calls and a 10-K, every sentence either pattern matches
    holds one, so skipping changes no answer."""
    found = {"asking": 0, "denial": 0}
    for sentence in sentences(shared_fixtures):
        if reading._ASKING.search(sentence):
            assert reading._holds_any(sentence, reading._ASKING_NEEDS), sentence
            found["asking"] += 1
        if reading._NOT_A_DENIAL.search(sentence):
            assert reading._holds_any(sentence, reading._DENIAL_NEEDS), sentence
            found["denial"] += 1
    assert min(found.values()) > 20, found  # both patterns are tried on sentences that match them
