"""The default sentence sentiment model: multinomial logistic regression over features.features().

Pure Python at run time (a dict lookup per feature is as fast as numpy for ~60 sparse features and
needs no dependency). Weights live in model.json beside this module; tests/packs/train_sentiment.py
rebuilds them from the labelled fixtures.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any, Literal

from watchdesk.agents.flagging.sentiment.features import features

Label = Literal["positive", "negative", "neutral"]
LABELS: tuple[Label, Label, Label] = ("positive", "negative", "neutral")
Weights = tuple[float, float, float]


@dataclass(frozen=True)
class SentimentModel:
    """Per-feature logit weights (positive, negative, neutral) and the biases."""

    weights: dict[str, Weights]
    bias: Weights
    version: str

    @cached_property
    def _known(self) -> frozenset[str]:
        return frozenset(self.weights)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SentimentModel:
        weights = {name: (w[0], w[1], w[2]) for name, w in data["weights"].items()}
        bias = data["bias"]
        return cls(weights=weights, bias=(bias[0], bias[1], bias[2]), version=data["version"])

    def score(self, texts: Sequence[str]) -> list[tuple[Label, float]]:
        """Label and score (P(positive) - P(negative), in [-1, 1]) for each text."""
        weights, known, (b0, b1, b2) = self.weights, self._known, self.bias
        out: list[tuple[Label, float]] = []
        for text in texts:
            s0, s1, s2 = b0, b1, b2
            for name in known.intersection(features(text)):  # most of a sentence's ~60 features have no weight
                w = weights[name]
                s0, s1, s2 = s0 + w[0], s1 + w[1], s2 + w[2]
            top = max(s0, s1, s2)
            e0, e1, e2 = math.exp(s0 - top), math.exp(s1 - top), math.exp(s2 - top)
            value = (e0 - e1) / (e0 + e1 + e2)
            label = LABELS[0] if top == s0 else LABELS[1] if top == s1 else LABELS[2]
            out.append((label, round(value, 4)))
        return out


@cache
def default_model() -> SentimentModel:
    """The shipped model (loaded once)."""
    text = (resources.files("watchdesk.agents.flagging.sentiment") / "model.json").read_text(encoding="utf-8")
    return SentimentModel.from_json(json.loads(text))


def score(texts: Sequence[str], *, model: SentimentModel | None = None) -> list[tuple[Label, float]]:
    """Sentiment of each sentence: ("positive" | "negative" | "neutral", score in [-1, 1])."""
    return (model or default_model()).score(texts)


def score_one(text: str, *, model: SentimentModel | None = None) -> tuple[Label, float]:
    """Sentiment of one sentence."""
    return score([text], model=model)[0]
