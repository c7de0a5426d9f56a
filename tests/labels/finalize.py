"""Turn a labeller's working file into a label file that holds no transcript text.

    python -m tests.labels.finalize FILE WORK.jsonl OUT.jsonl

FILE is relative to fixtures/transcripts/ (e.g. plaintext_2023_2025/NVDA_2024_Q4.txt). WORK.jsonl has one object per
labelled sentence: {"idx": 12, "topics": {"supply_chain": "negative"}} ({} for a candidate about none of the three
topics). Every candidate sentence of the file must appear; non-candidates that are labelled become manual additions.
OUT gets {"file", "idx", "sha", "topics", "manual"} rows in idx order, where sha is the first 12 hex digits of the
SHA-1 of the sentence, so a loader can check the text it rebuilds from ../shared is the one that was labelled.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.labels.readme_split import CANDIDATE, digest, sentences

TOPICS = {"inventory", "supply_chain", "geopolitical"}
POLARITIES = {"positive", "negative", "neutral"}


def main(argv: list[str]) -> int:
    name, work, out = argv
    root = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"
    sents = sentences(root, name)
    labels: dict[int, dict[str, str]] = {}
    for n, line in enumerate(Path(work).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        idx, topics = int(row["idx"]), row["topics"]
        if not 0 <= idx < len(sents):
            raise SystemExit(f"{work}:{n}: idx {idx} out of range (0..{len(sents) - 1})")
        bad = {k: v for k, v in topics.items() if k not in TOPICS or v not in POLARITIES}
        if bad:
            raise SystemExit(f"{work}:{n}: bad topics {bad}")
        labels[idx] = topics
    missing = [i for i, (s, _) in enumerate(sents) if CANDIDATE.search(s) and i not in labels]
    if missing:
        raise SystemExit(f"candidates without a label: {missing}")
    with open(out, "w", encoding="utf-8") as fh:
        for idx in sorted(labels):
            sentence = sents[idx][0]
            manual = not CANDIDATE.search(sentence)
            if manual and not labels[idx]:
                continue  # a non-candidate about no topic adds nothing
            fh.write(json.dumps({"file": name, "idx": idx, "sha": digest(sentence), "topics": labels[idx],
                                 "manual": manual}) + "\n")
    print(f"wrote {out}: {len(Path(out).read_text(encoding='utf-8').splitlines())} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
