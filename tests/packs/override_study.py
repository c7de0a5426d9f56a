"""Where the learned pass and the rules disagree on a found mention's polarity, which is right? (issue 10, v0.31)

    PYTHONPATH=. .venv/bin/python -m tests.packs.override_study [--by-company]

train_refiner's folds (leave-calls-out, or leave-companies-out), each trained on the other calls and scored on our own
held-out calls (not the dev calls or the written cases). Per topic and per (rule verdict, learned verdict) pair where
they differ: how many mentions, and how many each got right. Measured 2026-12-05 (leave-calls-out): the learned pass
is right on 10 / 76 / 8 of 15 / 113 / 10 such mentions (inventory / supply chain with a rule verdict / geopolitics),
the rules on 4 / 32 / 1, so a strong rule verdict overruling the learned pass was not shipped.
"""

from __future__ import annotations

import sys
from collections import Counter

from tests.labels.calls import CORE, dev_rows
from tests.packs import train_refiner as tr
from watchdesk.agents.flagging.refine import Refiner, _read_closer

_RULE = ("R:positive", "R:negative", "R:neutral")


def main(argv: list[str]) -> int:
    from tests.conftest import SHARED_FIXTURES

    data = tr.examples(SHARED_FIXTURES)
    dev_calls = {r["file"] for r in dev_rows(SHARED_FIXTURES)}
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for fold in tr.folds(data, by_company="--by-company" in argv):
        model = Refiner.from_json(tr.train([e for e in data if e.call not in fold], tr.L2, tr.THRESHOLD))
        held = [e for e in data if e.call in fold and e.call not in dev_calls and e.call != "written"]
        for topic in CORE:
            tm = model.topics[topic]
            for e in held:
                if topic not in e.gold or not (e.looked and tm.present(e.names[topic]) >= tm.threshold):
                    continue
                learned = _read_closer(e.text, tm.judge(e.names[topic]), topic)[0]
                rule = next((n[2:] for n in e.names[topic] if n in _RULE), "none")
                want = e.gold[topic]
                counts[topic, rule, learned, "n"] += 1
                counts[topic, rule, learned, "learned"] += learned == want
                counts[topic, rule, learned, "rule"] += rule == want
    for topic in CORE:
        print(topic)
        pairs = sorted({(r, h) for t, r, h, _ in counts if t == topic and r != h})
        for rule, learned in pairs:
            n, ok_l, ok_r = (counts[topic, rule, learned, k] for k in ("n", "learned", "rule"))
            print(f"   rule {rule:8s} learned {learned:8s} n {n:3d}  learned right {ok_l:3d}  rule right {ok_r:3d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
