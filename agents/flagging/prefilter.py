"""Cheap pre-filters for big case-insensitive regexes, so flagging a 10-K takes about a second.

Python's regex engine tries every alternative of a large alternation at every position. Two
remedies here: (1) each alternative is reduced to *keys*, the first KEY_LEN characters of a
word it requires (or the whole word, when shorter); a sentence whose words share no key with
an alternative cannot match it, so only the alternatives keyed on a sentence's words run
(KeyIndex). (2) Alternatives are grouped behind a look-ahead on their first character, so the
engine rejects most positions in one test (factor_by_first_char).

Keys are read from the parsed regex (``re._parser``, stable in 3.11-3.13). Anything the reader
does not understand yields None, meaning "cannot pre-filter": callers then run the full regex,
so a pre-filter can cost speed but never a match.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from watchdesk.agents.flagging.casefold import twin
from watchdesk.agents.flagging.regex_cache import compile_cached, memo

_c: Any  # re._constants and re._parser are private and untyped; moved in 3.11
_parser: Any
try:  # if they move again, nothing is pre-filtered: slower, never wrong
    _c = importlib.import_module("re._constants")
    _parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _c = _parser = None

KEY_LEN = 5
_MAX_PREFIXES = 64
_END = "\0"  # marks "the word ends here" inside a prefix
_WORD_KEYS = re.compile(rf"\b\w{{1,{KEY_LEN}}}")
# Rough selectivity of a key, so the pre-filter keys a pattern on its rarest word: function
# words are in nearly every sentence, common business words in many.
_STOP = "a an as at be by in is it of on or to we the and our for with that this from are was were have has will us u s"
_COMMON = (
    "year quart compa contr relat reven secur opera custo incre inves expen under stock proce techn "
    "compe platf compl regul purch deman cente gener trans commo mater indus allow price servi produ "
    "marke busin finan inclu provi avail manag resul devel signi certa addit inter other their which "
    "these would could about after able new build drive level order data growt next large end "
    "throu multi world solut"
)
STOP_KEYS = frozenset(_STOP.split())
COMMON_KEYS = frozenset(_COMMON.split())


def key_cost(key: str) -> int:
    """How many sentences a key lets through, roughly: lower is a better key."""
    if key in STOP_KEYS or len(key) < 3:
        return 1000
    return 30 if key in COMMON_KEYS else 1


def word_keys(lower_text: str, start: int = 0, end: int | None = None) -> set[str]:
    """Keys of the words in `lower_text[start:end]` (text already lower-cased)."""
    return set(_WORD_KEYS.findall(lower_text, start, len(lower_text) if end is None else end))


def regex_keys(pattern: str) -> frozenset[str] | None:
    """Keys one of which every match of `pattern` contains, or None when they cannot be known (cached on disk)."""
    return memo("keys", pattern, lambda: _regex_keys(pattern), encode=_encode_set, decode=_decode_set)


def _encode_set(value: frozenset[str] | None) -> list[str] | None:
    return None if value is None else sorted(value)


def _decode_set(value: list[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(value)


def _regex_keys(pattern: str) -> frozenset[str] | None:
    """Keys one of which every match of `pattern` contains, or None when they cannot be known.

    `pattern` must start at a word start (wrap it in (?<!\\w)...). Keys may come from any word
    the pattern requires, not only the first: "(?:add|expand\\w*) (?:\\w+ ){0,3}capacity" is keyed
    on "capac" when its first words give nothing usable.
    """
    if _parser is None:
        return None
    try:
        items = list(_parser.parse(pattern, re.IGNORECASE))
    except (re.error, RecursionError):
        return None
    best: frozenset[str] | None = None
    for start in _word_starts(items):
        prefixes = _extend({("", True)}, items[start:])
        keys = {_key(text) for text, _ in prefixes}
        if keys and None not in keys:
            found = frozenset(k for k in keys if k is not None)
            if best is None or _better(found, best):
                best = found
    return best


def _better(a: frozenset[str], b: frozenset[str]) -> bool:
    """Uncommon and longer keys are rarer; fewer keys are cheaper."""

    def cost(keys: frozenset[str]) -> tuple[int, int]:
        return sum(map(key_cost, keys)), -min(map(len, keys))

    return cost(a) < cost(b)


def _word_starts(items: list[Any]) -> list[int]:
    """Indices of top-level items that surely begin at a word start."""
    starts: list[int] = []
    at_start = True
    for i, (op, av) in enumerate(items):
        if at_start:
            starts.append(i)
        if op is _c.AT and av is _c.AT_BOUNDARY:
            at_start = True  # \\b: whatever word follows starts here
            continue
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue
        ends_sep = _ends_with_separator(op, av)
        optional = op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0
        at_start = (at_start and ends_sep) if optional else ends_sep
    return starts


def _ends_with_separator(op: Any, av: Any) -> bool:
    if _separator([(op, av)]):
        return True
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        inner = list(av[2])
        return bool(inner) and _ends_with_separator(*inner[-1])
    if op is _c.SUBPATTERN:
        inner = list(av[3])
        return bool(inner) and _ends_with_separator(*inner[-1])
    if op is _c.BRANCH:
        return all(alt and _ends_with_separator(*list(alt)[-1]) for alt in av[1])
    return False


def _key(prefix: str) -> str | None:
    """The best key of a literal prefix: its rarest usable word, or None if it has none.

    The prefix starts at a word start (the regexes are word-bounded); a word inside it is usable
    when the prefix shows where it ends, or when it is already KEY_LEN long. Uncommon and longer
    words are rarer, so "in the channel" is keyed on "chann", not "in".
    """
    text = prefix.replace(_END, " ")
    usable = [
        w.group()[:KEY_LEN]
        for w in re.finditer(r"\w+", text)
        if w.end() < len(text) or len(w.group()) >= KEY_LEN
    ]
    return min(usable, key=lambda k: (key_cost(k), -len(k)), default=None)


Prefixes = set[tuple[str, bool]]  # (lower-cased literal text, still open to extension)


def _extend(prefixes: Prefixes, items: list[Any]) -> Prefixes:
    """Extend the open prefixes by a parsed sequence, closing them at anything not literal."""
    for op, av in items:
        if not any(is_open for _, is_open in prefixes):
            break
        prefixes = _step(prefixes, op, av)
        if len(prefixes) > _MAX_PREFIXES:
            return {(text, False) for text, _ in prefixes}
    return prefixes


def _step(prefixes: Prefixes, op: Any, av: Any) -> Prefixes:
    if op is _c.LITERAL:
        return _append(prefixes, [chr(av).lower()])
    if op is _c.IN:
        chars = _literal_set(av)
        if chars:
            return _append(prefixes, chars)
        return _append(prefixes, [" "]) if _no_word_chars(av) else _close(prefixes, word_ends=False)
    if op is _c.SUBPATTERN:
        return _extend(prefixes, list(av[3]))
    if op is _c.BRANCH:
        out: Prefixes = set()
        for alternative in av[1]:
            out |= _extend(prefixes, list(alternative))
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, item = av
        if _separator(item):  # [\\s\\-]+ and the like: only word boundaries matter for keys
            spaced = _append(prefixes, [" "])
            return spaced if low else prefixes | spaced
        if low == 0:
            return prefixes | _extend(prefixes, list(item)) if high == 1 else _close(prefixes, word_ends=False)
        return _close(_extend(prefixes, list(item)), word_ends=False)  # once, then maybe more
    if op is _c.ASSERT_NOT and av[0] == 1 and _is_word_class(av[1]):
        return _close(prefixes, word_ends=True)  # (?!\w): the word ends here
    if op is _c.AT and av is _c.AT_BOUNDARY:  # \\b right after a word character ends the word
        return {(t + _END, False) if o and t[-1:].isalnum() else (t, o) for t, o in prefixes}
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return prefixes  # zero-width: the text is unchanged
    return _close(prefixes, word_ends=False)


def _append(prefixes: Prefixes, chars: list[str]) -> Prefixes:
    return {(t + c, True) if is_open else (t, False) for t, is_open in prefixes for c in chars}


def _close(prefixes: Prefixes, *, word_ends: bool) -> Prefixes:
    mark = _END if word_ends else ""
    return {(t + mark if is_open else t, False) for t, is_open in prefixes}


def _literal_set(av: list[Any]) -> list[str] | None:
    """The characters of a small class of plain literals ([cs], [- ]), else None."""
    if len(av) > 6 or any(op is not _c.LITERAL for op, _ in av):
        return None
    return sorted({chr(code).lower() for _, code in av})


def _separator(items: Any) -> bool:
    """True when a parsed item matches only non-word characters (spaces, hyphens)."""
    seq = list(items)
    if len(seq) != 1:
        return False
    op, av = seq[0]
    if op is _c.LITERAL:
        return not (chr(av).isalnum() or chr(av) == "_")
    return op is _c.IN and _no_word_chars(av)


def _is_word_class(items: Any) -> bool:
    """True for the parsed form of a lone \\w."""
    seq = list(items)
    return len(seq) == 1 and seq[0][0] is _c.IN and seq[0][1] == [(_c.CATEGORY, _c.CATEGORY_WORD)]


def _no_word_chars(av: list[Any]) -> bool:
    """True when a character class can only match non-word characters ([\\s\\-], [^\\w])."""
    for op, arg in av:
        if op is _c.LITERAL and (chr(arg).isalnum() or chr(arg) == "_"):
            return False
        if op is _c.CATEGORY and arg is not _c.CATEGORY_SPACE:
            return False
        if op not in (_c.LITERAL, _c.CATEGORY):
            return False
    return True


def first_chars(pattern: str) -> frozenset[str] | None:
    """Lower-cased characters a match of `pattern` can start with, or None if unknown (cached on disk)."""
    return memo("first", pattern, lambda: _first_chars(pattern), encode=_encode_set, decode=_decode_set)


def _first_chars(pattern: str) -> frozenset[str] | None:
    if _parser is None:
        return None
    try:
        prefixes = _extend({("", True)}, list(_parser.parse(pattern, re.IGNORECASE)))
    except (re.error, RecursionError):
        return None
    chars = {text[:1] for text, _ in prefixes}
    return None if "" in chars or " " in chars else frozenset(chars)


def factor_by_first_char(alternatives: Sequence[str]) -> str:
    """One alternation of `alternatives`, grouped behind a one-character look-ahead per first char.

    The engine then tries a handful of alternatives per position instead of all of them (2-3x
    faster on cue lists). Order among alternatives with the same first character is kept, so
    the first listed still wins at a given position; alternatives whose first character is
    unknown are tried last.
    """
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for alternative in alternatives:
        chars = first_chars(alternative)
        if chars is None:
            rest.append(alternative)
            continue
        for char in chars:
            groups.setdefault(char, []).append(alternative)
    parts = [f"(?={_char_class(c)})(?:{'|'.join(alts)})" for c, alts in sorted(groups.items())]
    return "(?:" + "|".join(parts + rest) + ")"


def _char_class(char: str) -> str:
    both = {char, char.upper()}
    return "[" + "".join(re.escape(c) for c in sorted(both)) + "]"


@dataclass(frozen=True)
class KeyIndex:
    """The alternatives of one big regex regrouped by word key: one small regex per key.

    For a sentence whose word keys are known, only the regexes of those keys run, each holding
    the few alternatives that contain that key.
    """

    by_key: dict[str, re.Pattern[str]]
    keys: frozenset[str]
    groups: dict[str, tuple[str, ...]]  # key -> the alternatives its regex holds, in order (multiscan.py reads them)

    @classmethod
    def build(cls, alternatives: Sequence[str], flags: int) -> KeyIndex | None:
        """Index word-bounded `alternatives`; None when one of them cannot be keyed."""
        grouped: dict[str, list[str]] = {}
        for alternative in alternatives:
            keys = regex_keys(rf"(?<!\w)(?:{alternative})(?!\w)")
            if keys is None:
                return None
            # in sorted order, not the set's, which each process's hash seed changes: the pre-scan's Hyperscan
            # database (multiscan.py) is kept on disk under its patterns in this order
            for key in sorted(keys):
                grouped.setdefault(key, []).append(alternative)
        by_key = {k: compile_cached(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)", flags) for k, alts in grouped.items()}
        return cls(by_key, frozenset(by_key), {k: tuple(alts) for k, alts in grouped.items()})

    def folded(self) -> KeyIndex | None:
        """The same index with case-sensitive twins, for lower-cased text (casefold.py); None when one has none."""
        twins = {key: twin(regex) for key, regex in self.by_key.items()}
        if any(regex is None for regex in twins.values()):
            return None
        return KeyIndex({key: regex for key, regex in twins.items() if regex is not None}, self.keys, self.groups)

    def spans(self, text: str, start: int, end: int, keys: set[str]) -> list[tuple[int, int]]:
        """Sorted spans in `text[start:end]` of the alternatives filed under any of `keys`."""
        found = {m.span() for key in keys & self.keys for m in self.by_key[key].finditer(text, start, end)}
        return sorted(found)
