"""The pure parts of issue 10's gap study (tests/packs/curve_study.py): where a missed mention sits, the learning
curve's nested company draws, its slope per doubling and the extrapolation it allows."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from tests.packs import curve_study as study

# one call of two speeches: an analyst's question about supply, then the answer
SENTENCES = [
    "Can you talk about supply?",  # 0: question, flagged
    "Sure.",  # 1
    "Supply is tight.",  # 2: found
    "It will ease.",  # 3
    "We think so.",  # 4
    "Next year too.",  # 5
    "Far away.",  # 6
]
BLOCKS = [0, 1, 1, 1, 1, 1, 1]


def _place(k: int, *, found: set[int], blocks: list[int] = BLOCKS, missed: set[int] | None = None) -> str:
    return study.place(k, found=found, missed=missed or set(), questions={0}, blocks=blocks, sentences=SENTENCES)


def test_a_sentence_right_after_a_found_mention_is_placed_by_its_distance() -> None:
    assert [_place(k, found={2}) for k in (3, 4, 5)] == ["after found 1", "after found 2", "after found 3"]


def test_the_next_speech_after_a_flagged_question_is_its_answer() -> None:
    assert _place(1, found={2}) == "answer"
    assert _place(6, found={2}) == "answer"  # the whole next speech, past the three sentences after a mention


def test_a_found_mention_in_another_speech_does_not_reach_across() -> None:
    blocks = [0, 1, 2, 2, 3, 3, 3]
    assert _place(3, found={2}, blocks=blocks) == "after found 1"
    assert _place(4, found={2}, blocks=blocks) == "elsewhere"
    assert _place(4, found=set(), missed={3}, blocks=blocks) == "elsewhere"
    assert _place(3, found=set(), missed={2}, blocks=blocks) == "after a miss"


def test_in_a_plain_text_call_the_answer_ends_at_the_next_question_or_after_six_sentences() -> None:
    one = [0] * len(SENTENCES)
    assert _place(6, found=set(), blocks=one) == "answer"
    sentences = [*SENTENCES[:3], "Is it demand?", *SENTENCES[4:]]
    assert study.place(5, found=set(), missed=set(), questions={0}, blocks=one, sentences=sentences) == "elsewhere"
    long = [*SENTENCES, "More.", "Still more."]
    assert study.place(8, found=set(), missed=set(), questions={0}, blocks=[0] * 9, sentences=long) == "elsewhere"


def test_each_draw_nests_its_smaller_company_sets_in_its_larger() -> None:
    companies = [f"C{i}" for i in range(22)]
    sets = study.nested_subsets(companies, study.FRACTIONS, random.Random("0/1"))
    assert [len(sets[f]) for f in study.FRACTIONS] == [6, 11, 16, 22]
    assert sets[0.25] <= sets[0.5] <= sets[0.75] <= sets[1.0] == set(companies)
    assert sets == study.nested_subsets(list(reversed(companies)), study.FRACTIONS, random.Random("0/1"))


def test_the_slope_is_points_per_doubling_of_companies() -> None:
    assert study.slope([(4, 0.60), (8, 0.65), (16, 0.70)]) == pytest.approx(0.05)
    assert study.slope([(8, 0.7), (8, 0.8)]) == 0.0


def test_companies_needed_extrapolate_the_slope_or_say_never() -> None:
    assert study.companies_needed(20, 0.70, 0.01, 0.72) == pytest.approx(80)
    assert study.companies_needed(20, 0.75, 0.0, 0.72) == 20
    assert study.companies_needed(20, 0.70, -0.01, 0.72) is None


def test_the_ceiling_line_counts_the_bands_after_a_found_mention_cumulatively() -> None:
    c = {"found": 6, "never": 4, "turned down, word only": 2, "after found 1 mentions": 1,
         "after found 1 sentences": 10, "after found 2 mentions": 1, "after found 2 sentences": 10,
         "elsewhere mentions": 2, "elsewhere sentences": 100}  # fmt: skip
    line = study._ceiling_line("ours", "supply_chain", Counter(c))
    assert "mentions   12" in line and "perfect-refiner recall 0.667" in line and "default recall 0.500" in line
    assert "within 1: 1 of 10 sentences (10%); within 2: 2 of 20 sentences (10%); within 3: 2 of 20" in line
    assert "elsewhere: 2 of 100 sentences (2%)" in line
