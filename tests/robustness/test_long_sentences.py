"""Flagging stays linear whatever the punctuation (issue 13, item 1).

The bug: text without sentence breaks made one huge "sentence", and polarity compared every cue with
every mention in it, so 500 KB took 10.7 s and 5 MB over 300 s. The splitter now caps a sentence's
length; the 5 MB case is timed by `make bench-long-text`.
"""

from __future__ import annotations

import time

from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.sentences import MAX_SENTENCE, PIECE, split_sentences
from watchdesk.agents.flagging.topics import load_topics

CLAUSE = "inventory levels rose as customers digested supply, and export restrictions on china weighed on demand"


def test_no_sentence_is_longer_than_the_cap() -> None:
    text = " ".join([CLAUSE] * 2000)
    spans = split_sentences(text)
    assert max(b - a for a, b in spans) <= MAX_SENTENCE
    assert len(spans) > len(text) // MAX_SENTENCE


def test_an_over_long_sentence_is_cut_after_a_clause_end() -> None:
    spans = split_sentences(" ".join([CLAUSE] * 200))
    assert all(s.endswith(",") or s.endswith("demand") for s in (" ".join([CLAUSE] * 200)[a:b] for a, b in spans))


def test_text_without_spaces_is_cut_into_pieces() -> None:
    text = "x" * (MAX_SENTENCE * 3 + 5)
    spans = split_sentences(text)
    assert spans[:2] == [(0, PIECE), (PIECE, 2 * PIECE)] and spans[-1][1] == len(text)
    assert all(b - a <= PIECE for a, b in spans)


def test_a_long_sentence_under_the_cap_is_left_whole() -> None:
    sentence = ", ".join([CLAUSE] * 20)[: MAX_SENTENCE - 1] + "."
    assert split_sentences(sentence) == [(0, len(sentence))]


def test_flagging_time_grows_linearly_without_sentence_breaks() -> None:
    library = load_topics()

    def cpu_seconds(size: int) -> float:
        text = (" ".join([CLAUSE] * (size // len(CLAUSE) + 1)))[:size]
        start = time.process_time()
        flag_text(text, topics=library)
        return time.process_time() - start

    # Compile outside the timings: the cue regexes, and what only a long text builds (a Hyperscan database and the
    # cue heads, 2-3 s in a process with no regex cache on disk; run alone, the test used to time that compile
    # inside `large` and fail at 20x; in the whole suite earlier tests had built them).
    cpu_seconds(120_000)
    small, large = min(cpu_seconds(50_000) for _ in range(2)), cpu_seconds(400_000)
    assert large < 8 * small * 2  # 8x the text: linear with slack for noise, where quadratic was about 64x
