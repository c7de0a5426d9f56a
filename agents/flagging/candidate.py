"""Which sentences the refiner looks at: those with a word of the core topics (CANDIDATE), found fast.

CANDIDATE is one alternation of ~70 branches; Python's engine tries them one after another at almost every
letter of a sentence. All but five branches are plain words (a `[cs]` class or an optional letter aside), so
they are run as one trie (`inventor|india` as `in(?:ventor|dia)`): the engine then follows one path per
letter, with the same answer to "is there a match?" (a 2 MB 10-K: 0.19 s -> 0.10 s). The five branches that
start with `\\b` keep a regex of their own, run only on sentences that hold one of their words. On a long text,
when Hyperscan is installed, one pass of it over all sentences rules out most of them first (candidates_lowered).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from watchdesk.agents.flagging import multiscan
from watchdesk.agents.flagging.regex_cache import compile_cached

# Words that make a sentence worth a second look for one of the core topics (stock, supply, trade and policy).
CANDIDATE = compile_cached(
    r"inventor|stocking|destock|restock|digest|channel|sell-through|sell-in|pull-in|pull in|pull-forward|"
    r"pull forward|pre-buy|prebuy|build-ahead|build ahead|buffer|replenish|suppl|shortage|constrain|capacity|"
    r"lead time|allocation|backlog|foundr|sourcing|logistic|freight|\bports?\b|ocean|raw material|commodit|expedit|"
    r"availab|\blean|resilien|underutili|under-utili|tariff|export|sanction|licen[cs]|trade|china|chinese|taiwan|"
    r"india|vietnam|mexico|malaysia|\bwar\b|conflict|russia|ukraine|israel|middle east|\brules?\b|regulat|"
    r"administration|commerce|reshor|onshor|decoupl|de-?risk|chips act|\bstock|oversubscribed|tight|sold out|"
    r"wafer|manufactur|yield"
)  # matched on lower-cased text: a case-insensitive scan of this alternation is four times slower


def expand(branch: str) -> set[str]:
    """The words a branch of plain letters, `[xy]` classes and `c?` optional letters matches exactly."""
    parts: list[list[str]] = []
    i = 0
    while i < len(branch):
        if branch[i] == "[":
            end = branch.index("]", i)
            options, i = list(branch[i + 1 : end]), end + 1
        elif branch[i] in "\\()|*+{}.^$?":
            raise ValueError(f"not a plain branch: {branch!r}")
        else:
            options, i = [branch[i]], i + 1
        if branch[i : i + 1] == "?":
            options, i = [*options, ""], i + 1
        parts.append(options)
    return {"".join(p) for p in itertools.product(*parts)}


def trie_pattern(words: set[str]) -> str:
    """A regex that matches somewhere in a text exactly when one of `words` occurs in it (as a substring)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _alternatives(root)


def _alternatives(node: dict[str, dict]) -> str:
    if "" in node:  # a word ends here: its longer continuations cannot add a sentence to those it finds
        return ""
    alts = [re.escape(ch) + _alternatives(child) for ch, child in sorted(node.items())]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


_BRANCHES = CANDIDATE.pattern.split("|")
_WORDS = set().union(*(expand(b) for b in _BRANCHES if not b.startswith(r"\b")))
_TRIE = compile_cached(trie_pattern(_WORDS))
_BOUNDED = [b[2:].removesuffix(r"\b") for b in _BRANCHES if b.startswith(r"\b")]
_BOUNDARY_FIRST = compile_cached(r"\b(?:" + "|".join(b[2:] for b in _BRANCHES if b.startswith(r"\b")) + ")")
_BOUNDARY_NEEDS = tuple(sorted(set().union(*(expand(b) for b in _BOUNDED))))  # one is in every such match


def is_candidate(sentence: str) -> bool:
    """Whether the sentence has a word the refiner should look at."""
    return is_candidate_lowered(sentence.lower())


def is_candidate_lowered(lowered: str) -> bool:
    """is_candidate() of a sentence already lower-cased."""
    return _TRIE.search(lowered) is not None or _bounded(lowered)


def _bounded(lowered: str) -> bool:
    """Whether one of the `\\b` branches matches."""
    return any(map(lowered.__contains__, _BOUNDARY_NEEDS)) and _BOUNDARY_FIRST.search(lowered) is not None


def candidates_lowered(lowered: Sequence[str]) -> list[bool]:
    """[is_candidate_lowered(t) for t in lowered], on a long text from one Hyperscan pass (multiscan.py) over all
    sentences: one of the trie's words, plain ASCII, found inside a sentence makes it a candidate; one with a looser
    match of a `\\b` branch ending inside it is checked for those branches; any other cannot match."""
    found = _scanned(lowered)
    if found is None:
        return [is_candidate_lowered(text) for text in lowered]
    sure, maybe = found
    out = [False] * len(lowered)
    for i in sure:
        out[i] = True
    for i in maybe - sure:
        out[i] = _bounded(lowered[i])
    return out


# the trie's words (pattern 0), then the `\b` branches (pattern 1)
_PATTERNS = ("|".join(map(re.escape, sorted(_WORDS))), "|".join(b for b in _BRANCHES if b.startswith(r"\b")))


def _scanned(lowered: Sequence[str]) -> tuple[set[int], set[int]] | None:
    """Sentences holding one of the trie's words, and those where a `\\b` branch may match; None: not known (a
    short text, no Hyperscan)."""
    if sum(map(len, lowered)) < multiscan.MIN_CHARS:
        return None
    scanner = multiscan.scanner(_PATTERNS)
    if scanner is None:
        return None
    # where each sentence ends in the sentences one after another, a newline between them
    ends = list(accumulate(map((1).__add__, map(len, lowered)), initial=-1))[1:]
    sure: set[int] = set()
    maybe: set[int] = set()
    for ident, end in scanner.matches(multiscan.scan_bytes("\n".join(lowered))):
        index = bisect_left(ends, end)  # a word holds no newline nor "?" (what other characters are scanned as)
        if index < len(ends):
            (maybe if ident else sure).add(index)
    return sure, maybe
