"""The refiner's weights as one table for all its topics, so each feature of a sentence is looked up once.

refine.sentence_features() names every feature ("w:supply", "b:supply_chain", "R:negative") and TopicModel
looks each name up in each topic's presence and polarity dicts: for a long filing, strings built and hashed six
times over. Here a word, a word pair (a tuple) and every other name map to one entry holding all the topics'
weights, derived at load time from the same refine.json. The sums run over the same weights in the same order
(a missing weight adds 0.0 or nothing, which leaves a float sum as it was), so probabilities and verdicts are
bit for bit those of TopicModel.present and judge (tests/unit/test_refine_tables.py checks it on real calls).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from functools import reduce
from itertools import chain, pairwise, repeat
from operator import add, itemgetter
from typing import Any, Literal

from watchdesk.agents.flagging.regex_cache import memo

Polarity = Literal["positive", "negative", "neutral"]
POLARITIES: tuple[Polarity, Polarity, Polarity] = ("positive", "negative", "neutral")
Verdict = tuple[Polarity, float]
Triple = Sequence[float]  # polarity weights (positive, negative, neutral): a tuple, or a list as JSON has it
# One topic's weights for one feature: its presence weight (0.0 when it has none), then its polarity weights
Entry = tuple[float | Triple | None, ...]
_FORMAT = 2  # bump when what _tables() makes changes: tables kept by an older build are then not read
Models = Sequence[tuple[Mapping[str, float], Mapping[str, Triple]]]  # per topic: presence, polarity weights by name


def probability(bias: float, weights: Iterable[float]) -> float:
    """The presence model's logistic of its bias plus the summed weights (summed in the order given)."""
    return logistic(bias + sum(weights))


def logistic(z: float) -> float:
    """1 / (1 + e^-z), z clamped to [-30, 30]; never decreasing in z."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def softmax_verdict(bias: tuple[float, float, float], weights: Iterable[Triple]) -> Verdict:
    """The polarity model's verdict: its bias plus the weights, added one by one in the order given."""
    return softmax_judged(bias, weights)[0]


def softmax_judged(bias: tuple[float, float, float], weights: Iterable[Triple]) -> tuple[Verdict, float]:
    """softmax_verdict() and the probability the model gives the polarity it chose (its confidence)."""
    found = list(weights)
    s = [reduce(add, map(itemgetter(j), found), bias[j]) for j in range(3)]  # a loop of `+=`, run in C
    top = max(s)
    e = [math.exp(v - top) for v in s]
    total = sum(e)
    return (POLARITIES[s.index(top)], round((e[0] - e[1]) / total, 4)), 1.0 / total


class RefinerTables:
    """Feature -> every topic's weights: words and word pairs keyed as tokens, other features by name."""

    def __init__(self, tables: Tables, count: int) -> None:
        """`tables` as _tables() makes them for `count` topics."""
        self.word, self.pair, self.other, self.largest = tables
        self._presence = [itemgetter(k) for k in range(count)]
        self._polarity = [itemgetter(count + k) for k in range(count)]

    @classmethod
    def build(cls, models: Models, *, key: str = "") -> RefinerTables:
        """From each topic's (presence weights, polarity weights) by feature name, in the refiner's order. `key`
        names those weights (a digest of refine.json): the tables are then kept in the regex cache's file, so a
        short command loads them instead of building them (~30 ms)."""
        if not key:
            return cls(_tables(models), len(models))
        stored = memo(f"refiner-tables-{_FORMAT}", key, lambda: _tables(models), encode=lambda t: t, decode=_checked)
        return cls(stored, len(models))

    def shared(self, names: Sequence[str], words: Sequence[str], reading: Sequence[str]) -> list[Entry]:
        """The entries of refine.text_features(), in its order: `names` (sentiment, C, Q), then each word and
        each pair of neighbouring words, then the `reading` features."""
        other = self.other.get
        pairs = map(self.pair.get, pairwise(words))
        return list(filter(None, chain(map(other, names), map(self.word.get, words), pairs, map(other, reading))))

    def named(self, names: Iterable[str]) -> list[Entry]:
        """The entries of features given by name (the rules' verdicts)."""
        return list(filter(None, map(self.other.get, names)))

    def presence(self, k: int, bias: float, rule: list[Entry], shared: list[Entry]) -> float:
        """Topic k's probability that the sentence is a mention: TopicModel.present of the same names."""
        return probability(bias, map(self._presence[k], chain(rule, shared)))

    def presence_sum(self, k: int, rule: list[Entry], shared: list[Entry]) -> float:
        """sum(presence_weights(k, rule, shared)): the same float (the same additions in the same order), no list."""
        return sum(map(self._presence[k], chain(rule, shared)))

    def presence_weights(self, k: int, rule: list[Entry], shared: list[Entry]) -> list[float]:
        """Topic k's presence weights of the entries, in order (0.0 for a feature it has no weight for)."""
        return list(map(self._presence[k], chain(rule, shared)))

    def verdict(
        self, k: int, bias: tuple[float, float, float], rule: list[Entry], shared: list[Entry]
    ) -> tuple[Verdict, float]:
        """Topic k's polarity verdict (TopicModel.judge of the same names) and the model's confidence in it."""
        weights = map(self._polarity[k], chain(rule, shared))
        return softmax_judged(bias, [w for w in weights if w is not None])


# words, word pairs, other names; and each topic's largest presence weight in absolute value (refine_score.py)
Tables = tuple[dict[str, Entry], dict[tuple[str, str], Entry], dict[str, Entry], list[float]]


def _tables(models: Models) -> Tables:
    keys = list(set().union(*(set(presence) | set(polarity) for presence, polarity in models)))
    # column by column in C (map, zip): built per key in Python it took twice as long
    columns: list[list[float | Triple | None]] = [[*map(p.get, keys, repeat(0.0))] for p, _ in models]
    # polarity weights as tuples, not JSON's lists: a tuple of floats the garbage collector stops walking
    columns += [[None if q is None else tuple(q) for q in map(weights.get, keys)] for _, weights in models]
    entries: list[Entry] = list(zip(*columns, strict=True))
    word = {key[2:]: entry for key, entry in zip(keys, entries, strict=True) if key.startswith("w:")}
    split = [(key[2:].split("_"), entry) for key, entry in zip(keys, entries, strict=True) if key.startswith("b:")]
    # words hold no "_": a name split otherwise could never be built from a sentence
    pair = {(p[0], p[1]): entry for p, entry in split if len(p) == 2}
    other = {key: entry for key, entry in zip(keys, entries, strict=True) if not key.startswith(("w:", "b:"))}
    largest = [max(map(abs, presence.values()), default=0.0) for presence, _ in models]
    return word, pair, other, largest


def _checked(stored: Any) -> Tables:
    word, pair, other, largest = stored
    if not (all(isinstance(part, dict) for part in (word, pair, other)) and isinstance(largest, list)):
        raise TypeError("not refiner tables")
    return word, pair, other, largest
