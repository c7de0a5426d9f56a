"""Where the offline pass's misses sit (issue 10): per topic, the labelled mentions of our held-out calls that it
never looks at (no candidate word and no rule flag, so no refiner can accept them), those it looks at but scores
below its bar, and those it finds; leave-companies-out (or leave-calls-out with --by-call), train_refiner's folds.

Run: PYTHONPATH=. .venv/bin/python -m tests.packs.recall_ceiling [--by-call]   (about 2.5 minutes)

"ceiling" is the recall a refiner accepting every looked-at mention would reach. Session 13 (v0.17):
leave-companies-out supply chain 754 mentions, 113 never looked at (ceiling 0.85), 74 below the bar, 567 found.
"""

from __future__ import annotations

import sys
from collections import Counter

from tests.conftest import SHARED_FIXTURES
from tests.labels.calls import CORE, dev_rows
from tests.packs import train_refiner as tr


def main(argv: list[str]) -> int:
    from watchdesk.agents.flagging.refine import Refiner

    by_company = "--by-call" not in argv
    data = tr.examples(SHARED_FIXTURES)
    dev = {r["file"] for r in dev_rows(SHARED_FIXTURES)}
    counts = {t: Counter() for t in CORE}
    for fold in tr.folds(data, by_company=by_company):
        held = set(fold)
        refiner = Refiner.from_json(tr.train([e for e in data if e.call not in held], tr.L2, tr.THRESHOLD))
        for e in data:
            if e.call not in held or e.call in dev or e.call == "written":
                continue
            for t, model in refiner.topics.items():
                if e.gold.get(t) is None:
                    continue
                if not e.looked:
                    counts[t]["never looked at"] += 1
                else:
                    counts[t]["found" if model.present(e.names[t]) >= model.threshold else "below the bar"] += 1
    print("leave-companies-out" if by_company else "leave-calls-out", "(our held-out calls)")
    for t, c in counts.items():
        total = sum(c.values())
        print(
            f"{t:13s} mentions {total:4d}  never looked at {c['never looked at']:4d}  below the bar "
            f"{c['below the bar']:4d}  found {c['found']:4d}  ceiling {1 - c['never looked at'] / max(1, total):.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
