"""Timing helpers shared by the speed tests and the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(runs: int, work: Callable[[], object], *, cpu: bool = False) -> float:
    """Fastest of a few runs: timing noise from a busy machine only ever adds. `cpu=True` times the process's CPU
    seconds instead of the wall clock (for single-threaded work: other processes on the machine then barely count)."""
    clock = time.process_time if cpu else time.perf_counter
    times = []
    for _ in range(runs):
        start = clock()
        work()
        times.append(clock() - start)
    return min(times)
