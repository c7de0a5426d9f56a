"""Measured no-go (session 19): keep the refiner from learning one call's own phrasing.

Session 18 found that the shipped refiner memorises its training sentences (polarity 0.99-1.00 on them, 0.81-0.85 on
their paraphrases). Two ways to weaken what a single call teaches, both keeping refine.json's linear format (no
run-time cost), each scored in train_refiner's folds against the one model trained on all the other calls:

  bag N SHARE   average the weights of N refiners, each trained on a random SHARE of the training calls (a feature
                met in few calls is in few of the models, so its averaged weight shrinks);
  mincalls N    keep a word feature only when it occurs in at least N training calls (rule, sentiment and reading
                features always stay).

    PYTHONPATH=. .venv/bin/python -m tests.packs.call_share_study bag 8 0.7 [--by-company]
    PYTHONPATH=. .venv/bin/python -m tests.packs.call_share_study mincalls 3 [--by-company]

About 7 minutes for bag 8 (45 refiners), 3 minutes for mincalls. Measured 2026-12-05 at v0.31 (polarity right out
of found, leave-calls-out / leave-companies-out; inventory, supply chain, geopolitics; presence moved by at most five
mentions of 1,059):

    single model           251 673 195 / 252 653 193
    bag 8 of 70%           252 674 192 / 244 655 192
    mincalls 2             255 672 193 / 254 652 191
    mincalls 3             258 668 192 / 252 649 192

Inventory gains leaving calls out but not leaving companies out (its gain is other quarters of the same company);
supply chain and geopolitics lose. Not shipped.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from tests.packs import train_refiner as tr

Model = dict
Trainer = Callable[[list[tr.Example]], Model]


def average(models: list[Model]) -> Model:
    """One refine.json model whose weights are the mean of `models`' (a weight a model lacks counts as 0)."""
    out: Model = {"version": models[0]["version"], "topics": {}}
    for t in models[0]["topics"]:
        ms = [m["topics"][t] for m in models]
        presence: Counter[str] = Counter()
        polarity: dict[str, np.ndarray] = {}
        for m in ms:
            for n, v in m["presence"].items():
                presence[n] += v / len(ms)
            for n, p in m["polarity"].items():
                polarity[n] = polarity.get(n, np.zeros(3)) + np.array(p) / len(ms)
        out["topics"][t] = {
            "presence": {n: round(v, 4) for n, v in presence.items() if abs(v) >= tr.PRUNE},
            "presence_bias": round(float(np.mean([m["presence_bias"] for m in ms])), 4),
            "threshold": ms[0]["threshold"],
            "polarity": {
                n: [round(float(c), 4) for c in v] for n, v in polarity.items() if np.abs(v).max() >= tr.PRUNE
            },
            "polarity_bias": [round(float(c), 4) for c in np.mean([m["polarity_bias"] for m in ms], axis=0)],
        }
    return out


def _always(e: tr.Example) -> bool:
    """Rows trained on in every model: the labelled filing sentences and the written cases."""
    return e.call.startswith(tr.FILING) or e.call == "written"


def bagged(data: list[tr.Example], n: int, share: float, train: Trainer) -> Model:
    calls = sorted({e.call for e in data if not _always(e)})
    models = []
    for k in range(n):
        keep = set(random.Random(k).sample(calls, round(len(calls) * share)))
        models.append(train([e for e in data if e.call in keep or _always(e)]))
    return average(models)


def restrict(data: list[tr.Example], n: int) -> list[tr.Example]:
    """`data` with each word feature dropped unless it occurs in at least `n` of its calls."""
    calls: dict[str, set[str]] = defaultdict(set)
    for e in data:
        for names in e.names.values():
            for name in names:
                calls[name].add(e.call)

    def keep(name: str) -> bool:
        return tr._cue(name) or tr._named(name).isupper() or len(calls[name]) >= n

    return [replace(e, names={t: [m for m in names if keep(m)] for t, names in e.names.items()}) for e in data]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variant", choices=("bag", "mincalls"))
    parser.add_argument("n", type=int, help="models to average (bag) or the least number of calls (mincalls)")
    parser.add_argument("share", type=float, nargs="?", default=0.7, help="bag: share of the training calls")
    parser.add_argument("--by-company", action="store_true", help="leave companies out, not calls")
    args = parser.parse_args(argv)
    if args.n < 1 or not 0 < args.share <= 1:
        parser.error("n must be at least 1 and share in (0, 1]")

    def train(rows: list[tr.Example]) -> Model:
        return tr.train(rows, tr.L2, tr.THRESHOLD)

    variant: Trainer = (
        (lambda rows: bagged(rows, args.n, args.share, train))
        if args.variant == "bag"
        else (lambda rows: train(restrict(rows, args.n)))
    )
    data = tr.examples(tr.SHARED_FIXTURES)
    totals = {name: {t: Counter() for t in tr.CORE} for name in ("single", args.variant)}
    for i, fold in enumerate(tr.folds(data, by_company=args.by_company), 1):
        rest, held = [e for e in data if e.call not in fold], [e for e in data if e.call in fold]
        for name, trainer in (("single", train), (args.variant, variant)):
            for t, c in tr.score(trainer(rest), held).items():
                totals[name][t].update(c)
        print(f"fold {i} of 5 done", flush=True)
    for name, counts in totals.items():
        found = " ".join(f"{t[:5]} {c['ok']}/{c['tp']}" for t, c in counts.items())
        print(f"{name:9s} {tr._figures(counts)}   polarity right/found: {found}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
