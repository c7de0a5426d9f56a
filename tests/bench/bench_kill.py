"""Benchmark: 20 runs killed with SIGKILL at random moments, each followed by the next start.

Run: .venv/bin/python -m tests.bench.bench_kill [--trials 20] [--seed 13]

An uninterrupted replayed run is the reference. Each trial starts the same run in a fresh database,
kills it at a random moment of its duration, then starts again: `watchdesk approve RUN_ID` when the
killed run left a row (it is `running`: resumed from its checkpoint), `watchdesk run` when it died
before that. Prints, per trial, when it was killed and whether the data tables and the audit match
the reference (same rows; every stored filing's request audited; same set of successful requests).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from tests.integration import kill_harness as kh


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        db, took = kh.baseline(Path(tmp) / "baseline")
        expected = kh.snapshot(db)
        print(f"uninterrupted run: {took:.1f}s, " + ", ".join(f"{k} {len(v)}" for k, v in expected.items()))
        good = 0
        started = time.monotonic()
        for i in range(args.trials):
            t = kh.trial(Path(tmp) / f"t{i}", kill_after_s=rng.uniform(0.15, 1.0) * took, expected=expected)
            good += t.identical and t.audit_ok
            print(
                f"trial {i + 1:2d}: killed at {t.killed_at_s:5.1f}s, run row {t.run_row:<8} next start {t.restart:<8}"
                f" data identical {t.identical}, audit complete {t.audit_ok} {t.detail}",
                flush=True,
            )
        print(f"{good} of {args.trials} trials identical to the uninterrupted run ({time.monotonic() - started:.0f}s)")


if __name__ == "__main__":
    main()
