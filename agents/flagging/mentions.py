"""Where a topic is mentioned: direct hits, document-wide hits and follow-ups, by sentence.

Direct hits are the topic's phrases and patterns (found through the word-key pre-filter, see
prefilter.py). In a document with at least `document_min` direct hits, the topic's `document`
patterns count too. A sentence with one of the topic's `context` patterns counts when one of the
CONTEXT_WINDOW sentences before it, in the same paragraph or statement, mentions the topic.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import lru_cache
from heapq import heappop, heappush
from typing import NamedTuple

from watchdesk.agents.flagging import multiscan
from watchdesk.agents.flagging.casefold import fold
from watchdesk.agents.flagging.prefilter import KEY_LEN, word_keys
from watchdesk.agents.flagging.prescan import Prescan, alone, prescans
from watchdesk.agents.flagging.regex_cache import compile_cached
from watchdesk.agents.flagging.scanned import scanned_topics
from watchdesk.agents.flagging.sentences import Span
from watchdesk.agents.flagging.topics import CompiledTopic, TopicLibrary

# A follow-up may come right after a mention or a sentence or two later ("We're thinking about
# it." between two sentences on the same export limits).
CONTEXT_WINDOW = 3
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@lru_cache(maxsize=4096)
def _key_regex(key: str) -> re.Pattern[str]:
    """Finds a word whose key (prefilter.word_keys) is `key`: one starting with it, or, shorter, just it. The test
    for a word start comes after the key, so that the engine can skip ahead to the key's letters (lookbehind.py)."""
    word = re.escape(key)
    return compile_cached(rf"{word}(?<!\w{word})" + ("" if len(key) >= KEY_LEN else r"(?!\w)"))


class Mention(NamedTuple):
    """Where a sentence mentions a topic, and whether it does so by itself or as a follow-up."""

    hits: list[Span]
    follow_up: bool = False


def same_block(text: str, first: Span, second: Span) -> bool:
    """True when no blank line separates two sentences: context never crosses a paragraph or statement."""
    return _BLANK_LINE.search(text, first[1], second[0]) is None


def topic_mentions(text: str, spans: list[Span], topic: CompiledTopic, candidates: Candidates) -> dict[int, Mention]:
    """Sentence index -> spans of the topic's mentions in it: direct, document-wide and follow-ups."""
    if candidates.folded is not None and topic.folded is not None:  # same spans, case-sensitive (casefold.py)
        text, topic = candidates.folded, topic.folded
        scan = candidates.prescan(topic) if topic.index is not None else None
        if scan is not None:
            return _prescanned(text, spans, topic, candidates, scan)
    found: dict[int, Mention] = {}
    for index in candidates.for_topic(topic, text):
        hits = topic.hits(text, *spans[index], keys=candidates.keys_of(index))
        if hits:  # else a false alarm of the pre-filter, or every hit was a look-alike
            found[index] = Mention(hits)
    if topic.document is not None and len(found) >= topic.spec.document_min:
        for index in candidates.for_keys(topic.document_keys, topic.document, text):
            if index not in found and (hits := topic.document_hits(text, *spans[index])):
                found[index] = Mention(hits)
    if topic.context is not None and found:
        _add_follow_ups(text, spans, topic, found)
    return dict(sorted(found.items()))


def _prescanned(
    text: str, spans: list[Span], topic: CompiledTopic, candidates: Candidates, scan: Prescan
) -> dict[int, Mention]:
    """topic_mentions after Hyperscan's pre-scan: the same regexes on the same sentences, skipping only those it
    rules out (a word key none of whose alternatives may match, an exclude regex none of whose patterns may)."""
    bare = replace(topic, exclude=None)  # for sentences no exclude pattern can match in
    found: dict[int, Mention] = {}
    for index, live in scan.direct.items():
        keys = candidates.keys_among(index, live.keys())
        regexes = [_regex(topic, key, live[key], scan.alternatives) for key in keys]
        hits = (topic if index in scan.exclude else bare).hits(text, *spans[index], regexes=regexes)
        if hits:
            found[index] = Mention(hits)
    if topic.document is not None and len(found) >= topic.spec.document_min:
        if topic.document_keys is None:
            indices = candidates.for_keys(None, topic.document, text)
        else:
            wanted = topic.document_keys
            indices = [i for i in sorted(scan.document) if candidates.keys_among(i, wanted)]
        for index in indices:
            if index not in found and (hits := topic.document_hits(text, *spans[index])):
                found[index] = Mention(hits)
    if topic.context is not None and found:
        _add_follow_ups(text, spans, topic, found, scan)
    return dict(sorted(found.items()))


def _regex(topic: CompiledTopic, key: str, live: set[int], alternatives: Sequence[str]) -> re.Pattern[str]:
    """The regex of word key `key`, or of its one alternative that may match (the same matches, found faster)."""
    assert topic.index is not None
    if len(live) == 1 and (regex := alone(alternatives[next(iter(live))])) is not None:
        return regex
    return topic.index.by_key[key]


def _add_follow_ups(
    text: str, spans: list[Span], topic: CompiledTopic, found: dict[int, Mention], scan: Prescan | None = None
) -> None:
    """Add the follow-ups of `found`; with `scan`, only where a context pattern may match."""
    bare = replace(topic, exclude=None) if scan is not None else topic
    queue = sorted(found)
    while queue:  # a follow-up can carry the topic on to the next follow-up ("the limits" ... "the limits")
        index = heappop(queue)
        for after in range(index + 1, min(index + 1 + CONTEXT_WINDOW, len(spans))):
            if not same_block(text, spans[index], spans[after]):
                break  # context never reaches into another paragraph or speaker's statement
            if after in found or (scan is not None and after not in scan.context):
                continue
            hits = (topic if scan is None or after in scan.exclude else bare).context_hits(text, *spans[after])
            if hits:
                found[after] = Mention(hits, follow_up=True)
                heappush(queue, after)


class Candidates:
    """Which sentences might mention a topic, found cheaply before any topic regex runs.

    Each sentence's word keys are computed once (see prefilter.py) and indexed by key, so a
    topic's candidates are a union of short lists; a topic whose regex has no keys falls back
    to one scan of its combined regex. On a long text, when Hyperscan is installed, one pass of it
    over every topic's patterns narrows that down first (prescan.py).
    """

    def __init__(self, text: str, spans: list[Span], topics: TopicLibrary) -> None:
        self._text, self._spans = text, spans
        self.folded = fold(text)  # the text lower-cased, when the topics' case-sensitive twins may run on it
        keyed = [k for t in topics for k in (t.keys, t.document_keys) if k is not None]
        self._wanted = frozenset().union(*keyed)
        self._keys: list[set[str]] | None = None
        self._by_key: dict[str, list[int]] = {}
        self._topics = list(topics)
        self._prescans: dict[str, Prescan] | None = None
        self._data = None  # the folded text as Hyperscan reads it, on a text long enough to pre-scan
        if self.folded is not None and len(self.folded) == len(text) >= multiscan.MIN_CHARS:
            self._data = multiscan.scan_bytes(self.folded)
            self._ends = [b for _, b in spans]

    def keys_of(self, index: int) -> set[str] | None:
        return None if self._keys is None else self._keys[index]

    def keys_among(self, index: int, keys: Collection[str]) -> set[str]:
        """Those of `keys` that are word keys of one sentence (prefilter.word_keys, on the folded text: see
        __init__), each looked for on its own: a sentence needs a few, all of them cost more to list."""
        if self._keys is not None:
            return self._keys[index] & set(keys)
        start, end = self._spans[index]
        return {key for key in keys if _key_regex(key).search(self.folded or "", start, end)}

    def prescan(self, topic: CompiledTopic) -> Prescan | None:
        """Where a folded `topic`'s patterns may match, from one Hyperscan pass for all topics (prescan.py, with the
        database of the warmed selection that holds them: scanned.py); None: not known."""
        if self._data is None:
            return None
        if self._prescans is None:
            folded = [t.folded for t in scanned_topics(self._topics) if t.folded is not None]
            wanted = {t.name for t in self._topics}
            self._prescans = prescans(folded, self._data, self._spans, self._ends, wanted=wanted)
        scan = self._prescans.get(topic.name)
        return scan if scan is not None and scan.spec is topic.spec else None

    def for_topic(self, topic: CompiledTopic, text: str) -> list[int]:
        return self.for_keys(topic.keys, topic.regex, text)

    def for_keys(self, wanted: frozenset[str] | None, regex: re.Pattern[str], text: str) -> list[int]:
        """Sentences holding one of the `wanted` keys; without keys, those where `regex` fires in `text` (the
        text or its folded form, whichever `regex` is for)."""
        if wanted is None:
            return _candidate_sentences(text, regex, self._spans)
        if self._keys is None:
            self._keys = _sentence_keys(self._text, self._spans, self.folded)
            for i, keys in enumerate(self._keys):
                for key in keys & self._wanted:  # index only keys some topic asks for
                    self._by_key.setdefault(key, []).append(i)
        found: set[int] = set()
        for key in wanted & self._by_key.keys():
            found.update(self._by_key[key])
        return sorted(found)


def _sentence_keys(text: str, spans: list[Span], lower: str | None) -> list[set[str]]:
    lower = text.lower() if lower is None else lower
    if len(lower) != len(text):  # a few characters grow when lower-cased; offsets would drift
        return [word_keys(text[a:b].lower()) for a, b in spans]
    return [word_keys(lower, a, b) for a, b in spans]


def _candidate_sentences(text: str, regex: re.Pattern[str], spans: list[Span]) -> list[int]:
    """Indices of sentences where `regex` fires, in one scan of the whole text.

    After a hit the scan jumps to the end of that sentence: one hit is enough to look closer.
    """
    starts = [s for s, _ in spans]
    found: list[int] = []
    pos = 0
    while (m := regex.search(text, pos)) is not None:
        index = bisect_right(starts, m.start()) - 1
        if index >= 0 and m.start() < spans[index][1]:
            found.append(index)
            pos = spans[index][1]
        elif index + 1 < len(spans):  # the hit fell between sentences (a bullet, a break)
            pos = starts[index + 1]
        else:
            break
    return found
