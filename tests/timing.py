"""Timing helpers shared by the speed tests and the benchmarks."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path


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


def slowdown(sample_s: float = 0.05) -> float:
    """How many times slower than its CPU time the wall clock runs for this process now (1.0 on an idle machine; ~5 at
    a load of 10 on two cores): a busy loop of `sample_s` CPU seconds, timed both ways. For a wall-time bound that
    must hold on a loaded machine as on an idle one: the bound times this, measured in the same test."""
    wall, cpu = time.perf_counter(), time.process_time()
    while time.process_time() - cpu < sample_s:
        pass
    return max(1.0, (time.perf_counter() - wall) / (time.process_time() - cpu))


def cpu_seconds(pid: int) -> float | None:
    """The CPU time (user and system, all threads) process `pid` has used so far, from /proc; None once it has ended
    (reaped or not: an ended process uses no more), or where there is no /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    if fields[0] in ("Z", "X"):  # ended, not reaped yet
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime (fields 14 and 15 of stat)


def after_cpu(pid: int, seconds: float, *, timeout: float = 120.0) -> None:
    """Return once process `pid` has used `seconds` of CPU (or has ended, or `timeout` passed): a moment in its work
    that the machine's load does not move, where a sleep of `seconds` lands earlier in its work the busier the machine
    is (at a load of 15, a 0.4 s sleep ended while the command was still in Python's start-up)."""
    began = time.monotonic()
    while (used := cpu_seconds(pid)) is not None and used < seconds and time.monotonic() - began < timeout:
        time.sleep(0.005)
