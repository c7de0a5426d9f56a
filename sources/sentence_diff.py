"""Sentences of a text, and those added between two versions of it (MD&A sections, a risk factor's two bodies):
figures and light rewordings aside. Pure and deterministic."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_WORD = re.compile(r"[a-z]+")
_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])['\"’”)]*\s+(?=[A-Z“\"(])")
# Figures and period words: "three months ended June 30, 2023" and "nine months ended September 30, 2023" read alike.
_FIGURES = re.compile(
    r"\d[\d,.]*|\b(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|first|second|third|fourth|three|six|nine|twelve)\b"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def normalize(text: str) -> str:
    """Lower case, one kind of quote and dash, whitespace collapsed: how headings are looked up in text."""
    for fancy, plain in _QUOTES:  # str.replace is many times faster than str.translate on a 2 MB filing
        text = text.replace(fancy, plain)
    return " ".join(text.lower().split())


def sentences(text: str, *, offset: int = 0) -> list[Sentence]:
    """Sentences of prose lines (table rows left out), with offsets into the document."""
    out, pos = [], offset
    for line in text.split("\n"):
        if " | " not in line:
            cut = 0
            for brk in [*_SENTENCE_BREAK.finditer(line), None]:
                end = brk.start() + len(brk.group(0).rstrip()) if brk else len(line)
                chunk = line[cut:end].rstrip()
                if len(chunk) >= 20:
                    out.append(Sentence(pos + cut, pos + cut + len(chunk), chunk))
                cut = brk.end() if brk else cut
        pos += len(line) + 1
    return out


SAME_WORDS = 0.8  # word-set Jaccard at or above which an old sentence is the new one reworded, not a new one


def added_sentences(old: str, new: str, new_offset: int) -> list[Sentence]:
    """Sentences of `new` that `old` lacks, figures aside (a new quarter's numbers alone are not new text), and
    light rewordings aside: a sentence whose words are nearly all one old sentence's ("or" become "and", a list
    reordered, ", including," inserted; word-set Jaccard >= SAME_WORDS) is not new."""
    old_sentences = sentences(old)
    seen = {_FIGURES.sub("0", normalize(s.text)) for s in old_sentences}
    fresh = [s for s in sentences(new, offset=new_offset) if _FIGURES.sub("0", normalize(s.text)) not in seen]
    if not fresh:
        return fresh
    old_words = [frozenset(_WORD.findall(s.text.lower())) for s in old_sentences]
    holding: dict[str, list[int]] = {}  # word -> old sentences that hold it
    for i, ws in enumerate(old_words):
        for w in ws:
            holding.setdefault(w, []).append(i)
    return [s for s in fresh if not _reworded(frozenset(_WORD.findall(s.text.lower())), old_words, holding)]


def _reworded(words: frozenset[str], old_words: Sequence[frozenset[str]], holding: dict[str, list[int]]) -> bool:
    """Does an old sentence share at least SAME_WORDS of the union of its words with `words`?"""
    if not words:
        return False
    shared = Counter(i for w in words for i in holding.get(w, ()))
    need = SAME_WORDS * len(words)  # Jaccard >= t needs at least t * |words| words in common
    return any(n >= need and n / len(words | old_words[i]) >= SAME_WORDS for i, n in shared.items())
