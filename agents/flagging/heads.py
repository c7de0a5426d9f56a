"""Where a regex may start a match, from a Hyperscan pass for its *heads*: short patterns that begin every match.

A head of a case-insensitive pattern is a sequence of one-character items (literals, classes), each maybe repeated
as a run ("in\\s+the"), that every match of its folded twin (casefold.py) starts with, translated as multiscan.py
translates (ASCII classes, "?" for any other character; the text scanned folded, one byte a character). A run
follows only a character it cannot hold, so a head matching up to some end starts at one place only, and
Hyperscan's leftmost start of match is where it starts. Every match of the regex starts where one of its heads
matches: at any other place it cannot match, and callers try it only at the reported places (cuescan.py).

Look-arounds are dropped, so a head matches more than the regex; a word-start test at the head, `\\b` or
`(?<!\\w)`, is kept as Hyperscan's `\\b` before a letter, which holds wherever Python's does (an ASCII word
character is a word character to both; any other is "?", which is none to Hyperscan), and as a character that is
no letter read before the head otherwise. Past its first character a head follows alternatives and optional parts
up to MAX_HEADS of them, and MAX_WIDTH characters; where a head cannot be told (a pattern that can match nothing,
back-references) `heads` returns None and callers run the regex as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from watchdesk.agents.flagging import multiscan
from watchdesk.agents.flagging.casefold import lower_parsed
from watchdesk.agents.flagging.multiscan import _c, _parser  # re's private modules, None when they moved
from watchdesk.agents.flagging.regex_cache import memo

MAX_WIDTH = 8  # characters (or runs of them) a head is taken to: longer ones rule out little more
MAX_HEADS = 64  # alternatives one head follows past its first character
_WORD = frozenset(b"0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NOT_WORD = "[^0-9A-Za-z_]"  # read before a head, not counted in its width: callers scan text after a line break

Head = tuple[str, int]  # a Hyperscan pattern, and 1 when it reads the character before the head too, else 0


class _NoHead(Exception):
    pass


def heads(pattern: str) -> tuple[Head, ...] | None:
    """The heads of case-insensitive `pattern` (see the module's docstring), or None (cached on disk)."""
    return memo("heads", pattern, lambda: _heads(pattern), encode=_encode, decode=_decode)


def _encode(value: tuple[Head, ...] | None) -> list[list[Any]] | None:
    return None if value is None else [list(head) for head in value]


def _decode(value: Any) -> tuple[Head, ...] | None:
    if value is None:
        return None
    return tuple((str(pattern), int(width)) for pattern, width in value)


def _heads(pattern: str) -> tuple[Head, ...] | None:
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
        if not lower_parsed(parsed):
            return None
        found = _Walk(parsed.state).walk(list(parsed.data), [], False)
    except (re.error, RecursionError, _NoHead, multiscan.Untranslatable):
        return None
    return tuple(sorted(set(shortest(found).values())))


def shortest(found: Iterable[Head]) -> dict[Head, Head]:
    """Each head of `found` -> the shortest one of `found` it starts with (itself, if none): where it matches, that
    one does too. Sorted, a head that starts with another comes after it, and after every head between them, which
    starts with it too."""
    kept: dict[Head, Head] = {}
    last: Head | None = None
    for head in sorted(set(found)):
        if last is None or not head[0].startswith(last[0]) or head[1] != last[1]:
            last = head
        kept[head] = last
    return kept


Segment = tuple[list[int], int, int]  # the bytes one character may be, and how many of them (low, high)


class _Walk:
    def __init__(self, state: Any) -> None:
        self.state = state
        self.budget = MAX_HEADS
        self.known: dict[str, list[int]] = {}

    def walk(self, items: list[Any], chars: list[Segment], boundary: bool) -> list[Head]:
        """Heads of `items` after the `chars` already read (with a word-start test before them)."""
        for i, (op, av) in enumerate(items):
            if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero-width: dropped, unless a word start before a head
                boundary = boundary or (not chars and _word_start(op, av))
                continue
            if op in _ONE_CHAR:
                chars = [*chars, (self.members(op, av), 1, 1)]
                if len(chars) == MAX_WIDTH:
                    return [_head(chars, boundary)]
                continue
            rest = items[i + 1 :]
            if op is _c.SUBPATTERN:
                return self.walk([*av[3].data, *rest], chars, boundary)
            if op is _c.ATOMIC_GROUP:
                return self.walk([*av.data, *rest], chars, boundary)
            if op is _c.BRANCH:
                return self._either([[*alternative.data, *rest] for alternative in av[1]], chars, boundary)
            if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
                return self._repeat(av, rest, chars, boundary)
            raise _NoHead(op)
        if not chars:
            raise _NoHead("a match may be empty")
        return [_head(chars, boundary)]

    def _either(self, paths: list[list[Any]], chars: list[Segment], boundary: bool) -> list[Head]:
        """Heads of whichever of `paths` matches; past the budget, the characters read so far alone."""
        if not chars:  # each path starts heads of its own, each with the whole budget
            found = []
            for path in paths:
                self.budget = MAX_HEADS
                found += self.walk(path, chars, boundary)
            return found
        if self.budget < len(paths):
            return [_head(chars, boundary)]
        self.budget -= len(paths)
        return [head for path in paths for head in self.walk(path, chars, boundary)]

    def _repeat(self, av: Any, rest: list[Any], chars: list[Segment], boundary: bool) -> list[Head]:
        low, high, inner = av
        if not chars:
            if inner.getwidth()[0] == 0:
                raise _NoHead("a repeat that may match nothing")
            first = list(inner.data)  # a match begins with the first repetition, or skips them all
            return self.walk(first, [], boundary) if low else self._either([first, rest], [], boundary)
        run = self._run(inner)
        if low and run is not None and run.isdisjoint(chars[-1][0]):
            # a run of one class after a character it cannot hold: where it starts is known from where it ends
            segment = (sorted(run), low, -1 if high is _c.MAXREPEAT else high)
            return self.walk(rest, [*chars, segment], boundary)
        if (low, high) == (0, 1) and inner.getwidth()[0] > 0:
            return self._either([[*inner.data, *rest], rest], chars, boundary)
        return [_head(chars, boundary)]  # what follows varies in width: a head of what was read so far

    def _run(self, inner: Any) -> set[int] | None:
        """The bytes of a repeated one-character item, else None."""
        if len(inner.data) != 1 or inner.data[0][0] not in _ONE_CHAR:
            return None
        return set(self.members(*inner.data[0]))

    def members(self, op: Any, av: Any) -> list[int]:
        """multiscan.members, remembered: the same few classes recur in every alternative."""
        key = f"{op}:{av!r}"
        if key not in self.known:
            self.known[key] = multiscan.members(self.state, op, av)
        return self.known[key]


_ONE_CHAR = (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY) if _c is not None else ()


def _head(chars: list[Segment], boundary: bool) -> Head:
    """The Hyperscan pattern of `chars`, and 1 when it reads the character before the head too, else 0."""
    text = "".join(_charset(tuple(members)) + _count(low, high) for members, low, high in chars)
    if not boundary:
        return text, 0
    if _WORD.issuperset(chars[0][0]):  # before a letter Hyperscan's \b
        return r"\b" + text, 0
    return _NOT_WORD + text, 1  # before "?" (any other character): a character that is no letter, read too


def _count(low: int, high: int) -> str:
    if (low, high) == (1, 1):
        return ""
    return f"{{{low},{'' if high < 0 else high}}}"


@lru_cache(maxsize=1024)
def _charset(members: tuple[int, ...]) -> str:
    if len(members) == 1:
        return f"\\x{members[0]:02x}"
    return "[" + "".join(f"\\x{code:02x}" for code in members) + "]"


def _word_start(op: Any, av: Any) -> bool:
    """`\\b`, or `(?<!\\w)`: the next character, when it is a word character, starts a word."""
    if op is _c.AT:
        return av is _c.AT_BOUNDARY
    direction, inner = av
    return op is _c.ASSERT_NOT and direction == -1 and inner.data == [(_c.IN, [(_c.CATEGORY, _c.CATEGORY_WORD)])]
