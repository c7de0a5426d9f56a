"""A blind set of written sentences (tests/labels/written_blind/, see its README.md), scored per sentence.

    PYTHONPATH=. .venv/bin/python -m tests.labels.written_blind

prints, per topic, precision, recall and polarity over the sentences the rubric settles, how many sentences get every
verdict right, and how many sure flags are wrong. It lists no sentence: the set is held out (score it, never tune on
its misses).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from tests.labels.calls import CORE

PROBES = Path(__file__).resolve().parent / "written_blind" / "probes.jsonl"


def score(path: Path = PROBES) -> tuple[int, int, int, int, Counter[tuple[str, str]]]:
    """(sentences, all right, sure flags, sure flags wrong, per-topic counts: found/missed/false/right)."""
    from watchdesk.agents.flagging.flag import flag_text
    from watchdesk.agents.flagging.topics import load_topics

    core = load_topics(CORE)
    counts: Counter[tuple[str, str]] = Counter()
    n = whole = sure = sure_wrong = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("unsure"):
            continue
        n += 1
        flags = {f.topic: f for f in flag_text(row["sentence"], topics=core)}
        right = True
        for topic in CORE:
            want, flag = row["expected"].get(topic), flags.get(topic)
            if want and flag:
                counts[topic, "found"] += 1
                counts[topic, "right"] += flag.polarity == want
                sure += bool(flag.sure)
                sure_wrong += bool(flag.sure) and flag.polarity != want
                right &= flag.polarity == want
            elif want or flag:
                counts[topic, "missed" if want else "false"] += 1
                right = False
        whole += right
    return n, whole, sure, sure_wrong, counts


def main(argv: list[str]) -> int:
    n, whole, sure, sure_wrong, c = score()
    print(f"{n} sentences the rubric settles: every verdict right on {whole} ({whole / n:.2f}); "
          f"sure flags wrong {sure_wrong} of {sure}")
    for t in CORE:
        found, missed, false, right = (c[t, k] for k in ("found", "missed", "false", "right"))
        print(f"  {t:13s} P {found / max(1, found + false):.2f}  R {found / max(1, found + missed):.2f}  "
              f"polarity {right / max(1, found):.2f}  (found {found}, missed {missed}, false {false})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
