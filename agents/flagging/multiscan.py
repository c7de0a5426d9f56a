"""A whole-document pre-scan with Hyperscan, when it is installed: the sentences a topic's patterns may match in.

Python's regex engine reads a 10-K at some 50 ns a character per pattern, so the topic matcher runs its regexes
only on the sentences the word-key pre-filter lets through (prefilter.py), six in seven of them without a
mention. Hyperscan scans a document for all of a topic's patterns at once in milliseconds, but has no
look-arounds, so each pattern is translated into a *looser* one: look-arounds and word boundaries dropped, each
character class kept as the set of ASCII characters it matches, plus "?" where it can match any other. The text
is scanned folded (casefold.fold) and as ASCII, one byte a character, every other character made "?". A match of
the folded pattern (the case-sensitive twin that runs, casefold.py) inside a sentence consumes characters of
that sentence only, each one a character its looser pattern's class accepts; so the looser pattern matches there
too and Hyperscan reports a match ending inside that sentence. A sentence without one cannot match: the matcher
skips it. It only ever skips, so what is flagged is what Python's regexes alone flag (tests/unit/test_multiscan.py).

Without hyperscan, for a pattern it cannot translate or compile, and on texts under MIN_CHARS nothing changes:
the word keys alone pre-filter. Compiling a topic's database costs a fraction of a second; it is kept in the
regex cache (regex_cache.py) and, within a process, in memory.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from watchdesk.agents.flagging.casefold import lower_parsed
from watchdesk.agents.flagging.regex_cache import forget, memo

_c: Any
_parser: Any
_compiler: Any
try:  # private, as in prefilter.py
    _c = importlib.import_module("re._constants")
    _parser = importlib.import_module("re._parser")
    _compiler = importlib.import_module("re._compiler")
except ImportError:  # pragma: no cover
    _c = _parser = _compiler = None

MIN_CHARS = 100_000  # shorter texts are pre-filtered by word keys alone: fast enough, no database to compile
_OTHER = ord("?")  # what every non-ASCII character of the text is scanned as


class Untranslatable(Exception):
    pass


def scan_bytes(folded: str) -> bytes:
    """The folded text as Hyperscan reads it: one byte a character, "?" for each non-ASCII one."""
    return folded.encode("ascii", "replace")


@lru_cache(maxsize=8192)
def loose(pattern: str) -> str | None:
    """The looser Hyperscan pattern of the folded twin of case-insensitive `pattern`, or None (cached on disk, and
    in memory: a long text's pre-scan asks for each of some 500 patterns twice)."""
    return memo("loose", pattern, lambda: _loose(pattern), encode=_same, decode=_text)


def _same(value: str | None) -> str | None:
    return value


def _text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError("damaged entry")  # memo() computes it afresh
    return value


def _loose(pattern: str) -> str | None:
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
        if parsed.getwidth()[0] == 0 or not lower_parsed(parsed):  # an empty match ends in no sentence
            return None
        return _items(parsed.state, parsed.data)
    except (re.error, RecursionError, Untranslatable):
        return None


def _items(state: Any, items: Any) -> str:
    return "".join(_item(state, op, av) for op, av in items)


def _item(state: Any, op: Any, av: Any) -> str:
    if op is _c.LITERAL:
        return f"\\x{av:02x}" if av < 128 else f"\\x{_OTHER:02x}"
    if op in (_c.NOT_LITERAL, _c.IN, _c.ANY):
        return _charset(state, op, av)
    if op is _c.SUBPATTERN:
        return f"(?:{_items(state, av[3].data)})"
    if op is _c.BRANCH:
        return "(?:" + "|".join(_items(state, alternative.data) for alternative in av[1]) + ")"
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, inner = av  # lazy and possessive repeats match a subset of what a greedy one can
        return f"(?:{_items(state, inner.data)}){{{low},{'' if high is _c.MAXREPEAT else high}}}"
    if op is _c.ATOMIC_GROUP:
        return f"(?:{_items(state, av.data)})"
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return ""  # zero-width: dropped, the looser pattern matches more
    raise Untranslatable(op)


def _charset(state: Any, op: Any, av: Any) -> str:
    """A class of the ASCII characters the item matches (asked of the engine itself), "?" added for any other."""
    return "[" + "".join(f"\\x{code:02x}" for code in members(state, op, av)) + "]"


def members(state: Any, op: Any, av: Any) -> list[int]:
    """The bytes a one-character item (a literal, a class, any) of a folded parse tree matches in scan_bytes."""
    if op is _c.LITERAL:
        return [av if av < 128 else _OTHER]
    test = _compiler.compile(_parser.SubPattern(state, [(op, av)]), 0)
    found = [code for code in range(128) if test.match(chr(code))]
    if _beyond_ascii(op, av) and _OTHER not in found:
        found.append(_OTHER)
    if not found:
        raise Untranslatable(op)
    return sorted(found)


def _beyond_ascii(op: Any, av: Any) -> bool:
    """Whether an item may match a non-ASCII character (erring towards yes)."""
    if op is not _c.IN:
        return True  # NOT_LITERAL and ANY
    for kind, arg in av:
        if kind is _c.LITERAL and arg < 128:
            continue
        if kind is _c.RANGE and arg[1] < 128:
            continue
        return True
    return False


class Scanner:
    """A Hyperscan database of the looser forms of some patterns."""

    def __init__(self, database: Any, module: Any) -> None:
        self._database, self._hs = database, module

    def sentences(self, data: bytes, spans: Sequence[tuple[int, int]], ends: list[int]) -> dict[int, set[int]]:
        """Sentence index -> indices of the patterns with a looser match ending inside it (`ends`: the spans' ends)."""
        live: dict[int, set[int]] = {}
        for ident, end in self.matches(data):
            index = bisect_left(ends, end)
            if index < len(ends) and spans[index][0] < end:
                live.setdefault(index, set()).add(ident)
        return live

    def matches(self, data: bytes) -> list[tuple[int, int]]:
        """(pattern index, end offset) of every looser match in `data`, in the order Hyperscan reports them."""
        found: list[tuple[int, int]] = []

        def on_match(ident: int, _start: int, end: int, _flags: int, _context: object) -> None:
            found.append((ident, end))

        self._database.scan(data, match_event_handler=on_match, scratch=self._hs.Scratch(self._database))
        return found

    def starts_each(self, parts: Sequence[bytes]) -> list[list[tuple[int, int]]]:
        """(pattern index, start offset) of every match in each of `parts`, scanned one by one; for a database of
        raw_scanner(..., leftmost=True), where a start is the leftmost one of the matches ending at that end."""
        found: list[tuple[int, int]] = []
        scan, scratch = self._database.scan, self._hs.Scratch(self._database)

        def on_match(ident: int, start: int, _end: int, _flags: int, _context: object) -> None:
            found.append((ident, start))

        out = []
        for part in parts:
            scan(part, match_event_handler=on_match, scratch=scratch)
            out.append(found.copy())
            found.clear()
        return out


def scanner(patterns: tuple[str, ...]) -> Scanner | None:
    """A scanner of case-insensitive `patterns` (ids: their indices), or None when one cannot be translated."""
    translated = tuple(t for p in patterns if (t := loose(p)) is not None)
    return _compiled(translated) if patterns and len(translated) == len(patterns) else None


def raw_scanner(patterns: tuple[str, ...], *, leftmost: bool = False) -> Scanner | None:
    """A scanner of Hyperscan `patterns` as they are (heads.py makes them), or None; `leftmost`: reporting where
    each match starts (Hyperscan's leftmost start of match)."""
    return _compiled(patterns, leftmost) if patterns else None


@lru_cache(maxsize=64)
def _compiled(translated: tuple[str, ...], leftmost: bool = False) -> Scanner | None:
    try:
        hs = importlib.import_module("hyperscan")
    except ImportError:
        return None
    # a database loads only into the Hyperscan version that compiled it: the version is part of its key
    key = f"{getattr(hs, '__version__', '')}\0" + ("som\0" if leftmost else "") + "\0".join(translated)
    for _attempt in range(2):
        try:
            stored = memo("hsdb", key, lambda: _serialized(hs, translated, leftmost), encode=_same_bytes, decode=_bytes)
            return None if stored is None else Scanner(hs.loadb(stored, hs.HS_MODE_BLOCK), hs)
        except hs.error:  # a database this Hyperscan or CPU cannot load: compiled afresh, and kept in its place
            forget("hsdb", key)
    return None


def _serialized(hs: Any, translated: tuple[str, ...], leftmost: bool = False) -> bytes | None:
    database = hs.Database(mode=hs.HS_MODE_BLOCK)
    flags = [hs.HS_FLAG_SOM_LEFTMOST] * len(translated) if leftmost else 0
    try:
        database.compile(expressions=[t.encode("ascii") for t in translated], ids=list(range(len(translated))),
                         elements=len(translated), flags=flags)  # fmt: skip
    except hs.error:
        return None
    return bytes(hs.dumpb(database))


def _same_bytes(value: bytes | None) -> bytes | None:
    return value


def _bytes(value: Any) -> bytes | None:
    if value is not None and not isinstance(value, bytes):
        raise TypeError("damaged entry")
    return value
