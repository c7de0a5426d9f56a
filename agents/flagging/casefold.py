"""Case-insensitive matching made case-sensitive: the flagging regexes run on lower-cased text, about twice as fast.

Python's regex engine matches a case-insensitive pattern by lower-casing every character it compares, and cannot
skip ahead to a literal it must start with. On text lower-cased once, a twin of the pattern, case-sensitive with
its literals and classes lower-cased, finds the same spans (lower-casing keeps every offset when no character
grows). That holds when

- the pattern has no scoped flags (`(?-i:...)`) and no back-reference, and no class range wider than _MAX_RANGE;
  `twin` returns None otherwise, and
- every cased character of the text pairs with exactly one other (`A`/`a`, `É`/`é`) and is none the engine folds
  specially (`re._casefix`: long s, dotless i, Greek and Cyrillic variants); `fold` returns None for a text
  with any other (`ß`, `İ`, the Kelvin sign, capital sigma), and callers keep the pattern on the original text.

tests/unit/test_casefold.py checks both against the engine, character by character.
"""

from __future__ import annotations

import importlib
import re
import sys
from functools import cache
from typing import Any

from watchdesk.agents.flagging.lookbehind import sink
from watchdesk.agents.flagging.regex_cache import compile_rewritten

_c: Any
_sre: Any
try:  # private, as in prefilter.py; without them nothing is folded: slower, never wrong
    _c = importlib.import_module("re._constants")
    _sre = importlib.import_module("_sre")
    _casefix = importlib.import_module("re._casefix")
    _FIXES: dict[int, tuple[int, ...]] = dict(_casefix._EXTRA_CASES)  # lower case -> others the engine matches
except (ImportError, AttributeError):  # pragma: no cover
    _c = _sre = None
    _FIXES = {}
_SPECIAL = frozenset(k for key, others in _FIXES.items() for k in (key, *others) if k > 127)

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CHAR_REF = re.compile(rb"&#(\d{1,8});")
_MAX_RANGE = 1024  # a class range wider than this is not checked letter by letter: the pattern keeps its flag


def fold(text: str) -> str | None:
    """`text` lower-cased, when case-sensitive twins find on it exactly what their patterns find on `text`."""
    if _sre is None:
        return None
    if text.isascii():
        return text.lower()
    if all(_safe_char(ch) for ch in _non_ascii(text)):
        return text.lower()
    return None


def _non_ascii(text: str) -> set[str]:
    """The non-ASCII characters of `text`, and maybe a few more (where it holds "&#NNN;" as written)."""
    if len(text) < 10_000:
        return set(_NON_ASCII.findall(text))
    # found as the encoder writes them, 2-3 times faster than by regex on a long text
    codes = {int(code) for code in set(_CHAR_REF.findall(text.encode("ascii", "xmlcharrefreplace")))}
    return {chr(code) if code <= sys.maxunicode else "\u0130" for code in codes}  # too large: one fold refuses


@cache
def _safe_char(ch: str) -> bool:
    """An uncased character, or one of a clean pair: one lower-case and one upper-case form, each the other's."""
    lower, upper = ch.lower(), ch.upper()
    if lower == ch == upper:
        return ord(ch) not in _SPECIAL and _tolower(ord(ch)) == ord(ch)
    return (
        len(lower) == 1 and len(upper) == 1 and lower.upper() == upper and upper.lower() == lower
        and ord(lower) == _tolower(ord(ch)) and ord(lower) not in _SPECIAL and ord(upper) not in _SPECIAL
        and ch != "\u03a3"
    )  # fmt: skip


def twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-sensitive twin of a case-insensitive `pattern`, to run on `fold(text)`; None when it has none."""
    if not pattern.flags & re.IGNORECASE or pattern.flags & (re.LOCALE | re.ASCII):
        return None
    return compile_rewritten(pattern.pattern, pattern.flags, "fold", _lower_tree)


def _lower_tree(parsed: Any) -> bool:
    """Rewrite a parsed case-insensitive pattern, in place, to match lower-cased text case-sensitively.

    A case-insensitive literal matches a character whose lower case is the literal's lower case, and a class
    one whose lower case is among the lower cases of its members (re._compiler), so on lower-cased text the
    lower-cased literal and the class of lower-cased members match the same characters.
    """
    if not lower_parsed(parsed):
        return False
    sink(parsed)  # case-sensitive, the engine can skip to the first letters: let it (lookbehind.py)
    return True


def lower_parsed(parsed: Any) -> bool:
    """`_lower_tree` without moving look-arounds: what the twin consumes, for multiscan.py; False if no twin."""
    if parsed.state.flags != re.IGNORECASE | re.UNICODE or not _lower_items(parsed.data):
        return False
    parsed.state.flags = int(re.UNICODE)
    return True


def _lower_items(items: list[Any]) -> bool:
    for i, (op, av) in enumerate(items):
        if op is _c.LITERAL or op is _c.NOT_LITERAL:
            codes = _with_fixes(_tolower(av))
            if len(codes) > 1:  # the long s also matches "s": a class of both, as the engine has it
                pair = [(_c.LITERAL, code) for code in codes]
                items[i] = (_c.IN, pair if op is _c.LITERAL else [(_c.NEGATE, None), *pair])
            else:
                items[i] = (op, codes[0])
        elif op is _c.IN:
            lowered = _lower_class(av)
            if lowered is None:
                return False
            items[i] = (op, lowered)
        elif not _lower_inner(op, av):
            return False
    return True


def _lower_inner(op: Any, av: Any) -> bool:
    """Lower the patterns nested in one item; False for an item a twin cannot have."""
    if op is _c.SUBPATTERN:
        _group, add, remove, inner = av
        return not add and not remove and _lower_items(inner.data)  # (?-i:...) must keep its case
    if op is _c.BRANCH:
        return all(_lower_items(alternative.data) for alternative in av[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return bool(_lower_items(av[2].data))
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return bool(_lower_items(av[1].data))
    if op is _c.ATOMIC_GROUP:
        return bool(_lower_items(av.data))
    return op in (_c.AT, _c.ANY)  # back-references and anything unknown: no twin


def _lower_class(members: list[Any]) -> list[Any] | None:
    out: list[Any] = []
    for op, av in members:
        if op is _c.LITERAL:
            out += [(op, code) for code in _with_fixes(_tolower(av))]
        elif op is _c.RANGE:
            low, high = av
            if high - low > _MAX_RANGE:
                return None
            codes = {code for c in range(low, high + 1) for code in _with_fixes(_tolower(c))}
            out += [(_c.LITERAL, code) for code in sorted(codes)]
        elif op in (_c.CATEGORY, _c.NEGATE):
            out.append((op, av))
        else:
            return None
    return out


def _with_fixes(lower: int) -> tuple[int, ...]:
    """`lower` and the characters the engine matches with it that a folded text can hold (`fold` lets none of
    the special ones through: "s" needs no long s, but the long s needs "s")."""
    return (lower, *(code for code in _FIXES.get(lower, ()) if code not in _SPECIAL))


def _tolower(code: int) -> int:
    return int(_sre.unicode_tolower(code))
