"""Flag topic mentions in a document's text: one Flag per sentence and topic, with polarity."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from watchdesk.agents.flagging.polarity import Polarity, judge
from watchdesk.agents.flagging.prefilter import word_keys
from watchdesk.agents.flagging.sentences import Span, split_sentences
from watchdesk.agents.flagging.topics import CompiledTopic, TopicLibrary


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

    `offset` is added to the spans, for text that is a slice of a larger stored document.
    """
    spans = split_sentences(text)
    candidates = _Candidates(text, spans, topics)
    flags: list[tuple[int, int, Flag]] = []
    for rank, topic in enumerate(topics):
        for index in candidates.for_topic(topic):
            start, end = spans[index]
            hits = topic.hits(text, start, end, keys=candidates.keys_of(index))
            if not hits:
                continue  # a false alarm of the pre-filter, or every hit was a look-alike
            sentence = text[start:end]
            focus = [(a - start, b - start) for a, b in hits]
            polarity, score = judge(sentence, topic=topic.name, focus=focus)
            flag = Flag(topic.name, polarity, score, sentence, start + offset, end + offset, section, speaker)
            flags.append((index, rank, flag))
    flags.sort(key=lambda item: item[:2])
    return [flag for _, _, flag in flags]


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
