"""Opening the DuckDB file, the one-writer rule, and numbered migrations."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb

from watchdesk.sources.errors import ConfigError, DatabaseInUseError, StoreError

DEFAULT_DB = Path("watchdesk.duckdb")
_LOCK_HELD = re.compile(r"Conflicting lock is held in (?P<prog>.*?) \(PID (?P<pid>\d+)\)")


def connect(path: Path | str = DEFAULT_DB, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and migrate, unless read-only) the store; a file held by another process is a clear error."""
    target = str(path)
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(target, read_only=read_only)
    except duckdb.IOException as exc:
        raise _translate_open_error(target, exc) from exc
    if not read_only:
        migrate(con)
    return con


def _translate_open_error(path: str, exc: duckdb.IOException) -> StoreError | ConfigError:
    held = _LOCK_HELD.search(str(exc))
    if held is None and "not a valid DuckDB database file" in str(exc):  # bad input, not a fault: exit 2
        return ConfigError(f"{path} is not a DuckDB database (watchdesk's store); pass --db a watchdesk.duckdb file, "
                           "or a new path to create one")
    if held is None:
        return StoreError(f"cannot open database {path}: {exc}")
    pid = held["pid"]
    if _is_watchdesk(pid):
        return DatabaseInUseError(
            f"database in use: {path} is held by a watchdesk process (PID {pid}). "
            "Wait for that run to finish, or pass --db to use another file."
        )
    return DatabaseInUseError(
        f"database in use: {path} is held by another program ({held['prog']}, PID {pid}), such as a notebook "
        "or a DuckDB shell that opened it for writing. Close that connection (notebooks should open the file "
        "with read_only=True), or pass --db to use another file."
    )


def _is_watchdesk(pid: str) -> bool:
    """Whether the process holding the lock runs the watchdesk command (read from /proc where there is one)."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return any(Path(arg.decode("utf-8", "replace")).name == "watchdesk" for arg in argv[:2])


def migrations() -> list[tuple[int, str, str]]:
    """The shipped migrations as (version, name, sql), in order."""
    found = []
    for entry in resources.files("watchdesk.store.migrations").iterdir():
        match = re.match(r"(\d+)_(\w+)\.sql$", entry.name)
        if match:
            found.append((int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every migration newer than the file's version, each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, sql in migrations():
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, datetime.now(UTC)])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {version:03d}_{name} failed: {exc}") from exc
        applied.append(version)
    return applied


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every watchdesk table (used by tests and `watchdesk status`)."""
    tables = [
        row[0]
        for row in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"
        ).fetchall()
    ]
    return {t: int(con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0]) for t in tables}
