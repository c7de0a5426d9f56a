"""A second held-out written set (tests/labels/written_check/, see its README.md): 240 sentences, each verdict decided
by the rubric before any version ran, scored per sentence.

    PYTHONPATH=. .venv/bin/python -m tests.labels.written_check

prints, for the "targeted" half (aimed at what flagging v0.31 changed) and the "general" half (ordinary call and
10-K sentences), how many sentences get every verdict right and how many have a wrong flag marked sure. An expected
value may list several acceptable polarities, null among them meaning "not flagged is fine too"; a topic the row
does not name must not be flagged. It lists no sentence: never tune on its misses.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from tests.labels.calls import CORE

PROBES = Path(__file__).resolve().parent / "written_check" / "probes.jsonl"


def rows(path: Path = PROBES) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(path: Path = PROBES) -> Counter[str]:
    """Per part: "n", "right" (every topic acceptable) and "sure_wrong" (a wrong flag marked sure)."""
    from watchdesk.agents.flagging.flag import flag_text
    from watchdesk.agents.flagging.topics import load_topics

    core = load_topics(CORE)
    counts: Counter[str] = Counter()
    for row in rows(path):
        flags: dict = {}
        for f in flag_text(row["sentence"], topics=core):
            flags.setdefault(f.topic, f)
        right, sure_wrong = True, False
        for topic in CORE:
            flag = flags.get(topic)
            if topic in row["expected"]:
                want = row["expected"][topic]
                accepted = want if isinstance(want, list) else [want]
                ok = (flag.polarity if flag else None) in accepted
            else:
                ok = flag is None
            if not ok:
                right = False
                sure_wrong = sure_wrong or bool(flag and flag.sure)
        part = row["part"]
        counts[f"{part} n"] += 1
        counts[f"{part} right"] += right
        counts[f"{part} sure_wrong"] += sure_wrong
    return counts


def main(argv: list[str]) -> int:
    counts = score()
    for part in ("targeted", "general"):
        n, right, wrong = (counts[f"{part} {k}"] for k in ("n", "right", "sure_wrong"))
        print(f"{part:9s} every verdict right on {right} of {n} ({right / max(1, n):.2f}); wrong and sure {wrong}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
