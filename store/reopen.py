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

from watchdesk.sources.errors import DatabaseInUseError, HeldByWatchdeskError, StoreSetAsideError
from watchdesk.store import db, unrecorded

REOPEN_WAIT_S = 600.0  # how long a delivery that closed the store waits to reopen it (WATCHDESK_REOPEN_WAIT_S)


def reopen(path: str, *, report: Callable[[str], None], poll_s: float,
           wait_s: float | None) -> duckdb.DuckDBPyConnection | str:  # fmt: skip
    """The file opened again; while another process holds it (it opened the file as this one waited), waited for up
    to `wait_s`, said at once and each minute; once that wait is over, how it is still held (gave_up() says it, with
    the file the outcome goes to). A `wait_s` of None is one try: the process is stopping (Ctrl-C), and nobody should
    wait for a notebook to let go."""
    began, said = time.monotonic(), -1
    while True:
        try:
            return db.connect(path, beside_too=False)  # as it was opened before the wait
        except DatabaseInUseError as exc:
            waited = time.monotonic() - began
            if wait_s is None or waited >= wait_s:
                return (f"is held by {exc.holder} as this process stops" if wait_s is None else
                        f"is still held by {exc.holder} after {_span(wait_s)} (WATCHDESK_REOPEN_WAIT_S)")
            if int(waited) // 60 > said:
                said = int(waited) // 60
                so_far = f" ({said} min so far)" if said else ""
                report(f"{path} was opened by {exc.holder} while this process waited to try its delivery again; "
                       f"this one records what it did once that one lets the file go, waiting up to {_span(wait_s)} "
                       f"(WATCHDESK_REOPEN_WAIT_S){so_far}. {_letting_go(exc)} Ctrl-C stops the wait, keeping what "
                       "it did beside the database")  # fmt: skip
            time.sleep(min(poll_s, max(0.0, wait_s - waited)))


def _letting_go(exc: DatabaseInUseError) -> str:
    """What lets the file go, said to a delivery waiting for it: no --db to pass, its outcome is for this file."""
    if isinstance(exc, HeldByWatchdeskError):
        return ("That command lets it go when it ends, stops at an approval prompt or waits to try a delivery again "
                "itself: nothing needs doing.")  # fmt: skip
    return ("To let it record now, close that connection (or shut the notebook's kernel down): DuckDB lets no process "
            "write a file that another one has open, even read-only.")


def gave_up(path: str, held: str, kept: Path | None) -> str:
    """What a delivery says as it stops waiting for the store: how it is `held`, and the file its outcome is `kept` in
    (beside the store, or in the state folder when that folder refused it; None: no file took it)."""
    if kept is None:
        return (f"{path} {held}: what this delivery does could be written to no file either (beside it or in "
                f"{unrecorded.STATE}), so it is said in full when this command ends; nothing of it is sent again")
    return (f"{path} {held}: what this delivery does is kept in {kept}, and nothing of it is sent again; the next "
            f"watchdesk command that opens the database for writing records it there (`watchdesk runs --db {path} "
            "--upgrade` does, once that program closes it)")


def stopped_waiting(path: str, kept: Path | None) -> str:
    """What a Ctrl-C during the wait for another program to let the store go says, naming the file written."""
    if kept is None:
        return (f"stopped waiting for {path} (Ctrl-C): what this delivery did could be written to no file, so it is "
                "said in full when this command ends; nothing of it is sent again")
    return (f"stopped waiting for {path} (Ctrl-C): what this delivery did is kept in {kept}, and nothing of it is "
            f"sent again; the next watchdesk command that opens the database for writing records it (`watchdesk "
            f"runs --db {path} --upgrade` does, once the program holding it closes it)")


def set_aside_error(path: str, side: Path | None, *, why: str = "held") -> StoreSetAsideError:
    """What a write into a store set aside says: where its delivery's outcome is, and what records it; or, when it
    could be kept in no file (the folders read-only, the disk full), the outcome itself, to be saved as the file.
    `why`: "held" past the reopen wait, or "interrupted" (a Ctrl-C stopped that wait)."""
    # a connection opened read-only holds it too: DuckDB lets no process write a file another one has open
    held = ("was held by another program (a notebook or a DuckDB shell that has it open, even read-only) when a "
            "Ctrl-C stopped this process's wait for it" if why == "interrupted" else
            "is still held by another program (a notebook or a DuckDB shell that has it open, even read-only)")
    upgrade = f"`watchdesk runs --db {path} --upgrade`"
    if (lost := unrecorded.unkept(path)) is not None:
        text, refused = lost
        return StoreSetAsideError(
            f"{path} {held}, so this process could not record the rest of its work, and what its delivery did could "
            f"be written to no file either ({refused}). Nothing of it is sent again by this process. Save the JSON "
            f"below as {unrecorded.side_file(path)} once its folder can be written, then {upgrade} records it into the "
            f"database (before any resend: the database has these sends begun, not how they went):\n{text}"
        )
    return StoreSetAsideError(
        f"{path} {held}, so this process could not record the rest of its work: what its delivery did is kept in "
        f"{side} and nothing of it is sent again. Close that program's connection: the next watchdesk command that "
        f"opens the database for writing records the file into it ({upgrade} does, and writes nothing else), then "
        "`watchdesk runs` lists the deliveries"
    )


def _span(seconds: float) -> str:
    return f"{seconds:g} s" if seconds < 120 else f"{seconds / 60:g} min"
