"""The context study's reading of a plain-text call (tests/packs/context_study.md): the transcript parser's
statements, as `watchdesk flag` reads the file, with every labelled sentence found in order in them."""

from __future__ import annotations

from pathlib import Path

from tests.labels.calls import call_text, own_rows
from tests.packs.context_study import statements_text
from watchdesk.agents.flagging.carry import blocks_of
from watchdesk.agents.flagging.sentences import split_sentences


def test_a_plain_text_call_is_read_as_its_statements_with_every_labelled_sentence_found(
    shared_fixtures: Path,
) -> None:
    name = "plaintext_2023_2025/MU_2024_Q4.txt"
    assert any(r["file"] == name for r in own_rows(shared_fixtures, "tune"))
    whole, whole_starts = call_text(shared_fixtures, name)
    text, starts = statements_text(shared_fixtures, name)
    spans = split_sentences(text)
    assert blocks_of(whole, split_sentences(whole))[-1] == 0  # the labels' reading: one text
    assert blocks_of(text, spans)[-1] >= 10  # the parser's: a statement per speaker turn it finds
    assert len(starts) == len(whole_starts) and list(starts) == sorted(starts)
    for k in (0, len(starts) // 2, len(starts) - 1):  # each start opens the same words in both readings
        end = whole_starts[k + 1] if k + 1 < len(whole_starts) else len(whole)
        tail = whole[whole_starts[k]:end].split()[-3:]
        assert " ".join(tail) in text[starts[k]:starts[k] + 2000]


def test_a_json_call_is_read_as_before(shared_fixtures: Path) -> None:
    name = "motley_fool_json/KO_q4_2021.json"
    assert statements_text(shared_fixtures, name) == call_text(shared_fixtures, name)


def test_the_masked_tone_reads_the_sentence_without_the_topics_own_nouns() -> None:
    """masked-tone: "Channel inventory is healthy." read without "channel inventory". When the study ran it read
    negative whole; the cause was "healthy" taken for a rise in a bad metric, and since flagging v0.24
    (sentiment.cues.EVALUATIVE) it reads positive whole too."""
    from tests.packs.context_study import MASK, masked_tone
    from watchdesk.agents.flagging.sentiment import score_one

    sentence = "Channel inventory is healthy."
    assert " ".join(MASK.sub(" ", sentence).split()) == "is healthy."
    assert score_one(sentence)[0] == "positive" and masked_tone(sentence)[0] != "negative"
    assert masked_tone("Supply chain") == score_one("Supply chain")  # nothing left: the sentence itself
