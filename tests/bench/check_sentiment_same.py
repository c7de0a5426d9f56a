"""Does this code's sentence sentiment give exactly the labels and scores of an earlier revision's?

Run: .venv/bin/python -m tests.bench.check_sentiment_same [--against REV]   (default REV: main)

Sentences: every labelled sentiment set (tests/packs/sentiment_data.py: FiQA, SemEval, the dev calls, the
seed and own cases, and `news`: every line of tests/labels/news_sentiment*.jsonl, both halves), and the benchmark's
real sentences from the fixtures' calls and filings (tests/bench/bench_sentiment.py). REV's model is unpacked
as bench_hardening does and scores them in a subprocess. Prints the count compared and each difference (label
or score, to the 4 decimals the model reports); exit code 1 when any differs. Needs ../shared/fixtures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.bench_hardening import baseline_tree, env_for
from tests.bench.bench_sentiment import corpus
from tests.conftest import SHARED_FIXTURES
from tests.packs.sentiment_data import load_splits

WORKER = r"""
import json, sys
from watchdesk.agents.flagging.sentiment import score
sentences = json.load(open(sys.argv[1], encoding="utf-8"))
print(json.dumps(score(sentences)))
"""


def labelled(fixtures: Path) -> dict[str, list[str]]:
    """Sentences of every labelled sentiment set, by set."""
    sets = {
        f"{name}/{part}": [e.text for e in getattr(split, part)]
        for name, split in load_splits(fixtures).items()
        for part in ("train", "held_out")
    }
    sets["bench corpus"] = corpus(fixtures)
    return sets


def scored(sentences: list[str], env: dict[str, str], data: Path) -> list[tuple[str, float]]:
    data.write_text(json.dumps(sentences), encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", WORKER, str(data)], env=env, check=True, capture_output=True, text=True)
    return [(label, value) for label, value in json.loads(out.stdout)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="REV", default="main")
    parser.add_argument("--fixtures", type=Path, default=SHARED_FIXTURES)
    args = parser.parse_args()
    sets = labelled(args.fixtures)
    sentences = [s for texts in sets.values() for s in texts]
    if not sets["bench corpus"]:
        print(f"no fixtures at {args.fixtures}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        before = scored(sentences, env_for(baseline_tree(args.against, Path(tmp) / "base"), Path(tmp)), Path(tmp) / "s")
        now = scored(sentences, env_for(None, Path(tmp)), Path(tmp) / "s")
    differ = 0
    start = 0
    for name, texts in sets.items():
        pairs = list(zip(before[start : start + len(texts)], now[start : start + len(texts)], texts, strict=True))
        start += len(texts)
        wrong = [(old, new, text) for old, new, text in pairs if old != new]
        differ += len(wrong)
        print(f"{name:28s} {len(texts):6d} sentences, {len(wrong)} differ")
        for old, new, text in wrong[:5]:
            print(f"    {old} -> {new}: {text[:100]!r}")
    print(f"against {args.against}: {len(sentences)} sentences, {len(sentences) - differ} identical, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
