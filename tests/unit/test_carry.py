"""The carry-over (agents/flagging/carry.py): its candidates are the sentences after an accepted one in the same
speech and the first sentences of an answer to a question speech that holds one, never across a speech that asks
nothing; what it ranks high goes to the LLM judge with the offline pass's unsure candidates."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.labels.calls import CORE, call_text
from watchdesk.agents.flagging.candidate import is_candidate
from watchdesk.agents.flagging.carry import Anchor, Context, blocks_of, candidates, default_carry, features
from watchdesk.agents.flagging.flag import flag_text, unsure_flags
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.topics import load_topics

TEXT = (
    "We have switch capacity sitting in our supply chain. We invested in this many years ago. Revenue grew. "
    "Margins were fine. Our buybacks continued.\n\n"
    "Thanks. Are lead times getting any better?\n\n"
    "They are. We see it easing through the year.\n\n"
    "Next question. Good morning.\n\n"
    "Hello. Our margins were fine."
)


def _context() -> tuple[list[str], Context]:
    spans = split_sentences(TEXT)
    sentences = [TEXT[a:b] for a, b in spans]
    supply = {0: (0.9, ("neutral", 0.0)), 6: (0.7, ("neutral", 0.0))}  # the capacity and the lead-time question
    ctx = Context(
        lowered=[s.lower() for s in sentences],
        blocks=blocks_of(TEXT, spans),
        accepted={"supply_chain": supply},
        rules={"supply_chain": {0: ("neutral", 0.0)}},
        looked=frozenset({0, 6}),
        unsure={"supply_chain": {}},
        tone=lambda i: "neutral",
    )
    return sentences, ctx


def test_candidates_follow_a_speech_and_an_answer() -> None:
    sentences, ctx = _context()
    found = candidates(ctx, "supply_chain")
    assert sentences[1] == "We invested in this many years ago."
    assert found[1] == Anchor(0, 1, False)
    assert {i for i, a in found.items() if not a.answer} == {1, 2, 3}  # three after, within the speech
    assert sentences[7] == "They are."
    assert found[7] == Anchor(6, 1, True) and found[8] == Anchor(6, 2, True)  # the answer to the question
    assert not {9, 10, 11, 12} & set(found)  # after an answer that holds no accepted sentence: nothing


def test_features_read_the_context() -> None:
    _, ctx = _context()
    names = features(ctx, "supply_chain", 1, Anchor(0, 1, False), words=False)
    assert {"T:sup", "d1", "sup:d1", "apH", "own:none", "op0", "open:we", "ana", "len:s", "S:neutral"} <= set(names)
    assert not any(n.startswith("w:") for n in names)
    assert "w:invested" in features(ctx, "supply_chain", 1, Anchor(0, 1, False))


def test_the_shipped_model_reads_context_not_words() -> None:
    model = default_carry()
    assert model is not None and 0.0 < model.bar < 0.5
    assert model.weights and not any(name.startswith("w:") for name in model.weights)


@pytest.mark.fixtures
def test_the_llm_judge_is_asked_about_a_wordless_follow_up(shared_fixtures: Path) -> None:
    """Two sentences into an answer on component shortages, the labelled supply-chain warning "And I'm afraid I
    don't have any great wisdom ... as to when it's going to improve." has no topic word and does not follow a
    flag directly: "the sentence after each flag" never sent it."""
    text, _ = call_text(shared_fixtures, "motley_fool_json/FN_q1_2022.json")
    library = load_topics(CORE)
    sentence = "And I'm afraid I don't have any great wisdom, or any great insight as to when it's going to improve."
    assert not is_candidate(sentence)
    flagged = {(f.sentence, f.topic) for f in flag_text(text, topics=library)}
    assert (sentence, "supply_chain") not in flagged
    sent = [f for f in unsure_flags(text, topics=library) if f.sentence == sentence]
    assert [f.topic for f in sent] == ["supply_chain"]
