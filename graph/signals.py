"""Ctrl-C and SIGTERM reach a DuckDB query at once: a watcher thread interrupts the running queries.

Python runs a signal's handler only once the main thread is back in Python code. A DuckDB query on several threads
returns to it only when it ends (a 36 s query stopped 34 s after Ctrl-C), so the run went on until then. The signal's
number is also written to a pipe (signal.set_wakeup_fd) whose reader, this watcher, interrupts each store's running
query (DuckDB's interrupt() is made to be called from another thread); the query then ends as interrupted, which the
store raises as KeyboardInterrupt, and the handler runs as before. The watcher also tells the store that the process
is stopping: a run's steps on LangGraph's worker threads (filings, calls and news fetched in parallel), which
Python's handler never reaches, stop at their next statement instead of running to their end.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator

_STOPPING = frozenset({signal.SIGINT, signal.SIGTERM})


@contextlib.contextmanager
def queries_stop_on_signals() -> Iterator[None]:
    """While open, SIGINT and SIGTERM interrupt the store queries running in this process. Only the main thread can
    set it; elsewhere (a command run from a worker thread) it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _carry_on()  # a Ctrl-C said to an earlier command of this process (a test's) is not this one's
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    previous = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    watcher = threading.Thread(target=_watch, args=(read_end,), name="watchdesk-signals", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        signal.set_wakeup_fd(previous)
        os.close(write_end)  # the watcher reads the end of the pipe, and stops
        watcher.join(timeout=1.0)
        _carry_on()


def _carry_on() -> None:
    if (store := sys.modules.get("watchdesk.store.store")) is not None:
        store.carry_on()


def _watch(read_end: int) -> None:
    try:
        while chunk := os.read(read_end, 64):
            # a command that opened no store never imported it (DuckDB costs a short command its start-up time)
            if _STOPPING.intersection(chunk) and (store := sys.modules.get("watchdesk.store.store")) is not None:
                store.interrupt_queries()
    finally:
        os.close(read_end)
