"""Do static MiniLM wordpiece vectors help the refiner read companies it never saw? (issue 10, a measured study)

Run: PYTHONPATH=. .venv/bin/python -m tests.packs.embed_study --table /tmp/minilm64.npz [--alpha 0.3] [--dense-l2 ...]

The table comes from tests/packs/distill_embed.py (all-MiniLM-L6-v2 distilled by model2vec, offline). Each
looked-at sentence becomes the mean of its wordpieces' vectors (tests/packs/embed_wordpiece.py splits it as BERT does),
standardised on the training folds and scaled by `--alpha`; that vector joins the sparse features of both the
presence and the polarity model of every topic (train_refiner's models, same data, same L2, same folds). The
figures are train_refiner.score's, on our own held-out calls, leave-calls-out and leave-companies-out, with the
vector and without (the same code with alpha 0 reproduces train_refiner.train).
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter
from pathlib import Path

import numpy as np

from tests.conftest import SHARED_FIXTURES
from tests.labels.calls import CORE, dev_rows
from tests.packs import train_refiner as tr
from tests.packs.embed_wordpiece import wordpieces
from tests.packs.train_sentiment import LEARNING_RATE
from watchdesk.agents.flagging.refine import POLARITIES, Refiner, _read_closer
from watchdesk.agents.flagging.refine_tables import logistic, softmax_verdict

CACHE = Path("/tmp/watchdesk-embed-study-examples.pickle")


def load_examples(*, fresh: bool = False) -> list[tr.Example]:
    """train_refiner.examples(), kept in /tmp between runs (the rules' pass over 40-odd calls takes minutes)."""
    if CACHE.is_file() and not fresh:
        return pickle.loads(CACHE.read_bytes())
    data = tr.examples(SHARED_FIXTURES)
    CACHE.write_bytes(pickle.dumps(data))
    return data


def sentence_vectors(texts: list[str], table: Path, *, normalise: bool = False) -> np.ndarray:
    """Each text's mean wordpiece vector (zeros for a text with no piece in the table)."""
    stored = np.load(table)
    tokens = [str(t) for t in stored["tokens"]]
    vectors = stored["vectors"].astype(np.float64)
    index = {t: i for i, t in enumerate(tokens)}
    out = np.zeros((len(texts), vectors.shape[1]))
    for r, text in enumerate(texts):
        rows = [index[p] for p in wordpieces(text, index)]
        if rows:
            out[r] = vectors[rows].mean(axis=0)
    if normalise:
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
    return out


def fit_dense(
    x: list[list[str]], dense: np.ndarray, y: np.ndarray, classes: int, l2: float, dense_l2: float,
    cue: float = 1.0, weights: np.ndarray | None = None,
) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """train_refiner.fit with a dense block beside the binary features: (sparse weights, bias, dense weights)."""
    counts = Counter(n for row in x for n in set(row))
    vocab = sorted(n for n, c in counts.items() if c >= tr.MIN_COUNT or tr._named(n).isupper() or tr._cue(n))
    index = {n: i for i, n in enumerate(vocab)}
    pairs = [(r, index[n]) for r, row in enumerate(x) for n in sorted(set(row)) if n in index]
    rows, cols = np.array([p[0] for p in pairs], dtype=int), np.array([p[1] for p in pairs], dtype=int)
    penalty = np.array([l2 * (cue if tr._cue(n) or tr._named(n).isupper() else 1.0) for n in vocab])
    w = np.ones(len(y)) if weights is None else weights
    theta = np.zeros((len(vocab) + 1, classes))
    dw = np.zeros((dense.shape[1], classes))
    state = [np.zeros_like(theta), np.zeros_like(theta), np.zeros_like(dw), np.zeros_like(dw)]
    onehot, total = np.eye(classes)[y], w.sum()
    for step in range(1, tr.STEPS + 1):
        logits = np.zeros((len(y), classes)) + theta[-1] + dense @ dw
        np.add.at(logits, rows, theta[cols])
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        delta = (p - onehot) * w[:, None] / total
        grad = np.zeros_like(theta)
        np.add.at(grad, cols, delta[rows])
        grad[-1] = delta.sum(axis=0)
        grad[:-1] += penalty[:, None] * theta[:-1]
        dgrad = dense.T @ delta + dense_l2 * dw
        for param, g, (m, v) in ((theta, grad, state[:2]), (dw, dgrad, state[2:])):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g**2
            param -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {n: theta[i] for i, n in enumerate(vocab)}, theta[-1], dw


def train_dense(
    data: list[tr.Example], dense: np.ndarray, dense_l2: float, *, where: str = "both"
) -> tuple[dict, dict[str, tuple]]:
    """train_refiner.train with the dense rows beside each example: refine.json's dict and each topic's dense
    weights (presence: one column, polarity: three); `where` "presence" or "polarity" gives the other none."""
    row = {id(e): r for r, e in enumerate(data)}
    given = dense
    dense = given if where != "polarity" else np.zeros_like(given)
    topics, extra = {}, {}
    for t in CORE:
        y = np.array([int(t in e.gold) for e in data])
        w, b, dw = fit_dense([e.names[t] for e in data], dense, y, 2, tr.L2, dense_l2, tr.CUE)
        presence = {n: round(float(v[1] - v[0]), 4) for n, v in w.items() if abs(v[1] - v[0]) >= tr.PRUNE}
        mentioned = [(e, u) for u in (t, *(u for u in CORE if u != t)) for e in data if u in e.gold]
        labels = np.array([POLARITIES.index(e.gold[u]) for e, u in mentioned])
        weights = np.array([1.0 if u == t else tr.SHARE for _, u in mentioned])
        rows = (given if where != "presence" else np.zeros_like(given))[[row[id(e)] for e, _ in mentioned]]
        w3, b3, dw3 = fit_dense(tr._polarity_rows(mentioned, t), rows, labels, 3, tr.POLARITY_L2, dense_l2, tr.CUE,
                                weights)  # fmt: skip
        w3 = tr._folded(w3)
        polarity = {n: [round(float(c), 4) for c in v - v.mean()] for n, v in w3.items() if np.abs(v).max() >= tr.PRUNE}
        topics[t] = {"presence": presence, "presence_bias": round(float(b[1] - b[0]), 4), "threshold": tr.THRESHOLD,
                     "polarity": polarity, "polarity_bias": [round(float(c), 4) for c in b3 - b3.mean()]}
        extra[t] = (dw[:, 1] - dw[:, 0], dw3 - dw3.mean(axis=1, keepdims=True))
    return {"version": tr.VERSION, "topics": topics}, extra


def score_dense(model: dict, extra: dict[str, tuple], data: list[tr.Example], dense: np.ndarray) -> dict:
    """train_refiner.score, the dense weights' sums added to each model's bias."""
    refiner = Refiner.from_json(model)
    counts: dict[str, Counter[str]] = {t: Counter() for t in CORE}
    for r, e in enumerate(data):
        for t, tm in refiner.topics.items():
            wp, wq = extra[t]
            want = e.gold.get(t)
            z = tm.presence_bias + float(dense[r] @ wp) + sum(tm.presence.get(n, 0.0) for n in e.names[t])
            present = e.looked and logistic(z) >= tm.threshold
            bias = tuple(float(b + s) for b, s in zip(tm.polarity_bias, dense[r] @ wq, strict=True))
            judged = softmax_verdict(bias, filter(None, map(tm.polarity.get, e.names[t])))  # type: ignore[arg-type]
            have = _read_closer(e.text, judged, t)[0] if present else None
            counts[t]["tp" if want and have else "fn" if want else "fp" if have else "tn"] += 1
            counts[t]["ok"] += bool(want and have == want)
    return counts


def measure(
    data: list[tr.Example], vectors: np.ndarray, *, alpha: float, dense_l2: float, by_company: bool, where: str,
    prototypes: bool = False,
) -> str:
    """The five folds, standardised on each training part; figures on our own held-out calls."""
    dev_calls = {r["file"] for r in dev_rows(SHARED_FIXTURES)}
    totals: dict[str, Counter[str]] = {t: Counter() for t in CORE}
    for fold in tr.folds(data, by_company=by_company):
        train_idx = [r for r, e in enumerate(data) if e.call not in fold]
        held_idx = [r for r, e in enumerate(data) if e.call in fold and e.call not in dev_calls and e.call != "written"]
        raw = cosines(vectors, [data[r] for r in train_idx], vectors[train_idx]) if prototypes else vectors
        mean, std = raw[train_idx].mean(axis=0), raw[train_idx].std(axis=0) + 1e-6
        dense = alpha * (raw - mean) / std
        model, extra = train_dense([data[r] for r in train_idx], dense[train_idx], dense_l2, where=where)
        for t, c in score_dense(model, extra, [data[r] for r in held_idx], dense[held_idx]).items():
            totals[t].update(c)
    return figures(totals)


def cosines(vectors: np.ndarray, train: list[tr.Example], train_vectors: np.ndarray) -> np.ndarray:
    """Each vector's cosine with the training part's centroids: no topic, then each topic's mentions by polarity."""
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    train_unit = train_vectors / np.maximum(np.linalg.norm(train_vectors, axis=1, keepdims=True), 1e-9)
    groups = [[r for r, e in enumerate(train) if not e.gold]]
    groups += [[r for r, e in enumerate(train) if e.gold.get(t) == p] for t in CORE for p in POLARITIES]
    centroids = np.stack([train_unit[g].mean(axis=0) for g in groups if g])
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
    return unit @ centroids.T


def figures(counts: dict[str, Counter[str]]) -> str:
    """Per topic: precision, recall, polarity (three places), and the mentions found / missed, falsely flagged."""
    return "  ".join(
        f"{t[:5]} P {c['tp'] / max(1, c['tp'] + c['fp']):.3f} R {c['tp'] / max(1, c['tp'] + c['fn']):.3f} "
        f"pol {c['ok'] / max(1, c['tp']):.3f} ({c['tp']}/{c['fn']}/{c['fp']} ok {c['ok']})" for t, c in counts.items()
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, required=True)
    parser.add_argument("--alpha", type=float, nargs="+", default=[0.0, 0.3])
    parser.add_argument("--dense-l2", type=float, nargs="+", default=[1e-2])
    parser.add_argument("--normalise", action="store_true")
    parser.add_argument("--prototypes", action="store_true", help="cosines to class centroids instead of the vector")
    parser.add_argument("--where", choices=("both", "presence", "polarity"), default="both")
    parser.add_argument("--parts", nargs="+", choices=("LCO", "LCompO"), default=["LCO", "LCompO"])
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached examples")
    args = parser.parse_args()
    data = load_examples(fresh=args.fresh)
    vectors = sentence_vectors([e.text for e in data], args.table, normalise=args.normalise)
    print(f"{len(data)} examples, {vectors.shape[1]} dims", flush=True)
    for alpha in args.alpha:
        for dense_l2 in args.dense_l2 if alpha else [0.0]:
            for part in args.parts:
                found = measure(data, vectors, alpha=alpha, dense_l2=dense_l2, by_company=part == "LCompO",
                                where=args.where, prototypes=args.prototypes)  # fmt: skip
                kind = f"{args.where}{' prototypes' if args.prototypes else ''} {vectors.shape[1]}d"
                print(f"{kind} alpha {alpha:g} l2 {dense_l2:g} {part:6s} {found}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
