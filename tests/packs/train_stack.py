"""Measure a stacked presence pass: the refiner's probability re-read with its neighbours' (tried for issue 10).

Run: .venv/bin/python -m tests.packs.train_stack [--by-company]

A second logistic model per topic re-decides every sentence the refiner looks at, from the refiner's own
probability (in tenths) and the context: whether the sentences either side are accepted, how much of the speech
is, whether it opens an answer to a question speech holding an accepted sentence. Stage-one probabilities of the
training calls are cross-fitted (train_carry.training_rows' inner folds), so the second model learns how much to
trust a held-out-like first pass; the held-out calls' labels reach neither stage.

Measured (leaving calls out, our held-out calls): it moves along the first pass's own precision-recall curve, no
better. Base supply P/R 0.803/0.748 (564/138); stacked, L2 1e-3, threshold 0.3: 0.788/0.763 (575/155), 0.45:
0.807/0.747; the refiner's own threshold at 0.3 instead: 0.785/0.768 (579/159). Geopolitics loses a mention at
every setting (55 -> 54), inventory trades recall for precision (0.911/0.874 -> 0.918/0.854 at 0.45). Not shipped.
"""

from __future__ import annotations

import argparse
from collections import Counter

import numpy as np

from tests.conftest import SHARED_FIXTURES
from tests.labels.calls import CORE
from tests.packs import train_refiner as tr
from tests.packs.train_carry import INNER, Call, Presence, _probability, fast_fit, load_calls, presence_models

Stage = dict[str, dict[int, float]]  # topic -> looked-at sentence -> stage-one probability


def stage_one(call: Call, models: Presence) -> Stage:
    return {t: {i: _probability(*models[t], e.names[t]) for i, e in call.examples.items() if e.looked} for t in CORE}


def stack_features(call: Call, p1: Stage, t: str, i: int) -> list[str]:
    own = p1[t]
    bar = tr.THRESHOLD
    same = call.blocks[i]
    names = [f"p1:{min(9, int(own[i] * 10))}"]
    for k in (1, 2):
        for side, j in (("prev", i - k), ("next", i + k)):
            if 0 <= j < len(call.blocks) and call.blocks[j] == same and own.get(j, 0.0) >= bar:
                names.append(f"{side}{k}")
    speech = [j for j in range(max(0, i - 30), min(len(call.blocks), i + 31)) if call.blocks[j] == same and j != i]
    share = sum(own.get(j, 0.0) >= bar for j in speech) / max(1, len(speech))
    names.append(f"sd{min(4, int(share * 5))}")
    start = next(j for j in range(i, -1, -1) if j == 0 or call.blocks[j - 1] != call.blocks[j])
    if start > 0 and i - start < 4:
        question = [j for j in range(max(0, start - 30), start) if call.blocks[j] == call.blocks[start - 1]]
        if any("?" in call.lowered[j] for j in question) and any(own.get(j, 0.0) >= bar for j in question):
            names.append("ans")
    if any(p1[u].get(i, 0.0) >= bar for u in CORE if u != t):
        names.append("O")
    return names


def rows_of(calls: list[Call], stages: dict[str, Stage], t: str) -> tuple[list[list[str]], np.ndarray]:
    x, y = [], []
    for c in calls:
        for i, e in c.examples.items():
            if e.looked:
                x.append(stack_features(c, stages[c.name], t, i))
                y.append(float(t in e.gold))
    return x, np.array(y)


def cross_fitted(calls: list[Call], written: list[tr.Example]) -> dict[str, Stage]:
    names = [c.name for c in calls]
    out = {}
    for k in range(INNER):
        held = set(names[k::INNER])
        models = presence_models([e for c in calls if c.name not in held for e in c.examples.values()] + written)
        out.update({c.name: stage_one(c, models) for c in calls if c.name in held})
    return out


def cross_validate(calls: list[Call], written: list[tr.Example], *, by_company: bool) -> None:
    stub = [tr.Example(c.name, {}, {}) for c in calls]
    l2s, thresholds = (1e-3, 1e-2), (0.3, 0.35, 0.4, 0.45, 0.5)
    base = {t: Counter() for t in CORE}
    stacked = {(l2, th): {t: Counter() for t in CORE} for l2 in l2s for th in thresholds}
    for fold in tr.folds(stub, by_company=by_company):
        train = [c for c in calls if c.name not in fold]
        held = [c for c in calls if c.name in fold and not c.dev]
        models = presence_models([e for c in train for e in c.examples.values()] + written)
        inner = cross_fitted(train, written)
        outer = {c.name: stage_one(c, models) for c in held}
        for t in CORE:
            x, y = rows_of(train, inner, t)
            fitted = {l2: fast_fit(x, y, l2, 1.0) for l2 in l2s}
            for c in held:
                gold = {i for i, g in c.gold.items() if t in g}
                got = {i for i, p in outer[c.name][t].items() if p >= tr.THRESHOLD}
                base[t].update(tp=len(gold & got), fn=len(gold - got), fp=len(got - gold))
                for l2, (w, b) in fitted.items():
                    p2 = {i: _probability(w, b, stack_features(c, outer[c.name], t, i)) for i in outer[c.name][t]}
                    for th in thresholds:
                        got2 = {i for i, p in p2.items() if p >= th}
                        stacked[l2, th][t].update(tp=len(gold & got2), fn=len(gold - got2), fp=len(got2 - gold))
        print("fold done", flush=True)
    print("base       ", _figures(base))
    for (l2, th), counts in stacked.items():
        print(f"l2 {l2:g} th {th}", _figures(counts))


def _figures(counts: dict[str, Counter]) -> str:
    return "  ".join(
        f"{t[:5]} P {c['tp'] / max(1, c['tp'] + c['fp']):.3f} R {c['tp'] / max(1, c['tp'] + c['fn']):.3f} "
        f"({c['tp']}/{c['fp']})"
        for t, c in counts.items()
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--by-company", action="store_true", help="leave companies out, not calls")
    args = parser.parse_args()
    cross_validate(load_calls(SHARED_FIXTURES), tr.written_examples(), by_company=args.by_company)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
