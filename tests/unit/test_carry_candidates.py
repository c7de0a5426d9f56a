"""The carry-over experiment's candidates and features (tests/packs/carry.py): sentences after an accepted one in
the same speech, and the first sentences of an answer to a question speech that holds one, never across a speech
that asks nothing."""

from __future__ import annotations

from watchdesk.agents.flagging.carry import Anchor, Context, blocks_of, candidates, features
from watchdesk.agents.flagging.sentences import split_sentences

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
