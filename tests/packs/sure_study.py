"""Would "the rules agree with the final verdict" sharpen the refiner's sure mark (refine.is_sure)? A measured no-go
(session 15, README "Also measured (session 15)").

    PYTHONPATH=. .venv/bin/python -m tests.packs.sure_study      (about 2 minutes)

train_refiner's folds, leaving companies out and then calls out, each fold's model on its held-out calls (our own
calls; every looked-at sentence): precision and polarity of the flags per topic, split by the sure mark and by
whether the rules' own polarity on the sentence (the refiner's R:<polarity> feature) is the one the flag gives.
"""

from __future__ import annotations

from tests.conftest import SHARED_FIXTURES
from tests.labels.calls import CORE, dev_rows
from tests.packs import train_refiner as tr
from watchdesk.agents.flagging.refine import Refiner, _read_closer, is_sure
from watchdesk.agents.flagging.refine_tables import softmax_judged

Row = tuple[str, bool, bool, bool, bool]  # topic, sure, rules agree, a mention, polarity right


def rows(by_company: bool) -> list[Row]:
    data = tr.examples(SHARED_FIXTURES)
    dev_calls = {r["file"] for r in dev_rows(SHARED_FIXTURES)}
    out: list[Row] = []
    for fold in tr.folds(data, by_company=by_company):
        refiner = Refiner.from_json(tr.train([e for e in data if e.call not in fold], tr.L2, tr.THRESHOLD))
        for e in data:
            if e.call not in fold or e.call in dev_calls or not e.looked:
                continue
            for topic, model in refiner.topics.items():
                p = model.present(e.names[topic])
                if p < model.threshold:
                    continue
                weights = filter(None, map(model.polarity.get, e.names[topic]))
                verdict, confidence = softmax_judged(model.polarity_bias, weights)
                closer = _read_closer(e.text, verdict, topic)
                want = e.gold.get(topic)
                sure = is_sure(p, confidence, settled=closer != verdict)
                out.append((topic, sure, f"R:{closer[0]}" in e.names[topic], want is not None, want == closer[0]))
    return out


def main() -> int:
    for by_company in (True, False):
        print("leave-companies-out" if by_company else "leave-calls-out")
        found = rows(by_company)
        for topic in CORE:
            mine = [r for r in found if r[0] == topic]
            parts = {
                "sure": [r for r in mine if r[1]],
                "unsure": [r for r in mine if not r[1]],
                "sure, rules agree": [r for r in mine if r[1] and r[2]],
                "sure, rules disagree": [r for r in mine if r[1] and not r[2]],
                "unsure, rules agree": [r for r in mine if not r[1] and r[2]],
            }
            for label, part in parts.items():
                hits = [r for r in part if r[3]]
                share, precision = len(part) / max(1, len(mine)), len(hits) / max(1, len(part))
                polarity = sum(r[4] for r in hits) / max(1, len(hits))
                print(f"  {topic:13s} {label:22s} flags {len(part):4d} ({share:4.0%})", end="")
                print(f"  precision {precision:.2f}  polarity {polarity:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
