"""Written call passages as extra refiner training rows: a measured no-go (issue 10; passages_study.md).

Run: PYTHONPATH=. .venv/bin/python -m tests.packs.passages_study [VARIANT ...]

VARIANT is one of base, no-written, both, presence, polarity, both-0.3, polarity-0.5, prior (default: all). Each prints
train_refiner's leave-companies-out and leave-calls-out figures on our held-out calls, with the 1,254 passages of
passages/*.jsonl trained on in every fold and never scored: `both` teaches presence and polarity, `presence` and
`polarity` one of them, `both-0.3` and `polarity-0.5` at a lower weight, `prior` with each topic's passage
polarities weighted to the calls' class shares; `no-written` is base without our written one-liners
(train_refiner.written_examples()).
`--alone` reads each target sentence without its passage, as the one-liners are read; `--score` prints the shipped
refiner's figures on the passages themselves instead.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from tests.conftest import SHARED_FIXTURES
from tests.labels.calls import CORE, dev_rows
from tests.packs import train_refiner as tr
from watchdesk.agents.flagging.refine import POLARITIES

PASSAGES = Path(__file__).resolve().parent / "passages"
PREFIX = "passage:"  # Example.call of a passage row


def passage_examples(*, alone: bool = False) -> list[tr.Example]:
    """Each passage's target sentence, read with the sentences before and after it, like a filing row (`alone`:
    without them)."""
    out = []
    for path in sorted(PASSAGES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            before = "" if alone else r["before"].strip().removeprefix("Analyst: ")
            after = "" if alone else " " + r["after"].strip()
            out.append(tr.passage_example(PREFIX + path.name, before + " " if before else "", r["sentence"].strip(),
                                          after, r["topics"]))  # fmt: skip
    return out


def _shares(data: list[tr.Example]) -> dict[str, dict[str, float]]:
    """Per topic and polarity: the calls' share over the passages' share."""
    calls: dict[str, Counter[str]] = defaultdict(Counter)
    passages: dict[str, Counter[str]] = defaultdict(Counter)
    for e in data:
        for topic, polarity in e.gold.items():
            if e.call.startswith(PREFIX):
                passages[topic][polarity] += 1
            elif not e.call.startswith(tr.FILING):
                calls[topic][polarity] += 1
    return {
        t: {p: (calls[t][p] / calls[t].total()) / (n / passages[t].total()) for p, n in passages[t].items()}
        for t in passages
    }


def train(data: list[tr.Example], *, presence: bool, polarity: bool, weight: float, prior: bool) -> dict:
    """train_refiner.train() with the passages' part in presence and polarity set apart."""
    shares = _shares(data) if prior else {}
    present = [
        e for e in data
        if (tr.FILING_PRESENCE or not e.call.startswith(tr.FILING)) and (presence or not e.call.startswith(PREFIX))
    ]
    row_weights = np.array([weight if e.call.startswith(PREFIX) else 1.0 for e in present])
    topics = {}
    for t in CORE:
        w, b = tr.fit([e.names[t] for e in present], np.array([int(t in e.gold) for e in present]), 2, tr.L2, tr.CUE,
                      row_weights)  # fmt: skip
        mentioned = [
            (e, u) for u in (t, *(u for u in CORE if u != t)) for e in data
            if u in e.gold and tr._judged(e, u) and (polarity or not e.call.startswith(PREFIX))
        ]  # fmt: skip
        labels = np.array([POLARITIES.index(e.gold[u]) for e, u in mentioned])
        weights = np.array([
            (1.0 if u == t else tr.SHARE)
            * (weight * shares.get(u, {}).get(e.gold[u], 1.0) if e.call.startswith(PREFIX) else 1.0)
            for e, u in mentioned
        ])  # fmt: skip
        w3, b3 = tr.fit(tr._polarity_rows(mentioned, t), labels, 3, tr.POLARITY_L2, tr.CUE, weights)
        w3 = tr._folded(w3)
        topics[t] = {
            "presence": {n: float(v[1] - v[0]) for n, v in w.items() if abs(v[1] - v[0]) >= tr.PRUNE},
            "presence_bias": float(b[1] - b[0]), "threshold": tr.THRESHOLD,
            "polarity": {n: [float(c) for c in v - v.mean()] for n, v in w3.items() if np.abs(v).max() >= tr.PRUNE},
            "polarity_bias": [float(c) for c in b3 - b3.mean()],
        }  # fmt: skip
    return {"version": tr.VERSION, "topics": topics}


VARIANTS = {
    "base": None,
    "no-written": None,
    "both": {"presence": True, "polarity": True, "weight": 1.0, "prior": False},
    "presence": {"presence": True, "polarity": False, "weight": 1.0, "prior": False},
    "polarity": {"presence": False, "polarity": True, "weight": 1.0, "prior": False},
    "both-0.3": {"presence": True, "polarity": True, "weight": 0.3, "prior": False},
    "polarity-0.5": {"presence": False, "polarity": True, "weight": 0.5, "prior": False},
    "prior": {"presence": True, "polarity": True, "weight": 1.0, "prior": True},
}


def main(argv: list[str]) -> int:
    passages = passage_examples(alone="--alone" in argv)
    if "--score" in argv:
        model = json.loads((tr.OUT).read_text(encoding="utf-8"))
        print(f"the shipped refiner on {len(passages)} passages: {tr._figures(tr.score(model, passages))}")
        return 0
    data = tr.examples(SHARED_FIXTURES)
    dev_calls = {r["file"] for r in dev_rows(SHARED_FIXTURES)}
    print(f"{len(data)} examples, {len(passages)} passages", flush=True)
    for name in [a for a in argv if not a.startswith("--")] or list(VARIANTS):
        options = VARIANTS[name]
        for by_company in (True, False):
            counts: dict[str, Counter[str]] = defaultdict(Counter)
            for fold in tr.folds(data, by_company=by_company):
                rest = [e for e in data if e.call not in fold and (name != "no-written" or e.call != "written")]
                model = tr.train(rest, tr.L2, tr.THRESHOLD) if options is None else train(rest + passages, **options)
                ours = [e for e in data if e.call in fold and e.call not in dev_calls and e.call != "written"]
                for t, c in tr.score(model, ours).items():
                    counts[t].update(c)
            part = "leave-companies-out" if by_company else "leave-calls-out"
            print(f"{name:9s} {part:19s} {tr._figures(counts)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
