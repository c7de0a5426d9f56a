"""The pure parts of issue 10's candidate-generator study (tests/packs/cand_study.py): the context a never-looked
sentence is read in, which question it answers, and that a sentence the generator passes is scored once."""

from __future__ import annotations

from tests.packs import cand_study as study
from tests.packs import train_carry as tc
from tests.packs import train_refiner as tr

# one call of two speeches: an analyst's question about supply, then the answer
SENTENCES = [
    "can you talk about supply?",  # 0: question, rule flag
    "sure.",  # 1
    "supply is tight.",  # 2: looked at, accepted
    "it will ease.",  # 3
    "we think so.",  # 4
]


def _call(blocks: list[int]) -> tc.Call:
    rules = {t: {} for t in study.CORE}
    rules["supply_chain"] = {0: ("neutral", 0.0), 2: ("negative", -0.5)}
    call = tc.Call("x/ABC_1.txt", False, SENTENCES, blocks, rules, frozenset({0, 2}), {3: {"supply_chain": "negative"}})
    call.tones = dict.fromkeys(range(len(SENTENCES)), "neutral")
    return call


ANCHORS = {"inventory": {}, "supply_chain": {2: 0.9}, "geopolitical": {}}


def test_a_sentence_after_an_accepted_one_reads_its_distance_and_the_neighbours_flags() -> None:
    names = study.gen_features(_call([0, 1, 1, 1, 1]), 3, "supply_chain", ANCHORS, near_words=True)
    assert {"Ap1", "Ap1:H", "Cp1", "Rp1:t:negative", "NB:1", "NA:none", "pw:tight", "nw:think", "ANS"} <= set(names)
    assert "Ep3" in names  # three back is the question's speech: not this one
    other = study.gen_features(_call([0, 1, 1, 1, 1]), 3, "inventory", ANCHORS, near_words=True)
    assert "Ap1" not in other and "Rp1:o:negative" in other and "ANS" not in other


def test_a_plain_text_call_answers_the_question_within_its_span() -> None:
    call = _call([0, 0, 0, 0, 0])
    assert study._answers(call, 4, {0})
    assert not study._answers(call, 4, {2})  # the question was not flagged for the topic


def test_a_passed_mention_never_looked_at_is_scored_once() -> None:
    call = _call([0, 1, 1, 1, 1])
    call.examples = {i: tr.Example(call.name, {t: [] for t in study.CORE}, call.gold.get(i, {}), i in call.looked)
                     for i in (0, 2, 3)}  # fmt: skip
    passed = {(call.name, 3): (call.examples[3], frozenset({"supply_chain"}))}
    rows = study._rows([call], passed)
    assert len(rows) == 3
    assert [topics for e, topics in rows if e is call.examples[3]] == [frozenset({"supply_chain"})]
    assert len(study._rows([call], {})) == 3  # not passed: there, never a candidate (a miss)
