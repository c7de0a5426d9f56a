"""Flag topic mentions in a document's text: one Flag per sentence and topic, with polarity."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, wraps
from typing import Concatenate, ParamSpec, TypeVar

from watchdesk.agents.flagging import multiscan
from watchdesk.agents.flagging.carry import blocks_of, continued, default_carry
from watchdesk.agents.flagging.cues import Scoring
from watchdesk.agents.flagging.cuescan import SentenceStarts, sentence_starts
from watchdesk.agents.flagging.listed import lists_stock
from watchdesk.agents.flagging.mentions import CONTEXT_WINDOW, Candidates, Mention, topic_mentions
from watchdesk.agents.flagging.polarity import Polarity, judge, twin_regexes
from watchdesk.agents.flagging.refine import default_refiner
from watchdesk.agents.flagging.scanned import scanned_topics
from watchdesk.agents.flagging.sentences import Span, split_sentences
from watchdesk.agents.flagging.table_rows import is_exhibit_row, is_figures_row
from watchdesk.agents.flagging.topics import CompiledTopic, TopicLibrary, load_topics

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Flag:
    """A sentence that mentions a topic; `start`/`end` are offsets into the stored text."""

    topic: str
    polarity: Polarity
    score: float
    sentence: str
    start: int
    end: int
    section: str | None = None
    speaker: str | None = None
    # whether the learned second pass is sure of this mention (refine.is_sure); None where it did not judge it
    # (a topic without weights, the rules alone, or an LLM's verdict)
    sure: bool | None = None


def _collector_paused(flag: Callable[Concatenate[str, P], R]) -> Callable[Concatenate[str, P], R]:
    """`flag` run with the cyclic garbage collector paused when its text is long (LONG_TEXT).

    Flagging makes many short-lived lists and no reference cycles, so the collector's passes over them free nothing;
    on a long text they cost a tenth of the time (2 MB of a 10-K: ~0.1 s of ~1 s). The collector is restored after,
    and left alone when something else has paused it already (another thread flagging, the caller)."""

    @wraps(flag)
    def run(text: str, /, *args: P.args, **kwargs: P.kwargs) -> R:
        if len(text) < LONG_TEXT or not gc.isenabled():
            return flag(text, *args, **kwargs)
        gc.disable()
        try:
            return flag(text, *args, **kwargs)
        finally:
            gc.enable()

    return run


LONG_TEXT = 100_000  # characters


@_collector_paused
def flag_text(
    text: str,
    *,
    topics: TopicLibrary,
    section: str | None = None,
    speaker: str | None = None,
    offset: int = 0,
    knobs: Scoring | None = None,
    spans: list[Span] | None = None,
    refine: bool = True,
    sentiments: Sequence[str] | None = None,
) -> list[Flag]:
    """Flags for every sentence of `text` that mentions a topic, in text order; a table row of figures is never
    one (table_rows.py), nor inventory named as one account in a list (listed.py).

    Mentions are found as mentions.py explains, follow-ups included. `offset` is added to the
    spans, for text that is a slice of a larger stored document; `knobs` override the shipped
    polarity scoring; `spans` are the sentences of `text` when the caller has split it already.
    With `refine` (the default) the learned second pass of refine.py re-decides the core topics;
    `sentiments`, one sentence sentiment label per span, spare it scoring them again.
    """
    spans = split_sentences(text) if spans is None else spans
    refiner = default_refiner() if refine else None
    if refiner is not None and {t.name for t in topics} & set(refiner.topics):
        # The refiner reads what the rules said of every core topic ("also flagged as supply chain"), as in
        # training: asked for geopolitics alone, the other core topics are judged too (in the same pass), then
        # left out.
        missing = tuple(name for name in refiner.topics if name not in topics)
        judged = TopicLibrary([*topics, *_shipped_library(missing)]) if missing else topics
        rules = rule_verdicts(text, spans, judged, knobs)
        verdicts, sure = refiner.refine_marked([text[a:b] for a, b in spans], rules, sentiments)
    else:
        verdicts, sure = rule_verdicts(text, spans, topics, knobs), {}
    flags: list[tuple[int, int, Flag]] = []
    for rank, topic in enumerate(topics):
        marked = sure.get(topic.name)
        for index, (polarity, score) in verdicts[topic.name].items():
            start, end = spans[index]
            row = text[start:end]
            if is_figures_row(row) or is_exhibit_row(row) or (topic.name == "inventory" and lists_stock(row)):
                continue  # a row of figures or of an exhibit index is not a statement (table_rows.py), nor an
                # account in a list (listed.py)
            flag = Flag(topic.name, polarity, score, text[start:end], start + offset, end + offset, section, speaker,
                        None if marked is None else index in marked)  # fmt: skip
            flags.append((index, rank, flag))
    flags.sort(key=lambda item: item[:2])
    return [flag for _, _, flag in flags]


# Geopolitical mentions are few, and the answers they sit in run on without a trade word ("We stopped shipping in
# the marketplace."): the judge also reads every sentence up to this many after a geopolitical flag in the same
# speech. On our TUNE calls the labelled geopolitical mentions sent rose 0.903 -> 0.958 (window 3: 0.931, 12: no
# more), for 118 -> 223 geopolitical sentences sent over 37 calls; the same for the supply chain (window 3) sent
# 1,762 -> 2,250 sentences for 0.916 -> 0.927, so it stays off there.
FOLLOW_ON = {"geopolitical": 6}
UNSURE = 0.05  # candidates the refiner gives at least this chance of being a mention go to the LLM judge too


def unsure_flags(
    text: str, *, topics: TopicLibrary, low: float = UNSURE, spans: list[Span] | None = None
) -> list[Flag]:
    """Candidate mentions of the core topics in `topics` that the offline pass left out: looked-at sentences it
    gave at least `low` chance, the sentence after each of its flags, and the sentences up to three after a flag
    (or opening the answer to a question holding one) that the carry-over model ranks high (carry.py), and for
    the topics in FOLLOW_ON every sentence that near after a flag in the same speech: where word-less answers and
    follow-ups sit. For a reader that can raise recall, the LLM judge. In text order."""
    refiner = default_refiner()
    wanted = [t.name for t in topics if refiner is not None and t.name in refiner.topics]
    if refiner is None or not wanted:
        return []
    spans = split_sentences(text) if spans is None else spans
    verdicts = rule_verdicts(text, spans, _shipped_library(tuple(refiner.topics)))
    scored = refiner.scores([text[a:b] for a, b in spans], verdicts, floor=low)
    carry = default_carry()
    thresholds = {name: model.threshold for name, model in refiner.topics.items()}
    carried = None if carry is None else continued(carry, text, spans, verdicts, scored, thresholds)
    found = []
    for rank, name in enumerate(wanted):
        threshold = refiner.topics[name].threshold
        flagged = {i for i, (p, _) in scored[name].items() if p >= threshold}
        unsure = {i: v for i, (p, v) in scored[name].items() if p < threshold}
        after = {i + 1 for i in flagged if i + 1 < len(spans)} | (carried or {}).get(name, set())
        if name in FOLLOW_ON:
            blocks = blocks_of(text, spans)
            window = FOLLOW_ON[name]
            after |= {
                j for i in flagged for j in range(i + 1, min(len(spans), i + 1 + window)) if blocks[j] == blocks[i]
            }
        unsure |= {i: ("neutral", 0.0) for i in after - flagged - set(unsure)}
        for i, (polarity, score) in unsure.items():
            a, b = spans[i]
            if is_figures_row(text[a:b]) or (name == "inventory" and lists_stock(text[a:b])):
                continue
            found.append((i, rank, Flag(name, polarity, score, text[a:b], a, b)))
    found.sort(key=lambda item: item[:2])
    return [flag for _, _, flag in found]


@cache
def _shipped_library(names: tuple[str, ...]) -> TopicLibrary:
    return load_topics(names)


def rule_verdicts(
    text: str, spans: list[Span], topics: TopicLibrary, knobs: Scoring | None = None
) -> dict[str, dict[int, tuple[Polarity, float]]]:
    """The rules' verdicts alone: topic -> sentence index -> (polarity, score)."""
    candidates = Candidates(text, spans, topics)
    mentions = {topic.name: topic_mentions(text, spans, topic, candidates) for topic in topics}
    starts = _prescanned_cues(text, spans, candidates, mentions, topics)
    return {
        topic.name: {i: (p, sc) for i, p, sc in _judged(text, spans, mentions[topic.name], topic, knobs, starts)}
        for topic in topics
    }


def _prescanned_cues(
    text: str,
    spans: list[Span],
    candidates: Candidates,
    mentions: dict[str, dict[int, Mention]],
    topics: TopicLibrary,
) -> dict[int, SentenceStarts] | None:
    """Where the judge's regexes may match in each sentence it reads, on a long text (cuescan.py), with the heads of
    the warmed selection that holds `topics` (scanned.py): more heads only add places to try a regex."""
    folded = candidates.folded
    if folded is None or len(folded) != len(text) or len(text) < multiscan.MIN_CHARS:
        return None
    indices = {i for found in mentions.values() for i in found}
    return sentence_starts(folded, spans, indices, twin_regexes([t.name for t in scanned_topics(topics)]))


def _judged(
    text: str,
    spans: list[Span],
    mentions: dict[int, Mention],
    topic: CompiledTopic,
    knobs: Scoring | None,
    starts: dict[int, SentenceStarts] | None,
) -> list[tuple[int, Polarity, float]]:
    """(sentence index, polarity, score) of each mention of `topic`, in text order.

    A follow-up without any cue of its own inherits part of the verdict of the mention just
    before it ("...as we don't have a product for China?" after "a market we will not be able
    to serve").
    """
    judged: list[tuple[int, Polarity, float]] = []
    for index, (hits, follow_up) in mentions.items():
        start, end = spans[index]
        prior = None
        if follow_up and judged and index - judged[-1][0] <= CONTEXT_WINDOW:
            prior = judged[-1][2]  # follow-ups only exist within the window and the same block
        focus = [(a - start, b - start) for a, b in hits]
        where = starts.get(index) if starts is not None else None
        polarity, score = judge(text[start:end], topic=topic.name, focus=focus, prior=prior, knobs=knobs, starts=where)
        judged.append((index, polarity, score))
    return judged
