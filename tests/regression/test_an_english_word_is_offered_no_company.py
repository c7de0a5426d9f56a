"""Seen last session: "watch NVDA for slowing demand" said "'slowing': not understood, ignored (a company? close
matches: SWIN (Solowin Holdings, Ltd.))": an ordinary English word was offered as a misspelt company. A word of the
shipped English lists (english_words.txt, english_long_words.txt.gz) written in lower case is offered no company; a
word no list holds ("nvidiaa") still is."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal


@pytest.mark.parametrize(("goal", "word"), [("watch NVDA for slowing demand", "slowing"),
                                            ("watch NVDA for softening orders", "softening"),
                                            ("watch AMD for weakening margins", "weakening")])  # fmt: skip
def test_an_english_word_gets_no_close_match(goal: str, word: str) -> None:
    result = parse_goal(goal, as_of=date(2026, 12, 3))
    assert f"{word!r}: not understood, ignored" in result.not_understood
    assert not any("close matches" in said for said in result.not_understood), result.not_understood


def test_a_misspelt_company_still_gets_one() -> None:
    result = parse_goal("watch NVDA, also nvidiaa", as_of=date(2026, 12, 3))
    assert "'nvidiaa': not understood, ignored (a company? close matches: NVDA (NVIDIA CORP))" in result.not_understood
