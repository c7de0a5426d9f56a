"""For the tests only: a new store's file made as a copy of an empty store migrated once (a template), not migrated
from nothing. The suite makes hundreds of new stores (392 files made so were left in one full run's temporary
folders), in its own processes and in the `watchdesk` commands it starts; migrating one costs ~0.15 s of CPU, copying
the template and opening the copy ~0.06 s. tests/conftest.py builds the template once per test process, names it here
(use) and in WATCHDESK_TEST_STORE_TEMPLATE, which the command's settings read (graph/settings.py) for the commands a
test starts. Unset, as it is for a user, a new store is migrated as before; the copy opens as any store does
(db.connect), draws its own identity (the template is still kept where it says), and is migrated on past the
template's version if one was added since. A store in memory is filled from it as well."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

_template: Path | None = None


def use(path: Path | None) -> None:
    """New stores are made from the store at `path` (None: migrated from nothing, as without tests)."""
    global _template
    _template = path


def made_from_template(target: Path) -> bool:
    """`target`, a file not made yet, made as a copy of the template; False (nothing made) when no template is set,
    when DuckDB's log or another process's file is there first, or when the copy fails (a full disk, a folder that
    takes no file): the store is then made as it would be without one, and fails as it would."""
    if _template is None or target.exists() or Path(f"{target}.wal").exists():
        return False
    partial = target.with_name(f".{target.name}.template-{os.getpid()}")
    try:
        shutil.copyfile(_template, partial)
        os.link(partial, target)  # never over a file another process made meanwhile: that one is its own
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return True


def copied_into_memory(con: duckdb.DuckDBPyConnection) -> bool:
    """A new store in memory (`con`, empty) given the template's tables, views and rows (~0.05 s of CPU, where
    migrating it costs ~0.13 s), and an identity of its own, kept nowhere, as one migrated draws; False (nothing done)
    when no template is set."""
    if _template is None:
        return False
    con.execute(f"ATTACH '{str(_template).replace(chr(39), chr(39) * 2)}' AS watchdesk_template (READ_ONLY)")
    try:
        con.execute("COPY FROM DATABASE watchdesk_template TO memory")
    finally:
        con.execute("DETACH watchdesk_template")
    con.execute("UPDATE store_identity SET store_id = replace(CAST(gen_random_uuid() AS VARCHAR), '-', ''), "
                "kept_at = NULL")
    return True
