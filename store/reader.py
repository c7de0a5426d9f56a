"""Reading a store without holding it: the notebooks and `watchdesk runs`.

DuckDB lets a file have one writer or any number of readers, never both: a notebook kernel that keeps even a
read-only connection open stops the next `watchdesk run` from starting. So a reader opens the file, queries it
and closes it again (`with reading(path) as con:` per cell), and an open kernel blocks nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from watchdesk.sources.errors import ConfigError, StoreError, StoreFileError
from watchdesk.store import db

STALE_RUNNING = ("running (stale: its process ended before the run did, by Ctrl-C or a kill; `watchdesk approve "
                 "RUN_ID` resumes it)")
# A run holds the file for writing from its first `running` row to its last write, so a reader that could open
# the file sees no live run: a `running` row there is a killed one. Only true through a read-only open.
RUN_STATUS = f"CASE status WHEN 'running' THEN '{STALE_RUNNING}' ELSE status END"


# Where a notebook looks when WATCHDESK_DB is unset, from its kernel's folder (notebooks/): a store written there,
# else the one a CLI run from the repository's top folder writes.
NOTEBOOK_FALLBACKS = ("watchdesk.duckdb", "../watchdesk.duckdb")


def locate(named: str | None, *, fallbacks: Sequence[Path | str]) -> Path | None:
    """The file WATCHDESK_DB names (`named`), which must exist, else the first of `fallbacks` that does."""
    if named:
        if not Path(named).is_file():  # a typo must never show another database's data
            where = "" if Path(named).is_absolute() else (
                f" ({Path(named).absolute()}: a relative path is read from the kernel's folder, the notebook's)"
            )
            raise ConfigError(f"WATCHDESK_DB names {named}, which is not a file{where}: give its absolute path, "
                              "or unset it")
        return Path(named)
    return next((Path(p) for p in fallbacks if Path(p).is_file()), None)


def reading_what(path: Path, *, fallbacks: Sequence[Path | str] = ()) -> str:
    """Which file a notebook reads, when it last changed, and any other of `fallbacks` it leaves unread: two stores,
    one written from notebooks/ and one from the top folder, differ only by where they were written from."""
    changed = datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC")
    said = [f"reading {path.resolve()} (last changed {changed})"]
    for other in (Path(p).resolve() for p in fallbacks):
        if other.is_file() and other != path.resolve():
            said.append(f"not reading {other}, another {other.name}: set WATCHDESK_DB to its path to read that one")
    return "\n".join(said)


NOTHING_READ = ("no store to read: the notebook's first cell found none it could read, and said why; set "
                "WATCHDESK_DB to a store's path (in the notebook: os.environ[\"WATCHDESK_DB\"] = "
                "\"/path/to/watchdesk.duckdb\"), then run the notebook again from its first cell.")


@contextmanager
def reading(path: Path | str | None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to a watchdesk store of this watchdesk's schema, closed when the block ends. None: a
    notebook's `db` before its first cell could read a store, so each later cell stops with one line, not NameError."""
    if path is None:
        raise StoreFileError(NOTHING_READ)
    try:
        con = db.connect(path, read_only=True)
    except (ConfigError, StoreError) as exc:
        # a notebook shows the whole chain: the message says it all, DuckDB's own error would only bury it
        raise exc from None
    try:
        db.require_current(con, path)
        yield con
    finally:
        con.close()
