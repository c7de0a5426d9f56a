"""The first `watchdesk flag` after an install: wall and CPU time of one command in a fresh process, by how the
compiled-pattern cache was filled before it.

    .venv/bin/python -m tests.bench.bench_first_flag [--cpu N]    (or: make bench-first-flag)

For each start, a fresh cache folder (WATCHDESK_CACHE_DIR), filled as that start fills it, then the first command on
each document and a second one on the same document (warm):
  empty         nothing ran before (a pip install that never ran `watchdesk flag --warm-cache`)
  old install   what the Makefile ran until this change: `flag README.md`, then `flag` on the demo's recorded 10-K
  warm-cache    `watchdesk flag --warm-cache`, what the install runs now
Documents: a 53 KB call (ACN Q1 2022, JSON) and Tesla's FY2024 10-K (a text long enough for the Hyperscan scan), with
the default topics, and the 10-K with every shipped topic (a Hyperscan database is built per topic selection). Pinned
to one CPU, the load average printed: on the shared machine, CPU time is the figure to compare. Needs ../shared.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
from pathlib import Path

from tests.bench.bench_hardening import command_times  # wall and CPU time of one command in a fresh process

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO.parent / "shared" / "fixtures"
CALL = FIXTURES / "transcripts" / "motley_fool_json" / "ACN_q1_2022.json"
TEN_K = FIXTURES / "edgar" / "filings" / "TSLA_10-K_FY2024_filed-2025-01-30.html"
OLD_WARM_FILING = REPO / "sources" / "packs" / "demo" / "bodies" / "9aba0ab993736d1e-nvda-20250126.htm.gz"
ALL_TOPICS = "inventory,supply_chain,geopolitical,demand,pricing_margins,guidance,capacity_capex,"
ALL_TOPICS += "regulation_litigation,ai_demand"


def fill(start: str, env: dict[str, str], folder: Path) -> tuple[float, float]:
    """Fill the cache as `start` does; its own wall and CPU time."""
    if start == "empty":
        return 0.0, 0.0
    if start == "warm-cache":
        return command_times(env, "flag", "--warm-cache")
    filing = folder / "warm-filing.htm"
    filing.write_bytes(gzip.decompress(OLD_WARM_FILING.read_bytes()))
    first, second = command_times(env, "flag", str(REPO / "README.md")), command_times(env, "flag", str(filing))
    return first[0] + second[0], first[1] + second[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last allowed)")
    args = parser.parse_args()
    if not CALL.is_file() or not TEN_K.is_file():
        print(f"no fixtures at {FIXTURES}", file=sys.stderr)
        return 2
    allowed = sorted(os.sched_getaffinity(0))
    cpu = allowed[-1] if args.cpu is None else args.cpu
    os.sched_setaffinity(0, {cpu})
    print(f"pinned to CPU {cpu} of {len(allowed)}; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    documents = [("call, default topics", [str(CALL)]), ("10-K, default topics", [str(TEN_K)]),
                 ("10-K, all 9 topics", [str(TEN_K), "--topics", ALL_TOPICS])]  # fmt: skip
    for start in ("empty", "old install", "warm-cache"):
        for label, given in documents:
            with tempfile.TemporaryDirectory() as tmp:
                env = {**os.environ, "WATCHDESK_CACHE_DIR": tmp}
                env.pop("WATCHDESK_MODEL", None)
                filled = fill(start, env, Path(tmp))
                first, again = command_times(env, "flag", *given), command_times(env, "flag", *given)
            print(f"{start:>11} ({filled[1]:5.2f} s CPU to fill) | first flag of the {label}: wall {first[0]:5.2f} s, "
                  f"CPU {first[1]:5.2f} s | second: wall {again[0]:5.2f} s, CPU {again[1]:5.2f} s", flush=True)
    print(f"after: load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
