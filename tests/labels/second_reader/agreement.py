"""A blind second reading of 280 labelled-call sentences, scored against the labels (the team's dev set and ours).

    PYTHONPATH=. .venv/bin/python -m tests.labels.second_reader.agreement

reader.jsonl holds the second reader's verdicts (file, idx, the sentence's hash, which set it came from); the
labels are read live, so the figures follow any later label fix. See README.md for how the sample was drawn.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tests.labels.calls import CORE, dev_rows, own_rows
from tests.labels.readme_split import SECTION3, digest, sentences

HERE = Path(__file__).resolve().parent


def reader_rows() -> list[dict]:
    return [json.loads(line) for line in (HERE / "reader.jsonl").read_text(encoding="utf-8").splitlines() if line]


def agreement(root: Path) -> dict[str, Counter[str]]:
    """Counts per stratum ("dev", "ours", and each set split by keyword and by the label being a mention)."""
    labels = {(r["file"], r["idx"]): r["topics"] for r in dev_rows(root) + own_rows(root)}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in reader_rows():
        sentence = sentences(root, row["file"])[row["idx"]][0]
        if digest(sentence) != row["sha"]:
            raise ValueError(f"{row['file']}:{row['idx']} no longer holds the sentence read")
        gold, read = labels.get((row["file"], row["idx"]), {}), row["reader"]
        keyword = "keyword" if SECTION3.search(sentence) else "no keyword"
        for stratum in (row["set"], f"{row['set']} {keyword} {'mention' if gold else '{}'}"):
            c = counts[stratum]
            c["n"] += 1
            c["same topics"] += set(gold) == set(read)
            for t in CORE:
                both, label_only, reader_only = t in gold and t in read, t in gold, t in read
                c["both" if both else "label only" if label_only else "reader only" if reader_only else "none"] += 1
                if both:
                    c["polarity ok"] += gold[t] == read[t]
    return counts


def main(argv: list[str]) -> int:
    from tests.conftest import SHARED_FIXTURES

    for stratum, c in sorted(agreement(SHARED_FIXTURES).items()):
        print(
            f"{stratum:26s} n {c['n']:3d}  same topics {c['same topics'] / c['n']:.2f}"
            f"  topic pairs: both {c['both']:3d}"
            f"  label only {c['label only']:2d}  reader only {c['reader only']:2d}"
            f"  polarity agrees {c['polarity ok'] / max(1, c['both']):.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
