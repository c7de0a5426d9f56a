"""The sentiment model's weights compiled for speed: the same sums as over features.features(), mostly in C.

features() spells every word pair as a string and the model looks each one up; at 20,000+ sentences a second
that spelling is most of the cost. Here every word the weights know has a number, a pair of words is
`first * span + second`, and a weight is one complex number (positive minus neutral logit, negative minus
neutral: a softmax only sees differences), so a sentence is scored by a few maps, a set and a sum, all in C.
Whitespace-separated chunks of text are tokenised once and remembered with their numbers (text is Zipfian: a
call's chunks are mostly the, of, sales, "quarter,"), which is exact because no token spans whitespace. Only
sentences with a negator or a cue word go through features.py's Python code, and only for what they need.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import chain, count, islice, repeat
from typing import Any, Literal

from watchdesk.agents.flagging.regex_cache import memo
from watchdesk.agents.flagging.sentiment.features import (
    CLAUSE_BREAKS,
    CUE_TRIGGERS,
    NEGATORS,
    _tokens,
    cues,
    negation,
    ngram_words,
)

Label = Literal["positive", "negative", "neutral"]
Weights = tuple[float, float, float]
_MAX_CHUNKS = 200_000  # remembered chunks before the memory starts afresh (a few tens of MB at most)


Tables = tuple[dict[str, int], dict[int | tuple[int, int], complex], dict[str, complex], complex]


def _tables(weights: dict[str, Weights], bias: Weights) -> Tables:
    """Word ids, word and word-pair weights, cue weights and the bias, as CompiledWeights uses them."""
    # a softmax sees only differences: (positive - neutral, negative - neutral) as one complex number
    weight = {name: complex(w0 - w2, w1 - w2) for name, (w0, w1, w2) in weights.items()}
    cue = {name: value for name, value in weight.items() if name.isupper()}  # tokens are lower case
    grams = [(name.split(" "), value) for name, value in weight.items() if not name.isupper()]
    ids = dict(zip(sorted({w for parts, _ in grams for w in parts}), count(1)))  # 0: a word no weight names
    ngram: dict[int | tuple[int, int], complex] = {
        (ids[parts[0]] if len(parts) == 1 else (ids[parts[0]], ids[parts[1]])): value for parts, value in grams
    }
    return ids, ngram, cue, complex(bias[0] - bias[2], bias[1] - bias[2])


def _checked(stored: Any) -> Tables:
    ids, ngram, cue, bias = stored
    if not (isinstance(ids, dict) and isinstance(ngram, dict) and isinstance(cue, dict) and isinstance(bias, complex)):
        raise TypeError("not sentiment tables")
    return ids, ngram, cue, bias


class CompiledWeights:
    """Per-feature weights (positive, negative, neutral) as numbered words and pairs; scores like the sums."""

    def __init__(self, weights: dict[str, Weights], bias: Weights, *, key: str = "") -> None:
        """`key` names these weights (a digest of the model file): their tables are then kept in the regex
        cache's file, so a short command loads them instead of rebuilding them (tens of ms)."""
        if key:
            tables = memo("sentiment", key, lambda: _tables(weights, bias), encode=lambda t: t, decode=_checked)
        else:
            tables = _tables(weights, bias)
        self._word_id, self._ngram, self._cue, self._bias = tables
        self._ngram_keys = frozenset(self._ngram)
        self._nocue = self._cue.get("NOCUE", 0j)
        self._forget()

    def _forget(self) -> None:
        self._chunk_ids: dict[str, tuple[int, ...]] = {}
        self._chunk_id: dict[str, int] = {}  # the chunks of one word (most): its id
        self._chunk_tokens: dict[str, list[str]] = {}
        self._negated_chunks: set[str] = set()  # chunks with a negator (the negation pass runs)
        self._cue_chunks: set[str] = set()  # chunks with a cue word (cues() runs)
        self._seen: set[str] = set()  # chunks seen once: remembered in full the second time

    def _learn(self, new: set[str]) -> None:
        for chunk in new:
            if chunk.isalpha() and chunk.isascii():  # a plain word (most): its own one token
                tokens = [chunk]
                ids = () if chunk in CLAUSE_BREAKS else (self._word_id.get(chunk, 0),)
            else:
                tokens = _tokens(chunk)
                ids = tuple(map(self._word_id.get, ngram_words(tokens), repeat(0)))
            self._chunk_tokens[chunk] = tokens
            self._chunk_ids[chunk] = ids
            if len(ids) == 1:
                self._chunk_id[chunk] = ids[0]
            if not NEGATORS.isdisjoint(tokens):
                self._negated_chunks.add(chunk)
            if not CUE_TRIGGERS.isdisjoint(tokens):
                self._cue_chunks.add(chunk)

    def logits(self, text: str) -> complex:
        """Positive and negative logits minus the neutral one, as real and imaginary parts."""
        lowered = text.lower().replace("’", "'")
        chunks = lowered.split()
        try:  # every chunk one known word: the common case, one lookup a chunk
            ids = list(map(self._chunk_id.__getitem__, chunks))
        except KeyError:
            if len(self._chunk_ids) + len(self._seen) > _MAX_CHUNKS:
                self._forget()
            new = set(chunks).difference(self._chunk_ids)
            if not self._seen.issuperset(new):  # a chunk seen for the first time: most are never seen again
                self._seen.update(new)
                return self._logits_of_text(lowered)
            self._learn(new)
            ids = list(chain.from_iterable(map(self._chunk_ids.__getitem__, chunks)))
        negated: list[bool] | None = None
        if not self._negated_chunks.isdisjoint(chunks) or "n't" in lowered:
            tokens = self._tokens_of(chunks)
            marked, negated = negation(lowered, tokens, set(tokens))
            ids = list(map(self._word_id.get, ngram_words(marked), repeat(0)))
        total = self._ngram_sum(ids)
        if self._cue_chunks.isdisjoint(chunks):
            return total + self._nocue
        tokens = self._tokens_of(chunks)
        return total + self._cue_sum(cues(lowered, tokens, negated or [False] * len(tokens), set(tokens)))

    def _logits_of_text(self, lowered: str) -> complex:
        """logits() without the chunk memory: the sentence tokenised whole, as features() does."""
        tokens = _tokens(lowered)
        present = set(tokens)
        marked, negated = negation(lowered, tokens, present)
        total = self._ngram_sum(list(map(self._word_id.get, ngram_words(marked), repeat(0))))
        if CUE_TRIGGERS.isdisjoint(present):
            return total + self._nocue
        return total + self._cue_sum(cues(lowered, tokens, negated, present))

    def _ngram_sum(self, ids: list[int]) -> complex:
        # words and word pairs (a tuple zip reuses when the set does not keep it)
        keys = self._ngram_keys.intersection(chain(ids, zip(ids, islice(ids, 1, None), strict=False)))
        return sum(map(self._ngram.__getitem__, keys), self._bias)

    def _cue_sum(self, found: list[str]) -> complex:
        return sum(map(self._cue.get, set(found), repeat(0j))) if found else self._nocue

    def _tokens_of(self, chunks: list[str]) -> list[str]:
        return list(chain.from_iterable(map(self._chunk_tokens.__getitem__, chunks)))

    def score(self, texts: Sequence[str]) -> list[tuple[Label, float]]:
        """Label and score (P(positive) - P(negative), in [-1, 1]) for each text."""
        out: list[tuple[Label, float]] = []
        exp = math.exp
        for text in texts:
            z = self.logits(text)
            s0, s1 = z.real, z.imag
            top = max(s0, s1, 0.0)
            e0, e1, e2 = exp(s0 - top), exp(s1 - top), exp(-top)
            label: Label = "positive" if top == s0 else "negative" if top == s1 else "neutral"
            out.append((label, round((e0 - e1) / (e0 + e1 + e2), 4)))
        return out
