"""Benchmark: 20 runs killed with SIGKILL at random moments, each followed by the next start.

Run: .venv/bin/python -m tests.bench.bench_kill [--trials 20] [--seed 13]

An uninterrupted replayed run is the reference. Each trial starts the same run in a fresh database (forked from a
Python that imported the pipeline once: kill_harness.Forks), kills it at a random moment of its work (in CPU
seconds), then starts again: `watchdesk approve RUN_ID` when the
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
    forks = kh.Forks()
    with tempfile.TemporaryDirectory() as tmp:
        db, used = kh.baseline(Path(tmp) / "baseline", forks)
        expected = kh.snapshot(db)
        print(f"uninterrupted run: {used:.1f}s of CPU, " + ", ".join(f"{k} {len(v)}" for k, v in expected.items()))
        good = 0
        started = time.monotonic()
        for i in range(args.trials):
            t = kh.trial(Path(tmp) / f"t{i}", forks=forks, kill_after_cpu_s=rng.uniform(0.0, 1.0) * used,
                         expected=expected)  # fmt: skip
            good += t.identical and t.audit_ok
            print(
                f"trial {i + 1:2d}: killed after {t.killed_at_cpu_s:5.1f}s of CPU, run row {t.run_row:<8} next start "
                f"{t.restart:<8}"
                f" data identical {t.identical}, audit complete {t.audit_ok} {t.detail}",
                flush=True,
            )
        print(f"{good} of {args.trials} trials identical to the uninterrupted run ({time.monotonic() - started:.0f}s)")
    forks.close()


if __name__ == "__main__":
    main()
