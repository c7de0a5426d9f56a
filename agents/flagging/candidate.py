"""Which sentences the refiner looks at: those with a word of the core topics (CANDIDATE), found fast.

CANDIDATE is one alternation of ~70 branches; Python's engine tries them one after another at almost every
letter of a sentence. All but five branches are plain words (a `[cs]` class or an optional letter aside), so
they are run as one trie (`inventor|india` as `in(?:ventor|dia)`): the engine then follows one path per
letter, with the same answer to "is there a match?" (a 2 MB 10-K: 0.19 s -> 0.10 s). The five branches that
start with `\\b` keep a regex of their own, run only on sentences that hold one of their words.
"""

from __future__ import annotations

import itertools
import re

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
    if _TRIE.search(lowered) is not None:
        return True
    return any(map(lowered.__contains__, _BOUNDARY_NEEDS)) and _BOUNDARY_FIRST.search(lowered) is not None
