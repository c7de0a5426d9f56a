"""Opening the store again after a wait with it closed, for a bounded time (WATCHDESK_REOPEN_WAIT_S).

A delivery closes the store while it waits to try a send again (store.py `released`); a notebook or a DuckDB shell
may open the file meanwhile and keep it. Waited for with no limit, a cron run stayed alive as long as the notebook
did, with what it sent known only to its memory; past the wait, what it writes goes beside the store (unrecorded.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from watchdesk.sources.errors import DatabaseInUseError, StoreSetAsideError
from watchdesk.store import db, unrecorded

REOPEN_WAIT_S = 600.0  # how long a delivery that closed the store waits to reopen it (WATCHDESK_REOPEN_WAIT_S)


def reopen(path: str, *, report: Callable[[str], None], poll_s: float,
           wait_s: float) -> duckdb.DuckDBPyConnection | None:  # fmt: skip
    """The file opened again; while another process holds it (it opened the file as this one waited), waited for up
    to `wait_s`, said at once and each minute; None once that wait is over, said with where the outcome goes."""
    began, said = time.monotonic(), -1
    while True:
        try:
            return db.connect(path)
        except DatabaseInUseError as exc:
            waited = time.monotonic() - began
            if waited >= wait_s:
                report(f"{path} is still held by another program after {_span(wait_s)} (WATCHDESK_REOPEN_WAIT_S): "
                       f"what this delivery does is kept in {unrecorded.side_file(path)}, and nothing of it is sent "
                       f"again; the next watchdesk command that opens the database for writing records it there "
                       f"(`watchdesk runs --db {path} --upgrade` does, once that program closes it)")  # fmt: skip
                return None
            if int(waited) // 60 > said:
                said = int(waited) // 60
                so_far = f" ({said} min so far)" if said else ""
                report(f"{path} was opened by another process while this one waited; this one records what it did "
                       f"once that one closes the file, waiting up to {_span(wait_s)} (WATCHDESK_REOPEN_WAIT_S)"
                       f"{so_far}: {exc}")  # fmt: skip
            time.sleep(min(poll_s, max(0.0, wait_s - waited)))


def set_aside_error(path: str, side: Path | None) -> StoreSetAsideError:
    """What a write into a store set aside says: where its delivery's outcome is, and what records it."""
    return StoreSetAsideError(
        f"{path} is still held by another program (a notebook or a DuckDB shell that opened it for writing, not "
        f"read_only=True), so this process could not record the rest of its work: what its delivery did is kept in "
        f"{side} and nothing of it is sent again. Close that program's connection: the next watchdesk command that "
        f"opens the database for writing records the file into it (`watchdesk runs --db {path} --upgrade` does, and "
        "writes nothing else), then `watchdesk runs` lists the deliveries"
    )


def _span(seconds: float) -> str:
    return f"{seconds:g} s" if seconds < 120 else f"{seconds / 60:g} min"
