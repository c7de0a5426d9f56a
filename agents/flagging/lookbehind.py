"""Move a pattern's leading look-arounds past its first letter, so the regex engine can skip to that letter.

The flagging regexes start with `(?<!\\w)` (a word starts here) and, grouped by prefilter.factor_by_first_char,
`(?=a)` (the letter it starts with). A pattern that starts with a zero-width test makes the engine try a match at
every position of the text. Moved behind the first letter, `a(?<!\\wa)` instead of `(?<!\\w)(?=a)a`, the same test
lets the engine skip in C to the letters a match can start with and try only the branches starting there. A
look-behind that ends one character later, with that character added, holds exactly when the original held; a
look-ahead for one character is kept only where the letter does not settle it.

Works on the parse tree of a case-sensitive pattern (casefold.py's twins), in place; where the head is not a
plain letter or class (an optional group, a repeat) the look-arounds stay where they are.
"""

from __future__ import annotations

import importlib
from typing import Any

_c: Any
_parser: Any
try:  # private, as in prefilter.py
    _c = importlib.import_module("re._constants")
    _parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _c = _parser = None

Items = list[tuple[Any, Any]]
_MAX_SPLITS = 200  # optional heads a pattern may be split at (each split doubles what follows it)
_MIN_PREFIX = 1  # letters a pattern must start with before its look-behinds are moved behind them


def sink(parsed: Any) -> None:
    """Move the leading look-arounds of a parsed case-sensitive pattern past its first letter, in place."""
    items = _word_start(parsed.state, list(parsed.data))
    keep = 0
    while keep < len(items) and _behind(*items[keep]):
        keep += 1  # a look-behind first fails fast inside a word: kept, it spares the branches most positions
    out = _Sinker(parsed.state).sink([], items[keep:])
    if out is None:
        return
    if keep and out and out[0][0] is _c.BRANCH and all(alt.data and _chars(*alt.data[0]) for alt in out[0][1][1]):
        into = _Sinker(parsed.state).sink(items[:keep], out)  # every branch starts with a letter: the engine can
        if into is not None and into[0][0] is _c.BRANCH:  # skip to those letters
            parsed.data[:] = into
            return
    run = 0
    while run < len(out) and out[run][0] is _c.LITERAL:
        run += 1
    if run < _MIN_PREFIX:
        parsed.data[:] = items[:keep] + out
        return
    # a literal start: behind it, the look-behinds let the engine search for that literal, in C
    moved = [(op, (direction, _parser.SubPattern(parsed.state, [*inner.data, *out[:run]]))) for op, (direction, inner)
             in items[:keep]]  # fmt: skip
    parsed.data[:] = out[:run] + moved + out[run:]


def _word_start(state: Any, items: Items) -> Items:
    """A leading `\\b` before what can only start with a word character is `(?<!\\w)`: made one, it can move."""
    if not items or items[0] != (_c.AT, _c.AT_BOUNDARY):
        return items
    firsts = _first_chars(items[1:])
    if not firsts or not all(chr(c).isalnum() or chr(c) == "_" for c in firsts):
        return items
    word = _parser.SubPattern(state, [(_c.IN, [(_c.CATEGORY, _c.CATEGORY_WORD)])])
    return [(_c.ASSERT_NOT, (-1, word)), *items[1:]]


def _first_chars(items: Items) -> frozenset[int] | None:
    """The characters a match of `items` can start with, when its head is letters or branches of them."""
    if not items:
        return None
    op, av = items[0]
    if op is _c.BRANCH:
        found: set[int] = set()
        for alternative in av[1]:
            chars = _first_chars(list(alternative.data))
            if chars is None:
                return None
            found |= chars
        return frozenset(found)
    return _chars(op, av)


class _Sinker:
    def __init__(self, state: Any) -> None:
        self.state = state
        self.moved: dict[tuple[int, Any], tuple[Any, Any]] = {}  # one object per moved look-behind and letter
        self.budget = _MAX_SPLITS

    def sink(self, pending: Items, items: Items) -> Items | None:
        """`pending + items` with the look-arounds moved; None when they cannot match at all."""
        while items and _movable(*items[0]):
            pending, items = [*pending, items[0]], items[1:]
        if not items:
            return pending
        op, av = items[0]
        if op is _c.BRANCH:  # its alternatives may start with look-arounds of their own
            return self._branch(pending, av[1], items[1:])
        if not pending:
            return items
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[:2] == (0, 1) and self.budget > 0:
            # X?R is the branch XR|R (R|XR when lazy), tried in that order: each can start with a letter
            self.budget -= 1
            with_it = _parser.SubPattern(self.state, [*av[2].data, *items[1:]])
            without = _parser.SubPattern(self.state, items[1:])
            return self._branch(pending, [with_it, without] if op is _c.MAX_REPEAT else [without, with_it], [])
        chars = _chars(op, av)
        if chars is None:
            return pending + items
        out: Items = [items[0]]
        for assertion in pending:
            if assertion[1][0] == 1:  # a look-ahead for one character
                wanted = _chars(*assertion[1][1].data[0])
                if wanted is not None and chars <= wanted:
                    continue  # the letter settles it
                if wanted is not None and not chars & wanted:
                    return None
                return pending + items
            out.append(self._behind(assertion, items[0]))
        return out + items[1:]

    def _branch(self, pending: Items, alternatives: list[Any], rest: Items) -> Items | None:
        kept = []
        for alternative in alternatives:
            moved = self.sink(pending, list(alternative.data))
            if moved is not None:
                kept.append(moved)
        if not kept:
            return None
        head: Items = []
        while len(kept) > 1 and all(len(alt) > 1 and alt[0] == kept[0][0] for alt in kept):  # as the parser does
            head.append(kept[0][0])
            kept = [alt[1:] for alt in kept]
        if len(kept) == 1:
            return head + kept[0] + rest
        return [*head, (_c.BRANCH, (None, [_parser.SubPattern(self.state, alt) for alt in kept])), *rest]

    def _behind(self, assertion: tuple[Any, Any], letter: tuple[Any, Any]) -> tuple[Any, Any]:
        """The look-behind `assertion` made to end after `letter`."""
        key = (id(assertion), repr(letter))
        if key not in self.moved:
            op, (direction, inner) = assertion
            self.moved[key] = (op, (direction, _parser.SubPattern(self.state, [*inner.data, letter])))
        return self.moved[key]


def _behind(op: Any, av: Any) -> bool:
    return op in (_c.ASSERT, _c.ASSERT_NOT) and av[0] == -1


def _movable(op: Any, av: Any) -> bool:
    """A look-behind of fixed width, or a look-ahead for one character of a plain set."""
    if op not in (_c.ASSERT, _c.ASSERT_NOT):
        return False
    direction, inner = av
    if direction == -1:
        low, high = inner.getwidth()
        return bool(low == high)
    return op is _c.ASSERT and len(inner.data) == 1 and _chars(*inner.data[0]) is not None


def _chars(op: Any, av: Any) -> frozenset[int] | None:
    """The characters a single literal or a plain set matches, else None."""
    if op is _c.LITERAL:
        return frozenset((av,))
    if op is _c.IN and all(o is _c.LITERAL for o, _ in av):
        return frozenset(a for _, a in av)
    return None
