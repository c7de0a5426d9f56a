"""Flag topic mentions in a document's text: one Flag per sentence and topic, with polarity."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from heapq import heappop, heappush

from watchdesk.agents.flagging.polarity import Polarity, judge
from watchdesk.agents.flagging.prefilter import word_keys
from watchdesk.agents.flagging.sentences import Span, split_sentences
from watchdesk.agents.flagging.topics import CompiledTopic, TopicLibrary

# A follow-up may come right after a mention or one sentence later ("We're thinking about it."
# between two sentences on the same export limits).
CONTEXT_WINDOW = 2
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


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


def flag_text(
    text: str,
    *,
    topics: TopicLibrary,
    section: str | None = None,
    speaker: str | None = None,
    offset: int = 0,
) -> list[Flag]:
    """Flags for every sentence of `text` that mentions a topic, in text order.

    A sentence also counts when it holds one of the topic's follow-up phrases (`context` in
    topics.toml) and one of the CONTEXT_WINDOW sentences before it, in the same paragraph,
    mentions the topic. `offset` is added to the spans, for text that is a slice of a larger
    stored document.
    """
    spans = split_sentences(text)
    candidates = _Candidates(text, spans, topics)
    flags: list[tuple[int, int, Flag]] = []
    for rank, topic in enumerate(topics):
        for index, hits in _mentions(text, spans, topic, candidates).items():
            start, end = spans[index]
            sentence = text[start:end]
            focus = [(a - start, b - start) for a, b in hits]
            polarity, score = judge(sentence, topic=topic.name, focus=focus)
            flag = Flag(topic.name, polarity, score, sentence, start + offset, end + offset, section, speaker)
            flags.append((index, rank, flag))
    flags.sort(key=lambda item: item[:2])
    return [flag for _, _, flag in flags]


def _mentions(text: str, spans: list[Span], topic: CompiledTopic, candidates: _Candidates) -> dict[int, list[Span]]:
    """Sentence index -> spans of the topic's mentions in it, direct ones and follow-ups."""
    direct: dict[int, list[Span]] = {}
    for index in candidates.for_topic(topic):
        hits = topic.hits(text, *spans[index], keys=candidates.keys_of(index))
        if hits:  # else a false alarm of the pre-filter, or every hit was a look-alike
            direct[index] = hits
    if topic.context is None or not direct:
        return direct
    found = dict(direct)
    queue = sorted(direct)
    while queue:  # a follow-up can carry the topic on to the next follow-up ("the limits" ... "the limits")
        index = heappop(queue)
        for after in range(index + 1, min(index + 1 + CONTEXT_WINDOW, len(spans))):
            if _BLANK_LINE.search(text, spans[index][1], spans[after][0]):
                break  # context never reaches into another paragraph or speaker's statement
            if after in found:
                continue
            hits = topic.context_hits(text, *spans[after])
            if hits:
                found[after] = hits
                heappush(queue, after)
    return dict(sorted(found.items()))


class _Candidates:
    """Which sentences might mention a topic, found cheaply before any topic regex runs.

    Each sentence's word keys are computed once (see prefilter.py) and indexed by key, so a
    topic's candidates are a union of short lists; a topic whose regex has no keys falls back
    to one scan of its combined regex.
    """

    def __init__(self, text: str, spans: list[Span], topics: TopicLibrary) -> None:
        self._text, self._spans = text, spans
        self._wanted = frozenset().union(*(t.keys for t in topics if t.keys is not None))
        self._keys: list[set[str]] | None = None
        self._by_key: dict[str, list[int]] = {}

    def keys_of(self, index: int) -> set[str] | None:
        return None if self._keys is None else self._keys[index]

    def for_topic(self, topic: CompiledTopic) -> list[int]:
        wanted = topic.keys
        if wanted is None:
            return _candidate_sentences(self._text, topic, self._spans)
        if self._keys is None:
            self._keys = _sentence_keys(self._text, self._spans)
            for i, keys in enumerate(self._keys):
                for key in keys & self._wanted:  # index only keys some topic asks for
                    self._by_key.setdefault(key, []).append(i)
        found: set[int] = set()
        for key in wanted & self._by_key.keys():
            found.update(self._by_key[key])
        return sorted(found)


def _sentence_keys(text: str, spans: list[Span]) -> list[set[str]]:
    lower = text.lower()
    if len(lower) != len(text):  # a few characters grow when lower-cased; offsets would drift
        return [word_keys(text[a:b].lower()) for a, b in spans]
    return [word_keys(lower, a, b) for a, b in spans]


def _candidate_sentences(text: str, topic: CompiledTopic, spans: list[Span]) -> list[int]:
    """Indices of sentences where the topic's combined regex fires, in one scan of the whole text.

    After a hit the scan jumps to the end of that sentence: one hit is enough to look closer.
    """
    starts = [s for s, _ in spans]
    found: list[int] = []
    pos = 0
    while (m := topic.regex.search(text, pos)) is not None:
        index = bisect_right(starts, m.start()) - 1
        if index >= 0 and m.start() < spans[index][1]:
            found.append(index)
            pos = spans[index][1]
        elif index + 1 < len(spans):  # the hit fell between sentences (a bullet, a break)
            pos = starts[index + 1]
        else:
            break
    return found
