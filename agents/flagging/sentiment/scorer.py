"""The sentiment model's weights compiled for speed: the same sums as over features.features(), mostly in C.

features() spells every word pair as a string and the model looks each one up, in a Python loop. Here every
word the weights know has a number, a pair of words is a tuple of two (zip reuses it when the set does not keep
it), and a weight is one complex number (positive minus neutral logit, negative minus neutral: a softmax only
sees differences), so a sentence's words are summed by a map, a set and a sum, all in C. Sentences without a
cue word skip cues() (features.CUE_TRIGGERS). A memory of tokenised chunks was tried and dropped: on the
benchmark's 34,000 sentences its tens of thousands of entries cost more in cache misses than they saved.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import chain, count, islice, repeat
from typing import Any, Literal

from watchdesk.agents.flagging.regex_cache import memo
from watchdesk.agents.flagging.sentiment.features import (
    CUE_TRIGGERS,
    _tokens,
    cues,
    negation,
    ngram_words,
)

Label = Literal["positive", "negative", "neutral"]
Weights = tuple[float, float, float]


Tables = tuple[dict[str, int], dict[int | tuple[int, int], complex], dict[str, complex], complex]


def _tables(weights: Mapping[str, Weights], bias: Weights) -> Tables:
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

    def __init__(self, weights: Mapping[str, Weights], bias: Weights, *, key: str = "") -> None:
        """`key` names these weights (a digest of the model file): their tables are then kept in the regex
        cache's file, so a short command loads them instead of rebuilding them (tens of ms)."""
        if key:
            tables = memo("sentiment", key, lambda: _tables(weights, bias), encode=lambda t: t, decode=_checked)
        else:
            tables = _tables(weights, bias)
        self._word_id, self._ngram, self._cue, self._bias = tables
        self._ngram_keys = frozenset(self._ngram)
        self._nocue = self._cue.get("NOCUE", 0j)

    def logits(self, text: str) -> complex:
        """Positive and negative logits minus the neutral one, as real and imaginary parts."""
        lowered = text.lower().replace("’", "'")
        tokens = _tokens(lowered)
        present = set(tokens)
        marked, negated = negation(lowered, tokens, present)
        total = self._ngram_sum(list(map(self._word_id.get, ngram_words(marked), repeat(0))))
        if CUE_TRIGGERS.isdisjoint(present):  # most sentences: no cue word, so cues() would be empty
            return total + self._nocue
        return total + self._cue_sum(cues(lowered, tokens, negated, present))

    def _ngram_sum(self, ids: list[int]) -> complex:
        # words and word pairs (a tuple zip reuses when the set does not keep it)
        keys = self._ngram_keys.intersection(chain(ids, zip(ids, islice(ids, 1, None), strict=False)))
        return sum(map(self._ngram.__getitem__, keys), self._bias)

    def _cue_sum(self, found: list[str]) -> complex:
        return sum(map(self._cue.get, set(found), repeat(0j))) if found else self._nocue

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
