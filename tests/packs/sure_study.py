"""Would "the rules agree with the final verdict" sharpen the refiner's sure mark (refine.is_sure)? A measured no-go
(session 15, QUALITY.md "Also measured (session 15)").

    PYTHONPATH=. .venv/bin/python -m tests.packs.sure_study      (about 2 minutes)

train_refiner's folds, leaving companies out and then calls out, each fold's model on its held-out calls (our own
calls; every looked-at sentence): precision and polarity of the flags per topic, split by the sure mark and by
whether the rules' own polarity on the sentence (the refiner's R:<polarity> feature) is the one the flag gives.
"""

from __future__ import annotations

from tests.labels.calls import CORE
from tests.labels.sureness import fold_flags

Row = tuple[str, bool, bool, bool, bool]  # topic, sure, rules agree, a mention, polarity right


def rows(by_company: bool) -> list[Row]:
    return [
        (topic, sure, f"R:{polarity}" in names, mention, right)
        for (topic, sure, mention, right), polarity, names in fold_flags(by_company)
    ]


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
