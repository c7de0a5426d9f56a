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
from collections.abc import Iterable, Sequence
from itertools import chain, islice, repeat
from operator import add, mul

from watchdesk.agents.flagging.sentiment.features import (
    CUE_TRIGGERS,
    NEGATORS,
    _tokens,
    cues,
    negation,
    ngram_words,
)

Weights = tuple[float, float, float]
_MAX_CHUNKS = 200_000  # remembered chunks before the memory starts afresh (a few tens of MB at most)


class CompiledWeights:
    """Per-feature weights (positive, negative, neutral) as numbered words and pairs; scores like the sums."""

    def __init__(self, weights: dict[str, Weights], bias: Weights) -> None:
        words = sorted({w for name in weights if name == name.lower() for w in name.split(" ")})
        self._word_id = {w: n for n, w in enumerate(words, 1)}  # 0: a word no weight names
        self._span = span = len(words) + 1
        self._ngram: dict[int, complex] = {}
        self._cue: dict[str, complex] = {}
        for name, (w0, w1, w2) in weights.items():
            weight = complex(w0 - w2, w1 - w2)
            if name != name.lower():  # cue features are upper case; tokens never are
                self._cue[name] = weight
            else:
                ids = [self._word_id[w] for w in name.split(" ")]
                self._ngram[ids[0] if len(ids) == 1 else ids[0] * span + ids[1]] = weight
        self._ngram_keys = frozenset(self._ngram)
        self._bias = complex(bias[0] - bias[2], bias[1] - bias[2])
        self._nocue = self._cue.get("NOCUE", 0j)
        self._forget()

    def _forget(self) -> None:
        self._chunk_ids: dict[str, tuple[int, ...]] = {}
        self._chunk_tokens: dict[str, list[str]] = {}
        self._negated_chunks: set[str] = set()  # chunks with a negator (the negation pass runs)
        self._cue_chunks: set[str] = set()  # chunks with a cue word (cues() runs)

    def _learn(self, chunks: Iterable[str]) -> None:
        if len(self._chunk_ids) > _MAX_CHUNKS:
            self._forget()
        for chunk in chunks:
            if chunk in self._chunk_ids:
                continue
            tokens = _tokens(chunk)
            self._chunk_tokens[chunk] = tokens
            self._chunk_ids[chunk] = tuple(map(self._word_id.get, ngram_words(tokens), repeat(0)))
            if not NEGATORS.isdisjoint(tokens):
                self._negated_chunks.add(chunk)
            if not CUE_TRIGGERS.isdisjoint(tokens):
                self._cue_chunks.add(chunk)

    def logits(self, text: str) -> complex:
        """Positive and negative logits minus the neutral one, as real and imaginary parts."""
        lowered = text.lower().replace("’", "'")
        chunks = lowered.split()
        try:
            parts = list(map(self._chunk_ids.__getitem__, chunks))
        except KeyError:
            self._learn(chunks)
            parts = list(map(self._chunk_ids.__getitem__, chunks))
        negated: list[bool] | None = None
        if self._negated_chunks.isdisjoint(chunks) and "n't" not in lowered:
            ids = list(chain.from_iterable(parts))
        else:
            tokens = self._tokens_of(chunks)
            marked, negated = negation(lowered, tokens, set(tokens))
            ids = list(map(self._word_id.get, ngram_words(marked), repeat(0)))
        # word ids and pair ids; a pair with an unknown first word is the second word's id, already there
        pairs = map(add, map(mul, ids, repeat(self._span)), islice(ids, 1, None))
        keys = self._ngram_keys.intersection(chain(ids, pairs))
        total = sum(map(self._ngram.__getitem__, keys), self._bias)
        if self._cue_chunks.isdisjoint(chunks):
            return total + self._nocue
        tokens = self._tokens_of(chunks)
        found = cues(lowered, tokens, negated or [False] * len(tokens), set(tokens))
        return total + (sum(map(self._cue.get, set(found), repeat(0j))) if found else self._nocue)

    def _tokens_of(self, chunks: list[str]) -> list[str]:
        return list(chain.from_iterable(map(self._chunk_tokens.__getitem__, chunks)))

    def score(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """Label and score (P(positive) - P(negative), in [-1, 1]) for each text."""
        out: list[tuple[str, float]] = []
        exp = math.exp
        for text in texts:
            z = self.logits(text)
            s0, s1 = z.real, z.imag
            top = max(s0, s1, 0.0)
            e0, e1, e2 = exp(s0 - top), exp(s1 - top), exp(-top)
            label = "positive" if top == s0 else "negative" if top == s1 else "neutral"
            out.append((label, round((e0 - e1) / (e0 + e1 + e2), 4)))
        return out
