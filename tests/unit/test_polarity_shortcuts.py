"""polarity.py's shortcuts (a negator looked for in the clause only when the whole window holds one; the question
regex only on folded sentences holding one of its words) decide as the plain regexes do, on real calls and a 10-K."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from watchdesk.agents.flagging import polarity
from watchdesk.agents.flagging.cues import cues_for
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.sources.html_text import html_to_text

TOPICS = ("supply_chain", "inventory", "geopolitical")


@pytest.fixture(scope="module")
def sentences(shared_fixtures: Path) -> list[str]:
    calls = sorted((shared_fixtures / "transcripts" / "plaintext_2023_2025").glob("*.txt"))[:6]
    filing = shared_fixtures / "edgar" / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html"
    text = " ".join(p.read_text(encoding="utf-8") for p in calls) + html_to_text(filing.read_bytes())
    odd = ["We don't, but NOT seeing any shortage.", "Not only tight, but: no shortage", "CAN YOU TALK ABOUT IT",
           "I'm Curious whether supply is tight", "Could You talk about ſupply?", "İ wonder if it's tight."]
    return [text[a:b] for a, b in split_sentences(text)] + odd


def _plain_negated(reading: polarity._Reading, at: int) -> bool:
    window = reading.clause.split(reading.text[max(0, at - 80) : at])[-1]
    return reading.negator.search(window) is not None


def test_negation_shortcut_decides_as_the_clause_regex(sentences: list[str]) -> None:
    """Every word start of every reading of TOPICS. A reading's negation depends on its text, negator and clause
    regexes alone, which the topics share where they read sentences alike (folded, with the twin regexes, or as
    written): each such reading is checked once, not once per topic (3x the CPU for the same answers)."""
    checked = negated = 0
    readings = {(r.text, r.negator, r.clause): r for t in TOPICS for r in (polarity._reading(s, t) for s in sentences)}
    for reading in readings.values():
        for m in re.finditer(r"\w+", reading.text):  # every word start, not only the cues
            plain = _plain_negated(reading, m.start())
            assert polarity._negated(reading, m.start()) == plain
            checked += 1
            negated += plain
    assert checked > 10_000 and 0 < negated < checked


def test_question_shortcut_skips_only_sentences_the_question_regex_misses(sentences: list[str]) -> None:
    skipped = 0
    for sentence in sentences:
        reading = polarity._reading(sentence, "supply_chain")
        if not polarity._may_ask(reading):
            assert reading.asks.search(reading.text) is None
            skipped += 1
    assert 0 < skipped < len(sentences)
    assert cues_for("supply_chain").folded is not None  # the folded path, where the shortcut applies, was taken
