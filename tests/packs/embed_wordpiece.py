"""BERT's uncased wordpiece split in pure Python, for the embedding study (tests/packs/embed_study.py).

A sentence is split as all-MiniLM-L6-v2's tokenizer splits it (lower-cased, accents stripped, each punctuation
mark apart, then greedy longest-match wordpieces) with no `tokenizers` package: the split a run-time embedding
feature would need without a new dependency. It matched `tokenizers` on 1,622 sentences of real calls, and splits
all of a 50 KB call's sentences in ~0.07 s on the shared machine. It lives here, not in agents/flagging/, because
the study was a no-go: nothing at run time uses it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection

from watchdesk.agents.flagging.regex_cache import compile_cached

_WORDS = compile_cached(r"[^\W_]+|[^\w\s]|_", flags=0)
_MAX_CHARS = 100  # BERT's wordpiece gives up on longer words ([UNK])


def basic_tokens(sentence: str) -> list[str]:
    """BERT's basic tokenizer, uncased: lower-cased, accents stripped, each punctuation mark a token of its own."""
    lowered = sentence.lower()
    if not lowered.isascii():
        lowered = "".join(c for c in unicodedata.normalize("NFD", lowered) if unicodedata.category(c) != "Mn")
    return _WORDS.findall(lowered)


def wordpieces(sentence: str, vocab: Collection[str]) -> list[str]:
    """The sentence's wordpieces in `vocab` (continuations start "##"); a word with no split into `vocab` is left
    out, as BERT's [UNK] would carry no vector here."""
    out: list[str] = []
    for word in basic_tokens(sentence):
        out += _pieces(word, vocab)
    return out


def _pieces(word: str, vocab: Collection[str]) -> list[str]:
    if word in vocab:
        return [word]
    if len(word) > _MAX_CHARS:
        return []
    return _split(word, vocab)


def _split(word: str, vocab: Collection[str]) -> list[str]:
    pieces = []
    start = 0
    while start < len(word):
        end = len(word)
        prefix = "##" if start else ""
        while end > start and prefix + word[start:end] not in vocab:
            end -= 1
        if end == start:
            return []
        pieces.append(prefix + word[start:end])
        start = end
    return pieces
