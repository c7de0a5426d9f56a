"""Polarity class-bias study (issue 10, session 14; a measured no-go, QUALITY.md "Also measured (session 14)").

Would shifting a topic's learned neutral bias, so that fewer (or more) found mentions read neutral, get more
polarities right on calls the model has not seen? For each of train_refiner's folds (leave-companies-out, then
leave-calls-out) the refiner is trained on the other calls, and the held-out mentions it finds are judged with the
neutral bias moved by each shift (the rubric relations of refine._read_closer applied as in the product).

Run: PYTHONPATH=. .venv/bin/python -m tests.packs.bias_study   (about 2 minutes)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from tests.labels.calls import CORE
from tests.packs import train_refiner as tr

SHIFTS = (-0.6, -0.4, -0.2, 0.0, 0.2, 0.4, 0.6, 0.9)


def main() -> int:
    from tests.conftest import SHARED_FIXTURES
    from watchdesk.agents.flagging.refine import POLARITIES, Refiner, _read_closer

    neutral = POLARITIES.index("neutral")
    data = tr.examples(SHARED_FIXTURES)
    for by_company in (True, False):
        right: Counter[tuple[str, float]] = Counter()
        found: Counter[tuple[str, float]] = Counter()
        for fold in tr.folds(data, by_company=by_company):
            model = Refiner.from_json(tr.train([e for e in data if e.call not in fold], tr.L2, tr.THRESHOLD))
            held = [e for e in data if e.call in fold and e.call != "written"]
            for topic in CORE:
                tm = model.topics[topic]
                for shift in SHIFTS:
                    bias = list(tm.polarity_bias)
                    bias[neutral] -= shift
                    shifted = replace(tm, polarity_bias=(bias[0], bias[1], bias[2]))
                    for e in held:
                        if topic not in e.gold or not (e.looked and tm.present(e.names[topic]) >= tm.threshold):
                            continue
                        have = _read_closer(e.text, shifted.judge(e.names[topic]), topic)[0]
                        right[topic, shift] += have == e.gold[topic]
                        found[topic, shift] += 1
        print("leave-companies-out" if by_company else "leave-calls-out", "(neutral bias lowered by the shift)")
        for topic in CORE:
            print(f"  {topic:13s}", "  ".join(f"{s:+.1f}: {right[topic, s]}/{found[topic, s]}" for s in SHIFTS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
