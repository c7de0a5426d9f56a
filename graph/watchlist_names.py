"""One watchlist per name in a store: runs, briefings and deliveries are kept by the watchlist's `name`.

Two watchlist files of one name in one database shared everything kept by it: the briefing of a week (its id is the
name and the period), which targets it reached (one file's delivery skipped the other's as already sent), and which
targets the watchlist still has (one file's delivery retired the other's failed targets as removed from it). A run or
a brief of a file is refused while another file, still there and still of that name, ran into the database since this
file last did.

Only the files that ran since this one last did are looked at: whether a file still exists and still bears the name
is known only to the file system, but of two files of one name the one that ran last keeps running and the other is
refused, so the two never both run into one store. A weekly run of the file that ran last opens and stats no other
file, however many paths the store's runs name (moved folders, temporary copies); a new file looks at each once.
"""

from __future__ import annotations

import contextlib
import os
import tomllib
from pathlib import Path

from watchdesk.sources.errors import ConfigError, WatchdeskError
from watchdesk.store.store import Store


def other_file_of_name(store: Store, *, name: str, path: Path | str | None) -> Path | None:
    """Another watchlist file that ran into `store` under `name` since `path` (this watchlist's file; None for a goal,
    which has none) last did, and still names it."""
    if path is None:
        return None
    here = Path(path).resolve()  # the runs record the resolved path (runner, delivery)
    rows = store.query("SELECT watchlist_path, max(started_at) AS last FROM runs WHERE watchlist = ? AND "
                       "watchlist_path IS NOT NULL GROUP BY watchlist_path ORDER BY last DESC", [name])  # fmt: skip
    mine = max((last for stored, last in rows if stored == str(here)), default=None)
    this = _identity(here)
    for stored, last in rows:
        if stored == str(here) or (mine is not None and last <= mine):
            continue  # ran before this file last did: were it still of this name, its own run is the one refused
        if (other := Path(stored)) and _is_named(other, name, skip=this):
            return other
    return None


def refuse_a_second_file_of_name(store: Store, *, name: str, path: Path | str | None, db: Path | str) -> None:
    """ConfigError (exit 2, nothing written) when another watchlist file of `name` ran into this database."""
    if (other := other_file_of_name(store, name=name, path=path)) is None:
        return
    raise ConfigError(
        f"{path} names its watchlist {name!r}, as {other} does, and that file's runs are in {db}: one database keeps "
        "runs, briefings and deliveries by the watchlist's name, so the two would share a briefing and each would "
        f"retire the other's targets. Give this file another `name = \"...\"`, or run it with another --db (if it "
        f"replaces {other}, remove that file or give it another name)"
    )


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _is_named(other: Path, name: str, *, skip: tuple[int, int] | None) -> bool:
    """`other` is a regular file, not this one under another path (a hard link), whose watchlist is named `name`."""
    import stat

    try:
        st = os.stat(other)
    except (OSError, ValueError):  # gone (moved), or out of reach: it names nothing
        return False
    if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) == skip:
        return False
    with contextlib.suppress(WatchdeskError, OSError, ValueError, tomllib.TOMLDecodeError):
        # its name first (TOML alone); the whole file is validated only when that is the name: one that no longer
        # reads names nothing
        if tomllib.loads(other.read_text(encoding="utf-8").removeprefix("\ufeff")).get("name") != name:
            return False
        from watchdesk.graph.watchlist import load_watchlist

        return load_watchlist(other).name == name
    return False
