"""The rules pass alone on 2 MB of 10-K text (split_sentences + rule_verdicts, as flag_text runs it), against REV.

Run: .venv/bin/python -m tests.bench.bench_rules_pass [--against REV] [--rounds N]

Issue 13 wants 2 MB of a 10-K flagged in 1 s; flag_text is the rules pass (this) plus the learned second pass.
Both figures are printed, in CPU seconds, for every shipped topic and for the three default ones; each side runs
in a fresh process pinned to one CPU, sides alternating, best of the rounds (as bench_hardening.py does).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.bench_hardening import TEN_K, baseline_tree, load, pin

WORKER = r"""
import json, sys, time
from pathlib import Path
from watchdesk.agents.flagging.flag import flag_text, rule_verdicts
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.html_text import html_to_text
library = load_topics() if sys.argv[1] == "all" else load_topics(["inventory", "supply_chain", "geopolitical"])
filing = html_to_text(Path(sys.argv[2]).read_bytes())
text = (filing * (2_000_000 // len(filing) + 1))[:2_000_000]
flag_text(filing[:100_000], topics=library)  # compiles outside the timing
start = time.process_time()
rule_verdicts(text, split_sentences(text), library)
rules = time.process_time() - start
start = time.process_time()
flag_text(text, topics=library)
print(json.dumps({"rules": rules, "flag_text": time.process_time() - start}))
"""


def measure(path: Path | None, which: str) -> dict[str, float]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if path is not None:
        env["PYTHONPATH"] = str(path)
    out = subprocess.run([sys.executable, "-c", WORKER, which, str(TEN_K)], env=env, check=True, capture_output=True,
                         text=True)  # fmt: skip
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="bc5cf19", help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(pin(None))
    if not TEN_K.is_file():
        print(f"no 10-K at {TEN_K}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        sides = {"before": baseline_tree(args.against, Path(tmp) / "base"), "now": None}
        for which in ("all", "default"):
            runs: dict[str, list[dict[str, float]]] = {name: [] for name in sides}
            for _ in range(args.rounds):
                for name, path in sides.items():
                    runs[name].append(measure(path, which))
            for part in ("rules", "flag_text"):
                old, new = (min(r[part] for r in runs[name]) for name in ("before", "now"))
                label = "rules pass" if part == "rules" else "flag_text"
                print(f"{label}, {which} topics: before {old:.3f} s, now {new:.3f} s, {old / new:.2f}x faster")
    print(f"after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
