"""Benchmark: one whole run over the demo watchlist (replayed), cold and warm.

Run: .venv/bin/python -m tests.bench.bench_run

Prints the cold run (everything fetched, parsed, sectioned, flagged, briefed), the warm re-run
(nothing new: listings only), and, as the baseline measured in the same process, the floor of
merely replaying every recorded response once (reading and gunzipping the pack).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from watchdesk.graph import runner
from watchdesk.graph.demo import DEMO_AS_OF, DEMO_RUN_ID, demo_pack, demo_replay_dir, demo_watchlist
from watchdesk.graph.settings import Settings
from watchdesk.sources.replay import ReplayPack, read_index


def replay_floor() -> float:
    started = time.perf_counter()
    pack = ReplayPack.load(demo_pack())
    for entry in read_index(demo_pack()):
        pack.lookup(entry.url)
    return time.perf_counter() - started


def timed_run(settings: Settings, phases: list[tuple[float, str]]) -> float:
    started = time.perf_counter()
    runner.start_run(
        demo_watchlist(),
        settings,
        run_id=DEMO_RUN_ID,
        report=lambda msg: phases.append((time.perf_counter() - started, msg)),
    )
    return time.perf_counter() - started


def main() -> None:
    floor = min(replay_floor() for _ in range(3))
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            db_path=Path(tmp) / "bench.duckdb",
            mode="replay",
            replay_dir=demo_replay_dir(Path(tmp)),
            as_of=DEMO_AS_OF,
            out_dir=Path(tmp) / "out",
            progress=False,
        )
        cold_phases: list[tuple[float, str]] = []
        cold = timed_run(settings, cold_phases)
        warm = timed_run(settings, [])
    print("Run over the demo watchlist (replayed; imports excluded)")
    print(f"  replay floor (read + gunzip every recorded response): {floor:7.3f} s  (baseline)")
    print(f"  cold run  (fetch, text, sections, flag, brief):       {cold:7.3f} s  = {cold / floor:6.1f}x baseline")
    print(f"  warm run  (nothing new: listings only, briefing):     {warm:7.3f} s  = {warm / floor:6.1f}x baseline")
    print("  cold run phases:")
    last = 0.0
    for at, msg in cold_phases:
        print(f"    +{at - last:6.3f} s  {msg[:90]}")
        last = at


if __name__ == "__main__":
    main()
