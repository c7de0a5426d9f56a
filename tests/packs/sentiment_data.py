"""Labelled sentences for the sentiment model, with fixed train / held-out splits.

Sources (../shared/fixtures, see its MANIFEST.md `## sentiment/`), each split so that no sentence is
on both sides, across sets too (about 350 SemEval headlines are also FiQA headlines):
  fiqa_headline, fiqa_post  FiQA 2018 task 1: its own train / test files
  semeval                   SemEval-2017 task 5 headlines: a quarter held out by a hash of the title
  calls                     labels/topic_mentions_dev.jsonl: sentences whose topics agree on one polarity;
                            two of the ten calls held out
  news                      tests/labels/news_sentiment.jsonl, real press-release, MD&A and RSS sentences
                            labelled by reading (tests/labels/news.py): half by a hash of the text held out
  seed                      tests/packs/sentiment_seed.jsonl, our own news-style sentences (training only)
  own_cases                 tests/unit/data/sentiment_cases.jsonl, our own test sentences (never trained on)
Gold scores in [-1, 1] become classes with NEUTRAL_BAND: |score| < 0.15 is neutral.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Literal

Label = Literal["positive", "negative", "neutral"]
NEUTRAL_BAND = 0.15  # in SemEval, |score| < 0.15 are appointments, deals talked about, "to sell unit"
HELD_OUT_CALLS = ("plaintext_2023_2025/AMD_2024_Q4.txt", "motley_fool_json/GLW_q2_2021.json")
HERE = Path(__file__).resolve().parent
SEED = HERE / "sentiment_seed.jsonl"
OWN_CASES = HERE.parent / "unit" / "data" / "sentiment_cases.jsonl"


@dataclass(frozen=True)
class Example:
    text: str
    label: Label
    source: str


@dataclass(frozen=True)
class Split:
    train: list[Example]
    held_out: list[Example]


def to_label(score: float) -> Label:
    return "neutral" if abs(score) < NEUTRAL_BAND else "positive" if score > 0 else "negative"


def load_splits(fixtures: Path) -> dict[str, Split]:
    """Every labelled set, split; `seed` has no held-out part and `own_cases` no training part."""
    root = fixtures / "sentiment"
    headline = {part: _fiqa(root / f"fiqa_2018_task1/task1_headline_ABSA_{part}.json") for part in ("train", "test")}
    post = {part: _fiqa(root / f"fiqa_2018_task1/task1_post_ABSA_{part}.json") for part in ("train", "test")}
    return {
        "fiqa_headline": Split(_tag(headline["train"], "fiqa_headline"), _tag(headline["test"], "fiqa_headline")),
        "fiqa_post": Split(_tag(post["train"], "fiqa_post"), _tag(post["test"], "fiqa_post")),
        "semeval": _semeval(root / "semeval2017_task5/SemEval2017Task5Headlines.json", headline),
        "calls": _calls(fixtures / "labels" / "topic_mentions_dev.jsonl"),
        "seed": Split(read_jsonl(SEED, "seed"), []),
        "news": _news(fixtures),
        "own_cases": Split([], read_jsonl(OWN_CASES, "own_cases")),
    }


def read_jsonl(path: Path, source: str) -> list[Example]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Example(row["text"], row["label"], source) for row in rows]


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _tag(scores: dict[str, float], source: str) -> list[Example]:
    return [Example(text, to_label(score), source) for text, score in scores.items()]


def _fiqa(path: Path) -> dict[str, float]:
    """Sentence -> mean score over its targets (a few headlines name two companies)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {item["sentence"].strip(): mean(float(i["sentiment_score"]) for i in item["info"]) for item in data.values()}


def _semeval(path: Path, headline: dict[str, dict[str, float]]) -> Split:
    scores: dict[str, list[float]] = defaultdict(list)
    for item in json.loads(path.read_text(encoding="utf-8")):
        scores[item["title"].strip()].append(float(item["sentiment"]))
    fiqa_test = {_key(t) for t in headline["test"]}
    fiqa_train = {_key(t) for t in headline["train"]}
    train: list[Example] = []
    held: list[Example] = []
    for title, values in sorted(scores.items()):
        key = _key(title)
        if key in fiqa_test:  # already held out as a FiQA headline: keep it out of training
            continue
        example = Example(title, to_label(mean(values)), "semeval")
        in_test = key not in fiqa_train and hashlib.sha1(key.encode()).digest()[0] % 4 == 0
        (held if in_test else train).append(example)
    return Split(train, held)


def news_half(text: str) -> str:
    """`tune` or `test` for a labelled news sentence, fixed by its text alone."""
    return "tune" if int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


def _news(fixtures: Path) -> Split:
    from tests.labels.news import load_news

    rows = [Example(r.text, r.label, "news") for r in load_news(fixtures)]  # type: ignore[arg-type]
    return Split([e for e in rows if news_half(e.text) == "tune"], [e for e in rows if news_half(e.text) == "test"])


def _calls(path: Path) -> Split:
    train: list[Example] = []
    held: list[Example] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        polarities = set(row["topics"].values())
        if len(polarities) != 1:  # no topic, or topics that disagree: no sentence-level label
            continue
        example = Example(row["sentence"], polarities.pop(), "calls")
        (held if row["file"] in HELD_OUT_CALLS else train).append(example)
    return Split(train, held)
