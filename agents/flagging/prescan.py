"""Where each topic's patterns may match in a long document, from one Hyperscan pass over all of them (multiscan.py).

For each topic: the sentences where one of its phrases and patterns may match, and which (so that only the
word-key regexes holding one run, see prefilter.KeyIndex); and the sentences where one of its context, document
and exclude patterns may. Everything outside is ruled out: the Python regexes would find nothing there.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from watchdesk.agents.flagging import multiscan
from watchdesk.agents.flagging.casefold import twin
from watchdesk.agents.flagging.regex_cache import compile_cached
from watchdesk.agents.flagging.sentences import Span
from watchdesk.agents.flagging.topics import AnyTopic, CompiledTopic, flex_all

_DIRECT, _CONTEXT, _DOCUMENT, _EXCLUDE = range(4)


class Prescan(NamedTuple):
    """Where one topic's patterns may match: sentence -> what may match there."""

    spec: AnyTopic  # the topic this is for
    alternatives: Sequence[str]  # every pattern scanned for, by index (of all topics)
    direct: dict[int, dict[str, set[int]]]  # sentence -> word key -> its alternatives (indices) that may match
    context: set[int]
    document: set[int]
    exclude: set[int]


Route = tuple[str, int, tuple[str, ...]]  # a pattern's topic, its role there and, for a phrase, its word keys


def prescans(
    topics: Iterable[CompiledTopic],
    data: bytes,
    spans: Sequence[Span],
    ends: list[int],
    *,
    wanted: Collection[str] | None = None,
) -> dict[str, Prescan]:
    """Topic name -> its Prescan, for each folded topic (casefold.py) whose patterns all translate; `data` is
    multiscan.scan_bytes of the folded text, `ends` the ends of `spans`. With `wanted`, only those topics' Prescans:
    the others' patterns are scanned for too, their matches unused (scanned.py)."""
    chosen = [t for t in topics if t.index is not None and all(multiscan.loose(p) is not None for p in _all(t))]
    patterns: dict[str, int] = {}
    routes: list[list[Route]] = []
    for topic in chosen:
        for pattern, route in _routes(topic):
            ident = patterns.setdefault(pattern, len(patterns))
            if ident == len(routes):
                routes.append([])
            if wanted is None or topic.name in wanted:
                routes[ident].append(route)
    scanner = multiscan.scanner(tuple(patterns)) if patterns else None
    if scanner is None:
        return {}
    alternatives = list(patterns)
    found = {
        t.name: Prescan(t.spec, alternatives, {}, set(), set(), set())
        for t in chosen
        if wanted is None or t.name in wanted
    }
    for index, idents in scanner.sentences(data, spans, ends).items():
        for ident in idents:
            for name, role, keys in routes[ident]:
                scan = found[name]
                if role == _DIRECT:
                    by_key = scan.direct.setdefault(index, {})
                    for key in keys:
                        by_key.setdefault(key, set()).add(ident)
                else:
                    (scan.context, scan.document, scan.exclude)[role - 1].add(index)
    return found


def _all(topic: CompiledTopic) -> list[str]:
    return [pattern for pattern, _ in _routes(topic)]


def _routes(topic: CompiledTopic) -> list[tuple[str, Route]]:
    assert topic.index is not None
    keys_of: dict[str, list[str]] = {}
    for key, alternatives in topic.index.groups.items():
        for alternative in alternatives:
            keys_of.setdefault(alternative, []).append(key)
    out = [(p, (topic.name, _DIRECT, tuple(keys))) for p, keys in keys_of.items()]
    spec = topic.spec
    for role, extra in ((_CONTEXT, spec.context), (_DOCUMENT, spec.document), (_EXCLUDE, spec.exclude)):
        out += [(p, (topic.name, role, ())) for p in flex_all(extra)] if extra else []
    return out


@lru_cache(maxsize=4096)
def alone(alternative: str) -> re.Pattern[str] | None:
    """The folded word-key regex of one alternative (prefilter.KeyIndex), for a sentence where no other may match."""
    return twin(compile_cached(rf"(?<!\w)(?:{alternative})(?!\w)", re.IGNORECASE))

