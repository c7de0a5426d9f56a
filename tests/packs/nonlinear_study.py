"""Study: does a nonlinear presence model (gradient-boosted trees) beat the refiner's logistic one held out?

Run (needs lightgbm, not a dependency of the project; a separate venv):
    PYTHONPATH=. VENV/bin/python -m tests.packs.nonlinear_study [--lco] [--only ROW ...] [--seeds N] [--bootstrap]
        [--polarity] [--cache DIR]
Findings: nonlinear_study.md beside this file.

The folds, training data and counting are those of tests/labels/compare.py `leave_calls_out`: train_refiner's
five folds (by company unless --lco), trained on the other calls (dev calls and written cases included), scored on
our own held-out calls only (not the dev calls, not "written"); an example the refiner never looks at
(`looked=False`) is never flagged. Counting is train_refiner.score's: tp/fp/fn per topic, polarity right when
`_read_closer(text, judge, topic)` matches the label.

Rows:
- `logistic th X`: the current refiner (train_refiner.train), its presence threshold set to X;
- `gbm ...`: LightGBM presence on the binary feature matrix (the training fold's names seen >= MIN_COUNT times);
- `stack ...`: the same with one more column, the logit of the logistic presence probability; on the training
  fold that probability is out-of-fold (inner folds of train_refiner.folds over the training calls, by company
  when the outer folds are), on the held-out calls it is the fold's logistic model's, so no held-out label leaks;
- `blend ...`: the mean of the gbm and logistic probabilities.
Polarity of every row is the fold's logistic polarity model (train_refiner.train), read closer as shipped; with
`--polarity` the gbm polarity models (3-class, over the same matrix, + the logistic polarity scores when stacked)
are measured on the baseline's presence.
"""

from __future__ import annotations

import argparse
import itertools
import math
import pickle
from collections import Counter
from pathlib import Path

import lightgbm as lgb
import numpy as np
from scipy import sparse

from tests.conftest import SHARED_FIXTURES
from tests.labels import calls
from tests.labels.calls import CORE
from tests.packs import train_refiner as tr
from watchdesk.agents.flagging.refine import POLARITIES, Refiner, _read_closer
from watchdesk.agents.flagging.refine_tables import probability

MIN_COUNT = 3
ROUNDS = (100, 200, 400, 800)
THRESHOLDS = (0.3, 0.4, 0.5)
GRID = [
    {"num_leaves": leaves, "min_data_in_leaf": mdl, "learning_rate": lr}
    for leaves, mdl, lr in itertools.product((4, 8, 16, 32), (5, 20), (0.05,))
]


def presence_scorer(train: list[tr.Example], topic: str):
    """train_refiner.train's presence model alone (same fit, pruning and rounding), as a probability function."""
    x = [e.names[topic] for e in train]
    y = np.array([int(topic in e.gold) for e in train])
    w, b = tr.fit(x, y, 2, tr.L2, tr.CUE)
    weights = {n: round(float(v[1] - v[0]), 4) for n, v in w.items() if abs(v[1] - v[0]) >= tr.PRUNE}
    bias = round(float(b[1] - b[0]), 4)
    return lambda names: probability(bias, map(weights.get, names, itertools.repeat(0.0)))


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def fold_parts(data: list[tr.Example], by_company: bool, cache: Path | None) -> list[dict]:
    """Per outer fold: training and held-out examples, the baseline model, logistic probabilities (out-of-fold on
    the training calls) and the logistic polarity verdicts of the held-out examples."""
    path = cache / f"folds_{'company' if by_company else 'calls'}.pkl" if cache else None
    if path and path.is_file():
        return pickle.loads(path.read_bytes())
    dev_calls = {r["file"] for r in calls.dev_rows(SHARED_FIXTURES)}
    parts = []
    for k, fold in enumerate(tr.folds(data, by_company=by_company)):
        train = [e for e in data if e.call not in fold]
        ours = [e for e in data if e.call in fold and e.call not in dev_calls and e.call != "written"]
        model = tr.train(train, tr.L2, tr.THRESHOLD)
        refiner = Refiner.from_json(model)
        held_p = {t: [refiner.topics[t].present(e.names[t]) for e in ours] for t in CORE}
        judged = {t: [_read_closer(e.text, refiner.topics[t].judge(e.names[t]), t) for e in ours] for t in CORE}
        oof = {t: [0.0] * len(train) for t in CORE}
        position = {id(e): i for i, e in enumerate(train)}
        for inner in tr.folds(train, by_company=by_company):
            fit_on = [e for e in train if e.call not in inner]
            for t in CORE:
                scorer = presence_scorer(fit_on, t)
                for e in train:
                    if e.call in inner:
                        oof[t][position[id(e)]] = scorer(e.names[t])
        parts.append({"train": train, "ours": ours, "model": model, "held_p": held_p, "judged": judged, "oof": oof})
        print(f"fold {k}: {len(train)} training, {len(ours)} scored examples", flush=True)
    if path:
        path.write_bytes(pickle.dumps(parts))
    return parts


def matrix(rows: list[list[str]], vocab: dict[str, int], extra: list[float] | None = None) -> sparse.csr_matrix:
    indptr, indices = [0], []
    for row in rows:
        indices += sorted({vocab[n] for n in row if n in vocab})
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    x = sparse.csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)), dtype=np.float32)
    if extra is not None:
        x = sparse.hstack([x, sparse.csr_matrix(np.array(extra, dtype=np.float32)[:, None])], format="csr")
    return x


def gbm_params(setting: dict, objective: str = "binary", **more) -> dict:
    return {
        "objective": objective, "verbose": -1, "num_threads": 1, "deterministic": True, "seed": 0,
        "force_col_wise": True, "lambda_l2": 1.0, "feature_fraction": 0.5, "min_sum_hessian_in_leaf": 1e-3,
        **setting, **more,
    }  # fmt: skip


def count(part: dict, topic: str, flagged: list[bool]) -> dict[str, Counter[str]]:
    """train_refiner.score's counting, with presence given; per company (for the bootstrap)."""
    out: dict[str, Counter[str]] = {}
    for e, present, judged in zip(part["ours"], flagged, part["judged"][topic], strict=True):
        c = out.setdefault(tr._company(e.call), Counter())
        want = e.gold.get(topic)
        have = judged[0] if e.looked and present else None
        c["tp" if want and have else "fn" if want else "fp" if have else "tn"] += 1
        c["ok"] += bool(want and have == want)
    return out


Counts = dict[str, dict[str, Counter[str]]]  # topic -> company -> counts


def sweep(parts: list[dict], only: set[str] | None, seeds: int = 1) -> dict[str, Counts]:
    """Row name -> topic -> company -> counts over all folds."""
    out: dict[str, Counts] = {}

    def add(name: str, topic: str, c: dict[str, Counter[str]] | Counter[str]) -> None:
        per = out.setdefault(name, {t: {} for t in CORE})[topic]
        for company, counts in c.items() if isinstance(c, dict) and not isinstance(c, Counter) else [("", c)]:
            per.setdefault(company, Counter()).update(counts)

    for k, part in enumerate(parts):
        base = tr.score(part["model"], part["ours"])  # the shipped counting, as a check on count()
        for t in CORE:
            add("logistic (train_refiner.score)", t, base[t])
            for th in THRESHOLDS:
                add(f"logistic th {th}", t, count(part, t, [p >= th for p in part["held_p"][t]]))
        for t in CORE:
            seen = Counter(n for e in part["train"] for n in set(e.names[t]))
            vocab = {n: i for i, n in enumerate(sorted(n for n, c in seen.items() if c >= MIN_COUNT))}
            y = np.array([int(t in e.gold) for e in part["train"]])
            plain = (
                matrix([e.names[t] for e in part["train"]], vocab),
                matrix([e.names[t] for e in part["ours"]], vocab),
            )
            stacked = (
                matrix([e.names[t] for e in part["train"]], vocab, [logit(p) for p in part["oof"][t]]),
                matrix([e.names[t] for e in part["ours"]], vocab, [logit(p) for p in part["held_p"][t]]),
            )
            for setting, seed in itertools.product(GRID, range(seeds)):
                tag = f"L{setting['num_leaves']} m{setting['min_data_in_leaf']} lr{setting['learning_rate']}"
                suffix = f" s{seed}" if seeds > 1 else ""  # --only names rows without it
                for kind, (xt, xh) in (("gbm", plain), ("stack", stacked)):
                    wanted = (f"{kind} {tag} ", f"blend {tag} ") if kind == "gbm" else (f"{kind} {tag} ",)
                    if only and not any(o.startswith(wanted) for o in only):
                        continue
                    booster = lgb.train(gbm_params(setting, seed=seed), lgb.Dataset(xt, y), num_boost_round=max(ROUNDS))
                    for rounds in ROUNDS:
                        p = booster.predict(xh, num_iteration=rounds)
                        rows = [(f"{kind} {tag} r{rounds}", p)]  # suffixed below
                        if kind == "gbm":
                            rows.append((f"blend {tag} r{rounds}", (p + np.array(part["held_p"][t])) / 2))
                        for name, probs in rows:
                            for th in THRESHOLDS:
                                row = f"{name} th {th}"
                                if not only or row in only:
                                    add(row + suffix, t, count(part, t, [q >= th for q in probs]))
        print(f"swept fold {k}", flush=True)
    return out


def polarity_study(parts: list[dict]) -> dict[str, Counts]:
    """GBM polarity (3-class) against the logistic one, both on the baseline's presence (threshold as shipped)."""
    out: dict[str, Counts] = {}

    def add(name: str, topic: str, c: dict[str, Counter[str]]) -> None:
        per = out.setdefault(name, {t: {} for t in CORE})[topic]
        for company, counts in c.items():
            per.setdefault(company, Counter()).update(counts)

    for part in parts:
        for t in CORE:
            flagged = [p >= tr.THRESHOLD for p in part["held_p"][t]]
            add("logistic polarity", t, count(part, t, flagged))
            # the same training rows as train_refiner.train's polarity model: own mentions, others' at SHARE
            mentioned = [(e, u) for u in (t, *(u for u in CORE if u != t)) for e in part["train"] if u in e.gold]
            labels = np.array([POLARITIES.index(e.gold[u]) for e, u in mentioned])
            weights = np.array([1.0 if u == t else tr.SHARE for _, u in mentioned])
            rows = [e.names[u] for e, u in mentioned]
            seen = Counter(n for r in rows for n in set(r))
            vocab = {n: i for i, n in enumerate(sorted(n for n, c in seen.items() if c >= MIN_COUNT))}
            xt = matrix(rows, vocab)
            xh = matrix([e.names[t] for e in part["ours"]], vocab)
            for setting in ({"num_leaves": 4, "min_data_in_leaf": 5, "learning_rate": 0.05},
                            {"num_leaves": 8, "min_data_in_leaf": 20, "learning_rate": 0.05}):  # fmt: skip
                booster = lgb.train(
                    gbm_params(setting, "multiclass", num_class=3), lgb.Dataset(xt, labels, weight=weights),
                    num_boost_round=400,
                )  # fmt: skip
                for rounds in (100, 200, 400):
                    probs = booster.predict(xh, num_iteration=rounds)
                    judged = [
                        _read_closer(e.text, (POLARITIES[int(np.argmax(q))], float(q.max())), t)
                        for e, q in zip(part["ours"], probs, strict=True)
                    ]
                    name = f"gbm polarity L{setting['num_leaves']} m{setting['min_data_in_leaf']} r{rounds}"
                    add(name, t, count({**part, "judged": {t: judged}}, t, flagged))
    return out


def total(per: dict[str, Counter[str]], companies: list[str] | None = None) -> Counter[str]:
    out: Counter[str] = Counter()
    for company in per if companies is None else companies:
        out.update(per.get(company, Counter()))
    return out


def rates(c: Counter[str]) -> tuple[float, float, float]:
    return c["tp"] / max(1, c["tp"] + c["fp"]), c["tp"] / max(1, c["tp"] + c["fn"]), c["ok"] / max(1, c["tp"])


def figures(counts: Counts) -> str:
    cells = []
    for t in CORE:
        c = total(counts[t])
        p, r, pol = rates(c)
        cells.append(f"{t[:5]} {p:.3f}/{r:.3f}/{pol:.3f} ({c['tp']}tp {c['fp']}fp {c['fn']}fn)")
    return "  ".join(cells)


def _drawn(per: dict[str, Counter[str]], companies: list[str], weight: np.ndarray) -> np.ndarray:
    """P, R and polarity of each draw (rows of `weight`: how often each company was drawn)."""
    table = np.array([[per.get(c, Counter())[k] for k in ("tp", "fp", "fn", "ok")] for c in companies])
    tp, fp, fn, ok = (weight @ table).T
    return np.stack([tp / np.maximum(1, tp + fp), tp / np.maximum(1, tp + fn), ok / np.maximum(1, tp)], 1)


def bootstrap(row: Counts, base: Counts, draws: int = 2000) -> str:
    """The row's P, R and polarity minus the base's, per topic: 5-95% interval over companies drawn with
    replacement."""
    rng = np.random.default_rng(0)
    cells = []
    for t in CORE:
        companies = sorted(base[t])
        picks = rng.integers(0, len(companies), (draws, len(companies)))
        weight = np.stack([np.bincount(p, minlength=len(companies)) for p in picks])  # draws x companies
        d = _drawn(row[t], companies, weight) - _drawn(base[t], companies, weight)
        lo, hi = np.percentile(d, 5, axis=0), np.percentile(d, 95, axis=0)
        cells.append(
            f"{t[:5]} dP [{lo[0]:+.3f},{hi[0]:+.3f}] dR [{lo[1]:+.3f},{hi[1]:+.3f}] dpol [{lo[2]:+.3f},{hi[2]:+.3f}]"
        )
    return "  ".join(cells)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lco", action="store_true", help="leave calls out (default: leave companies out)")
    parser.add_argument("--only", nargs="*", help="row names to compute (default: the whole grid)")
    parser.add_argument("--polarity", action="store_true", help="also the gbm polarity models")
    parser.add_argument("--cache", type=Path, help="keep the per-fold logistic parts here")
    parser.add_argument("--seeds", type=int, default=1, help="train each gbm setting with this many seeds")
    parser.add_argument("--bootstrap", action="store_true", help="intervals of each row's change over logistic th 0.4")
    args = parser.parse_args()
    data = tr.examples(SHARED_FIXTURES)
    parts = fold_parts(data, by_company=not args.lco, cache=args.cache)
    print("leave-calls-out" if args.lco else "leave-companies-out", "P/R/polarity", flush=True)
    results = sweep(parts, set(args.only) if args.only else None, args.seeds)
    if args.polarity:
        results.update(polarity_study(parts))
    for name, counts in results.items():
        print(f"{name:34s} {figures(counts)}", flush=True)
    if args.bootstrap:
        for name, counts in results.items():
            if name == "logistic (train_refiner.score)":  # counted whole, not per company
                continue
            print(f"{name:34s} vs logistic th 0.4: {bootstrap(counts, results['logistic th 0.4'])}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
