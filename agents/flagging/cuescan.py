"""Where polarity's regexes may start a match in the sentences the judge reads, from one Hyperscan pass.

On a long text the judge reads a few thousand sentences, each with the cue scanner of every topic it mentions,
then the ignore, neutral, damp, hedge, question and negator regexes: Python's engine tries each at every
character. One pass of Hyperscan over all those sentences, for the heads of all those regexes (heads.py), tells
where each may start a match; polarity.py then tries a regex only there, and not at all where none may. The
sentences are scanned folded (casefold.fold), as the regexes' twins read them, each after a line break.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from watchdesk.agents.flagging import multiscan
from watchdesk.agents.flagging.heads import Head, heads, shortest
from watchdesk.agents.flagging.sentences import Span


class SentenceStarts:
    """Where polarity's regexes may start a match in one folded sentence (offsets into it, in order)."""

    __slots__ = ("_heads_of", "_present", "anywhere", "text")

    def __init__(self, text: str, reports: list[tuple[int, int]], plan: _Plan) -> None:
        self.text = text  # the sentence folded
        self._heads_of = plan.heads_of  # reports: (head id, start)
        self._present = {ident for ident, _ in reports}
        shift = plan.shift
        self.anywhere = sorted({at + shift[ident] for ident, at in reports})  # where any head starts

    def may_match(self, regex: re.Pattern[str]) -> bool | None:
        """Whether `regex` may match in the sentence (one of its heads does); None when not known."""
        wanted = self._heads_of.get(regex.pattern)
        return None if wanted is None else not wanted.isdisjoint(self._present)


class _Plan:
    """A Hyperscan database of the heads of some regexes."""

    def __init__(self, scanner: multiscan.Scanner, shift: list[int], heads_of: dict[str, frozenset[int]]) -> None:
        self.scanner, self.heads_of = scanner, heads_of  # regex pattern -> its heads' ids
        self.shift = shift  # head id -> from where Hyperscan says it starts to where it starts in the sentence


@lru_cache(maxsize=16)
def _plan(patterns: tuple[str, ...]) -> _Plan | None:
    found = {pattern: each for pattern in patterns if (each := heads(pattern)) is not None}
    # a head that starts with another of any regex is scanned as that one: it matches wherever the longer does
    shorter = shortest([head for each in found.values() for head in each])
    ids: dict[Head, int] = {}
    heads_of = {
        pattern: frozenset(ids.setdefault(shorter[head], len(ids)) for head in each) for pattern, each in found.items()
    }
    scanner = multiscan.raw_scanner(tuple(hs for hs, _ in ids), leftmost=True) if ids else None
    # a head that reads the character before it starts one later; the line break before each sentence, one earlier
    return None if scanner is None else _Plan(scanner, [lead - 1 for _, lead in ids], heads_of)


def sentence_starts(
    folded: str, spans: Sequence[Span], indices: Iterable[int], regexes: Iterable[re.Pattern[str]]
) -> dict[int, SentenceStarts] | None:
    """Sentence index -> where each of `regexes` (case-sensitive twins, casefold.py) may start a match in it, for the
    sentences `indices` of `folded` (a folded text); None without Hyperscan or when no regex has heads."""
    plan = _plan(tuple(dict.fromkeys(regex.pattern for regex in regexes)))
    chosen = sorted(set(indices))
    if plan is None or not chosen:
        return None
    texts = [folded[start:end] for start, end in (spans[i] for i in chosen)]
    # each sentence after a line break, so that a head's word-start test holds at its start, as in the sentence
    found = plan.scanner.starts_each([("\n" + text).encode("ascii", "replace") for text in texts])
    return {i: SentenceStarts(text, reports, plan) for i, text, reports in zip(chosen, texts, found, strict=True)}
