"""Opening the DuckDB file, the one-writer rule, and numbered migrations."""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import re
import shlex
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb

from watchdesk.sources.errors import (
    ConfigError,
    DatabaseInUseError,
    DiskFullError,
    HeldByWatchdeskError,
    StoreError,
    StoreFileError,
    disk_full,
)
from watchdesk.sources.redact import redact_text
from watchdesk.store import beside, template, unrecorded

DEFAULT_DB = Path("watchdesk.duckdb")
_LOCK_HELD = re.compile(r"Conflicting lock is held in (?P<prog>.*?) \(PID (?P<pid>\d+)\)")
_UNWRITABLE = re.compile(r"Read-only file system|Permission denied|Operation not permitted")
# what each refusal to write means, said after DuckDB's words: EPERM on a file its owner (or root) may write is the
# immutable attribute (chattr +i), which chmod does not show
_UNWRITABLE_HINT = {
    "Read-only file system": "its file system is mounted read-only",
    "Permission denied": "this user may not write it: `ls -l` shows its owner and mode",
    "Operation not permitted": "the file is probably marked immutable: `lsattr` shows an i, and `chattr -i` (as root) "
                               "lifts it",
}
_CUT_SHORT = re.compile(r'Could not read enough bytes from file "(?P<path>[^"]*)"')
_BAD_CHECKSUM = re.compile(r"Corrupt database file: computed checksum")
_DIGEST = re.compile(r"#[0-9a-f]{16}$")  # what ends a news feed's cursor key (agents/news.py::_feed_key)


def connect(path: Path | str = DEFAULT_DB, *, read_only: bool = False,
            beside_too: bool = True) -> duckdb.DuckDBPyConnection:  # fmt: skip
    """Open (and migrate, unless read-only) the store; a file held by another process is a clear error.

    A read-only open creates nothing, not even the file's folder. A DuckDB file that is not a watchdesk store, or a
    store of a newer watchdesk's schema, is refused before anything is read from it or written into it, and so is a
    store whose folder takes no new file (its log goes there), unless `beside_too` is False: a delivery reopening
    the store it had open (reopen.py) goes on as it did.
    """
    target = str(path)
    if target != ":memory:" and not read_only:
        try:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise (beside.folder_refused(Path(target), exc) or exc) from exc
        # a folder that refuses DuckDB's log fails the first write, not the open: asked now (not of a device)
        if beside_too and (not Path(target).exists() or Path(target).is_file()) and \
                (refused := beside.refused_beside(Path(target))):
            raise refused
        template.made_from_template(Path(target))  # tests only: a new file starts as a migrated, empty store
    try:
        con = duckdb.connect(target, read_only=read_only)
    except duckdb.IOException as exc:
        raise _translate_open_error(target, exc, read_only=read_only) from exc
    except duckdb.Error as exc:  # a block that fails its checksum may be read as the file opens
        if (bad := cut_short(exc, path=target)) is not None:
            raise bad from exc
        raise
    try:
        # Every time is stored as UTC: DuckDB turns an aware datetime bound into a TIMESTAMP column into the session's
        # time zone, which is the machine's (a writer under TZ=America/Los_Angeles stored 03:11 for 11:11 UTC, and the
        # "latest flagging" order then went wrong across machines and DST).
        con.execute("SET TimeZone = 'UTC'")
        if target == ":memory:":
            template.copied_into_memory(con)  # tests only: a new store starts as a migrated, empty one
        if target != ":memory:" and (cut := _missing_blocks(con, target)) is not None:
            raise cut  # found before a migration or a run writes into it
        version = schema_version(con)
        if version is None and (read_only or _tables(con)):
            raise _not_a_store(target, con, read_only=read_only)
        if version is not None and version > latest_version():  # its tables may mean what this one cannot know
            raise _newer(target, version)
        if not read_only:
            if not _all_applied(con, version):  # a store holding every shipped migration has nothing to apply
                migrate(con)
            _drop_secret_cursors(con)
            if target != ":memory:":
                _own_identity(con, Path(target))
                unrecorded.settle(con, target)  # what a delivery could not write into it: recorded now
    except BaseException as exc:
        with contextlib.suppress(duckdb.Error):  # closing would write a WAL it replayed into the file it refuses
            con.execute("PRAGMA disable_checkpoint_on_shutdown")
        con.close()
        if (cut := cut_short(exc, path=target)) is not None:
            raise cut from exc
        raise
    return con


def _drop_secret_cursors(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the cursors whose key holds a secret: watchdesk before 2026-12-06 kept a news feed's validators under
    'feed:' and its URL, ?token= in clear, a row no run reads since (the key now names the URL redacted). Done on
    every writable open, not as a migration: a store already past the last one holds them too, and the table is
    small (a row per feed and transcript source)."""
    rows = con.execute("SELECT ticker, source FROM cursors WHERE contains(source, '://')").fetchall()
    # today's key ends in its digest ("#0123abcd..."), which would read as part of a secret value written last
    secret = [(ticker, source) for ticker, source in rows
              if redact_text(bare := _DIGEST.sub("", source)) != bare]  # fmt: skip
    for ticker, source in secret:
        con.execute("DELETE FROM cursors WHERE ticker = ? AND source = ?", [ticker, source])


def _own_identity(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Record where the store is kept; a copy (the store it was copied from still kept where it was) draws its own
    identity, which tags its briefing files, so a copy briefing into the original's folder never replaces its files.
    """
    here = str(path.resolve())
    ((kept_at,),) = con.execute("SELECT kept_at FROM store_identity").fetchall()
    if kept_at == here:
        return
    copied = kept_at is not None and Path(kept_at).is_file() and not Path(kept_at).samefile(here)
    new_id = "replace(CAST(gen_random_uuid() AS VARCHAR), '-', '')" if copied else "store_id"
    con.execute(f"UPDATE store_identity SET kept_at = ?, store_id = {new_id}", [here])


def _missing_blocks(con: duckdb.DuckDBPyConnection, path: str) -> ConfigError | None:
    """The damaged-file error when the file ends before a block its data uses; None when it holds them all. DuckDB
    itself finds a missing block only when a query reads it (a run wrote into such a file before its briefing did).
    The highest block a table segment or the metadata uses, and the count of blocks in use, bound the size the file
    must have (three 4 KiB headers, then the blocks); free blocks at its end may be cut, and are no damage."""
    ((block_size, used, free),) = con.execute(
        "SELECT block_size, used_blocks, free_blocks FROM pragma_database_size()"
        " WHERE database_name = current_database()"
    ).fetchall()
    size = Path(path).stat().st_size
    if size >= 3 * 4096 + (used + free) * block_size:  # it holds every block, used or free: no segment to look up
        return None
    highest = used - 1 if free == 0 else _highest_block(con)  # no free block: every block up to the last is in use
    needed = 3 * 4096 + max(used, highest + 1) * block_size
    return _damaged(path) if size < needed else None


def _highest_block(con: duckdb.DuckDBPyConnection) -> int:
    """The highest block a table segment or the metadata uses (-1: none)."""
    highest = -1
    for schema, table in con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database()"
    ).fetchall():
        name = f'"{schema.replace(chr(34), chr(34) * 2)}"."{table.replace(chr(34), chr(34) * 2)}"'
        for block, more in con.execute(
            "SELECT block_id, additional_block_ids FROM pragma_storage_info(?) WHERE persistent AND block_id >= 0",
            [name],
        ).fetchall():
            highest = max(highest, block, *(more or ()))
    for (block,) in con.execute("SELECT block_id FROM pragma_metadata_info()").fetchall():
        highest = max(highest, block)
    return highest


def cut_short(exc: BaseException, *, path: str | None = None) -> ConfigError | None:
    """A DuckDB file that ends before its data does, or one whose block fails its checksum (a bad copy, a disk fault,
    a stray write), said as such with what to do; None for any other error. DuckDB finds either only when it reads
    the block, which may be at open, at the first query or in the middle of a run."""
    if not isinstance(exc, duckdb.Error):
        return None
    if (found := _CUT_SHORT.search(str(exc))) is not None:
        return _damaged(path or found["path"])
    if _BAD_CHECKSUM.search(str(exc)) is not None:
        return _refused(f"{path or 'the store'} {_CORRUPT}", do=_RESTORE)
    return None


_DAMAGED = ("is damaged: the file ends before DuckDB's data does (cut short, as by a full disk or a copy that did not "
            "finish), so it cannot be read.")
_CORRUPT = ("is damaged: a block of it does not match the checksum DuckDB wrote with it (a copy that went wrong, a "
            "disk fault or a stray write), so it cannot be read.")
_RESTORE = ("Restore it from a copy, or pass --db with a new path to start a new store.",
            "Restore it from a copy, or set WATCHDESK_DB to another store's path")
# a notebook reads WATCHDESK_DB in its first cell: a path set in the kernel is read once that cell runs again
_IN_THE_KERNEL = (' (in the notebook: os.environ["WATCHDESK_DB"] = "/path/to/watchdesk.duckdb"), then run the notebook '
                  "again from its first cell.")


def _refused(said: str, *, do: tuple[str, str]) -> StoreFileError:
    """The store's file refused: `said`, then what to do on the command line (do[0]) or in a notebook (do[1]), which
    has no --db to pass."""
    error = StoreFileError(f"{said} {do[0]}")
    error.in_a_notebook = f"{said} {do[1]}{_IN_THE_KERNEL}"
    return error


def _damaged(path: str) -> ConfigError:
    return _refused(f"{path} {_DAMAGED}", do=_RESTORE)


def schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The newest migration applied to the file (0: none yet); None when the file is not a watchdesk store."""
    # duckdb_tables() where information_schema.tables (which holds views too) took twice as long, on every open
    found = con.execute("SELECT 1 FROM duckdb_tables() WHERE database_name = current_database() "
                        "AND schema_name = 'main' AND table_name = 'schema_migrations'").fetchall()  # fmt: skip
    if not found:
        return None
    return int(con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchall()[0][0])


def _all_applied(con: duckdb.DuckDBPyConnection, version: int | None) -> bool:
    """Whether the store holds every shipped migration: its newest alone is not enough (a store missing an earlier
    one, as a test of that migration makes, still gets it)."""
    if version != latest_version():
        return False
    applied = con.execute("SELECT count(DISTINCT version) FROM schema_migrations").fetchall()[0][0]
    return int(applied) == len(_shipped())


def latest_version() -> int:
    """The newest migration this watchdesk ships."""
    return max(version for version, _, _ in migrations())


def require_current(con: duckdb.DuckDBPyConnection, path: Path | str) -> None:
    """Refuse a store whose schema is not this watchdesk's: a read-only reader cannot migrate it, and its queries
    would fail on tables and columns a later migration adds."""
    have, want = schema_version(con), latest_version()
    if have is None:
        raise _not_a_store(str(path), con, read_only=True)
    if have < want:
        raise StoreFileError(
            f"{path} is a watchdesk store at schema version {have}, older than this watchdesk's ({want}); reading "
            f"never migrates it. Migrate it with `watchdesk runs --db {path} --upgrade` (it writes nothing else), "
            "then read it again."
        )
    if have > want:
        raise _newer(str(path), have)


def _newer(path: str, have: int) -> ConfigError:
    return StoreFileError(
        f"{path} is at schema version {have}, written by a newer watchdesk than this one ({latest_version()}): "
        "upgrade watchdesk here to use it; this one neither reads nor writes it."
    )


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables and views of the main schema, by name."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"
    ).fetchall()
    return [row[0] for row in rows]


def _not_a_store(path: str, con: duckdb.DuckDBPyConnection, *, read_only: bool) -> ConfigError:
    tables = _tables(con)
    holds = f"its tables: {', '.join(tables[:5])}{', ...' if len(tables) > 5 else ''}" if tables else "no tables"
    instead = "" if read_only else ", or a new path to create one"
    return _refused(
        f"{path} is a DuckDB database but not a watchdesk store (no schema_migrations table; {holds}):",
        do=(f"give a file that `watchdesk run` or `watchdesk demo` wrote{instead}",
            "set WATCHDESK_DB to the path of a file that `watchdesk run` or `watchdesk demo` wrote"),
    )


def _empty(path: str) -> bool:
    try:
        return os.path.getsize(path) == 0
    except OSError:
        return False


def _translate_open_error(
    path: str, exc: duckdb.IOException, *, read_only: bool
) -> StoreError | ConfigError | DiskFullError:
    held = _LOCK_HELD.search(str(exc))
    if held is None and (cut := cut_short(exc, path=path)) is not None:
        return cut
    if held is None and "not a valid DuckDB database file" in str(exc):  # bad input, not a fault: exit 2
        if _empty(path):  # `touch watchdesk.duckdb`, a copy that wrote nothing: removing it is the fix
            return _refused(f"{path} is empty (0 bytes), not a DuckDB database: remove it and `watchdesk run` or "
                            "`watchdesk demo` creates the store there, or",
                            do=("give the watchdesk.duckdb file a run wrote",
                                "set WATCHDESK_DB to the path of the watchdesk.duckdb file a run wrote"))
        instead = "" if read_only else ", or a new path to create one"
        return _refused(f"{path} is not a DuckDB database (watchdesk's store):",
                        do=(f"give a watchdesk.duckdb file{instead}",
                            "set WATCHDESK_DB to the path of a watchdesk.duckdb file a run wrote"))
    if held is None and read_only and "database does not exist" in str(exc):
        return StoreFileError(f"no database at {path}: give the file a watchdesk run wrote")
    if held is None and not read_only and (why := _UNWRITABLE.search(str(exc))):
        return StoreFileError(f"the database {path} cannot be written ({why[0]}: {_UNWRITABLE_HINT[why[0]]}): this "
                              "command records what it does in it, so it stopped before doing anything; make it "
                              "writable, or copy it to a folder that can be written and pass --db with the copy")
    if held is None and (full := disk_full(exc)) is not None:  # a new file, or a WAL replayed, wants room
        return DiskFullError(full)
    if held is None:
        return StoreError(f"cannot open database {path}: {exc}")
    pid, prog = held["pid"], held["prog"]
    command = _watchdesk_command(pid)
    error = _held_error(path, pid=pid, prog=prog, command=command, read_only=read_only)
    error.holder = f"a watchdesk process (`{command}`, PID {pid})" if command else \
        f"another program ({prog}, PID {pid})"
    return error


def _held_error(path: str, *, pid: str, prog: str, command: str | None, read_only: bool) -> DatabaseInUseError:
    """What a command that opens the file says of it held: the command can wait, close the other connection or pass
    --db (a delivery waiting to reopen it says it otherwise: store/reopen.py)."""
    if command is not None:
        if read_only:  # a notebook's cell or a reading command, while a run writes the file
            return HeldByWatchdeskError(
                f"database in use: {path} is being written by `{command}` (PID {pid}), and DuckDB lets no other "
                "process open a file while one writes it, not even read-only. Wait for that command to finish, or "
                "for a run to stop at its approval prompt or to wait before trying a delivery again (it closes the "
                "file then), and try again; nothing needs closing on this side."
            )
        return HeldByWatchdeskError(
            f"database in use: {path} is held by a watchdesk process (`{command}`, PID {pid}). Wait for that run to "
            "finish, or pass --db to use another file."
        )
    if read_only:  # readers never block readers: the holder writes
        return DatabaseInUseError(
            f"database in use: {path} is held for writing by another program ({prog}, PID {pid}), such as a "
            "DuckDB shell or a notebook that opened it without read_only=True, and DuckDB lets no other process "
            "open a file while one writes it, not even read-only. Close that connection (or open it there with "
            "read_only=True, as the notebooks do), then try again."
        )
    return DatabaseInUseError(
        f"database in use: {path} is held by another program ({prog}, PID {pid}), such as an open notebook kernel "
        "or a DuckDB shell. DuckDB lets no process write a file that another one has open, even read-only: close "
        "that connection (or shut the notebook's kernel down), or pass --db to use another file."
    )


def _watchdesk_command(pid: str) -> str | None:
    """The watchdesk command the process holding the lock runs (`watchdesk run wl.toml --scheduled`; past 200
    characters its first words; redacted), read from /proc where there is one; None when it runs something else, or
    cannot be told."""
    try:
        argv = [a.decode("utf-8", "replace") for a in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0") if a]
    except OSError:
        return None
    at = next((i for i, arg in enumerate(argv[:2]) if Path(arg).name == "watchdesk"), None)
    if at is None:
        return None
    said = "watchdesk"
    for arg in argv[at + 1:]:  # its words while they fit one line: the command and its first arguments
        if len(said) + len(arg) > 200:
            return redact_text(f"{said} ...")
        said += f" {shlex.quote(arg)}"
    return redact_text(said)


# A migration is SQL (NNN_name.sql), or Python (NNN_name.py, its `migrate(con)`) where SQL cannot say it, such as
# redacting secrets with the function new rows pass through.
Step = str | Callable[[duckdb.DuckDBPyConnection], None]


def migrations() -> list[tuple[int, str, Step]]:
    """The shipped migrations as (version, name, step), in order; a step is SQL text or a function of the
    connection (run either with `apply_step`)."""
    return list(_shipped())


@functools.cache
def _shipped() -> tuple[tuple[int, str, Step], ...]:
    """The migrations, read once a process: each open asked for them up to three times, reading their 27 files
    (~5 ms of CPU each time)."""
    found: list[tuple[int, str, Step]] = []
    for entry in resources.files("watchdesk.store.migrations").iterdir():
        match = re.match(r"(\d+)_(\w+)\.(sql|py)$", entry.name)
        if match and match[3] == "sql":
            found.append((int(match[1]), match[2], entry.read_text(encoding="utf-8")))
        elif match:
            module = importlib.import_module(f"watchdesk.store.migrations.{match[1]}_{match[2]}")
            found.append((int(match[1]), match[2], module.migrate))
    return tuple(sorted(found, key=lambda m: m[0]))


def apply_step(con: duckdb.DuckDBPyConnection, step: Step) -> None:
    if isinstance(step, str):
        con.execute(step)
    else:
        step(con)


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every migration newer than the file's version, each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, step in migrations():
        if version in done:
            continue
        try:  # BEGIN too: interrupted, it leaves an aborted transaction to roll back
            con.execute("BEGIN TRANSACTION")
            apply_step(con, step)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, datetime.now(UTC)])
            con.execute("COMMIT")
        except BaseException as exc:  # a Python step can fail otherwise than DuckDB does: still nothing half-done
            rollback(con)
            if isinstance(exc, duckdb.Error) and (full := disk_full(exc)) is not None:
                raise DiskFullError(full) from exc
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"migration {version:03d}_{name} failed: {exc}") from exc
            raise
        applied.append(version)
    return applied


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """End the failed transaction, if DuckDB has not: a COMMIT that failed (a full disk) ended it already, and a
    ROLLBACK then said "no transaction is active" in place of why it failed."""
    with contextlib.suppress(duckdb.TransactionException):
        con.execute("ROLLBACK")


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every watchdesk table and view (a run's record, tests and `watchdesk status`), in one query: a
    statement each cost ~1 ms of CPU to plan, 19 of them at the end of every run."""
    tables = _tables(con)
    if not tables:
        return {}
    counted = dict(con.execute(" UNION ALL ".join(f'SELECT {n}, count(*) FROM "{t}"' for n, t in enumerate(tables)))
                   .fetchall())  # fmt: skip
    return {t: int(counted[n]) for n, t in enumerate(tables)}
