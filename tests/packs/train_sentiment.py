"""Rebuild agents/flagging/sentiment/model.json from the labelled fixtures (deterministic), then report.

Run: .venv/bin/python -m tests.packs.train_sentiment [--fixtures ../shared/fixtures] [--out PATH]

Multinomial logistic regression fitted with numpy only (full-batch Adam from zero weights, so the same
data gives the same file). Trains on the training part of every set in tests/packs/sentiment_data.py;
prints held-out accuracy / macro-F1 next to Loughran-McDonald and always-neutral.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

from tests.conftest import REPO, SHARED_FIXTURES
from tests.packs.sentiment_data import Example, load_splits
from tests.packs.sentiment_eval import held_out_sets, report
from watchdesk.agents.flagging.sentiment.features import features
from watchdesk.agents.flagging.sentiment.model import LABELS, SentimentModel

OUT = REPO / "agents" / "flagging" / "sentiment" / "model.json"
VERSION = "lr-1"
# How much one sentence of each set counts: microblog posts and call sentences are further from news.
# The seed is the only set written like news sentences (many neutral, metric moves), so it counts double.
SOURCE_WEIGHT = {"fiqa_headline": 1.0, "semeval": 1.0, "fiqa_post": 0.5, "calls": 0.5, "seed": 2.0, "news": 3.0}
# News sentences are about 60% neutral, the labelled headlines far less: move the biases part of the way
# to that prior. 0.25 of the full shift was best in 5-fold cross-validation on the seed (0.93 accuracy
# reweighted to the news prior, against 0.87 for the full shift and 0.92 for none).
NEWS_PRIOR = {"positive": 0.28, "negative": 0.12, "neutral": 0.60}
PRIOR_STRENGTH = 0.25
L2 = 3e-3
CUE_L2_FACTOR = 0.1
STEPS, LEARNING_RATE = 400, 0.05
MIN_COUNT = 2  # features seen once are mostly names; cue features (upper case) are always kept
PRUNE = 0.02  # weights this small change no decision; dropping them keeps model.json small


def training_set(fixtures: Path) -> list[Example]:
    return [e for split in load_splits(fixtures).values() for e in split.train]


def vocabulary(rows: list[list[str]]) -> list[str]:
    counts = Counter(name for row in rows for name in set(row))
    return sorted(name for name, n in counts.items() if n >= MIN_COUNT or name.isupper())


def design(rows: list[list[str]], vocab: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """CSR-style (row of each entry, column of each entry) for binary presence features."""
    index = {name: i for i, name in enumerate(vocab)}
    pairs = [(r, index[n]) for r, row in enumerate(rows) for n in sorted(set(row)) if n in index]
    return np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])


def fit(
    rows: np.ndarray, cols: np.ndarray, y: np.ndarray, w: np.ndarray, penalty: np.ndarray, *, classes: int = 3,
    steps: int = STEPS,
) -> np.ndarray:
    """Weights (n_features + 1, classes), last row the bias; weighted cross-entropy plus L2, full-batch Adam."""
    theta = np.zeros((len(penalty) + 1, classes))
    m, v = np.zeros_like(theta), np.zeros_like(theta)
    onehot = np.eye(classes)[y]
    total = w.sum()
    for step in range(1, steps + 1):
        logits = np.zeros((len(y), classes)) + theta[-1]
        np.add.at(logits, rows, theta[cols])
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        delta = (p - onehot) * w[:, None] / total
        grad = np.zeros_like(theta)
        np.add.at(grad, cols, delta[rows])
        grad[-1] = delta.sum(axis=0)
        grad[:-1] += penalty[:, None] * theta[:-1]
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        theta -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return theta


def train(examples: list[Example]) -> SentimentModel:
    rows = [features(e.text) for e in examples]
    vocab = vocabulary(rows)
    r, c = design(rows, vocab)
    y = np.array([LABELS.index(e.label) for e in examples])
    w = np.array([SOURCE_WEIGHT[e.source] for e in examples])
    # The few hand-written cue features are meant to carry weight: penalise them less than words
    penalty = np.array([L2 * (CUE_L2_FACTOR if name.isupper() else 1.0) for name in vocab])
    theta = fit(r, c, y, w, penalty)
    seen = np.bincount(y, weights=w, minlength=3) / w.sum()
    bias = theta[-1] + PRIOR_STRENGTH * np.log(np.array([NEWS_PRIOR[label] for label in LABELS]) / seen)
    weights = {
        name: (round(a, 4), round(b, 4), round(d, 4))
        for name, (a, b, d) in zip(vocab, theta[:-1].tolist(), strict=True)
        if max(a, b, d) - min(a, b, d) >= PRUNE
    }
    bias_t = (round(float(bias[0]), 4), round(float(bias[1]), 4), round(float(bias[2]), 4))
    return SentimentModel(weights=weights, bias=bias_t, version=VERSION)


def save(model: SentimentModel, path: Path) -> None:
    data = {"version": model.version, "labels": list(LABELS), "bias": list(model.bias), "weights": model.weights}
    path.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=SHARED_FIXTURES)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    examples = training_set(args.fixtures)
    print(f"training on {len(examples)} sentences: {dict(Counter(e.source for e in examples))}")
    model = train(examples)
    save(model, args.out)
    print(f"wrote {args.out} ({len(model.weights)} features, {args.out.stat().st_size / 1e3:.0f} KB)")
    for name, n, method, acc, f1 in report(held_out_sets(args.fixtures), model=model):
        print(f"{name:14} {n:4d}  {method:8} {acc:8.3f} {f1:8.3f}")


if __name__ == "__main__":
    main()
