"""The default sentence sentiment model: multinomial logistic regression over features.features().

Pure Python at run time, no dependency: scorer.py compiles the weights into numbered words and word pairs so
that a sentence's sum runs mostly in C (score_by_features spells out the same sums over feature names).
Weights live in model.json beside this module; tests/packs/train_sentiment.py rebuilds them from the
labelled fixtures.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from watchdesk.agents.flagging.deferred import Deferred
from watchdesk.agents.flagging.regex_cache import shipped_head, shipped_json
from watchdesk.agents.flagging.sentiment.features import features
from watchdesk.agents.flagging.sentiment.scorer import CompiledWeights, Label

LABELS: tuple[Label, Label, Label] = ("positive", "negative", "neutral")
Weights = tuple[float, float, float]


@dataclass(frozen=True)
class SentimentModel:
    """Per-feature logit weights (positive, negative, neutral) and the biases."""

    weights: Mapping[str, Weights]
    bias: Weights
    version: str
    digest: str = ""  # of the file the weights came from, when they did: names the compiled tables

    @cached_property
    def _compiled(self) -> CompiledWeights:
        return CompiledWeights(self.weights, self.bias, key=self.digest and f"{self.version}:{self.digest}")

    @classmethod
    def from_json(
        cls, data: dict[str, Any], *, digest: str = "", weights: Mapping[str, Weights] | None = None
    ) -> SentimentModel:
        """The model `data` holds; `weights`, when given, stand for data["weights"] (which `data` may then lack)."""
        bias = data["bias"]
        weights = _weights(data) if weights is None else weights
        return cls(weights=weights, bias=(bias[0], bias[1], bias[2]), version=data["version"], digest=digest)

    def score(self, texts: Sequence[str]) -> list[tuple[Label, float]]:
        """Label and score (P(positive) - P(negative), in [-1, 1]) for each text."""
        return self._compiled.score(texts)

    def score_by_features(self, texts: Sequence[str]) -> list[tuple[Label, float]]:
        """score() spelled out over features.features(): the definition the compiled weights must match."""
        out: list[tuple[Label, float]] = []
        for text in texts:
            s = list(self.bias)
            for name in set(features(text)).intersection(self.weights):
                s = [total + w for total, w in zip(s, self.weights[name], strict=True)]
            top = max(s)
            e = [math.exp(v - top) for v in s]
            out.append((LABELS[s.index(top)], round((e[0] - e[1]) / sum(e), 4)))
        return out


def _weights(data: dict[str, Any]) -> dict[str, Weights]:
    return {name: (w[0], w[1], w[2]) for name, w in data["weights"].items()}


def _head(data: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in data.items() if name != "weights"}


@cache
def default_model() -> SentimentModel:
    """The shipped model (loaded once). Its weights are read only if its compiled tables are not in the regex cache
    (or when asked for): a short command loads the tables alone."""
    path = Path(__file__).with_name("model.json")  # beside this module (importlib.resources: +12 ms)
    head, key = shipped_head(path, _head, kind="json-head")
    return SentimentModel.from_json(head, digest=key, weights=Deferred(lambda: _weights(shipped_json(path)[0])))


def score(texts: Sequence[str], *, model: SentimentModel | None = None) -> list[tuple[Label, float]]:
    """Sentiment of each sentence: ("positive" | "negative" | "neutral", score in [-1, 1]). An empty or blank text
    says nothing: neutral, 0.0 (the model alone gives its bias, neutral 0.0994)."""
    scored = (model or default_model()).score(texts)
    if all(text and not text.isspace() for text in texts):  # the usual batch
        return scored
    blank: tuple[Label, float] = ("neutral", 0.0)
    return [found if text and not text.isspace() else blank for text, found in zip(texts, scored, strict=True)]


def score_one(text: str, *, model: SentimentModel | None = None) -> tuple[Label, float]:
    """Sentiment of one sentence."""
    return score([text], model=model)[0]
