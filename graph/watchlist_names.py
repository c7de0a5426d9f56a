"""One watchlist per name in a store: runs, briefings and deliveries are kept by the watchlist's `name`.

Two watchlist files of one name in one database shared everything kept by it: the briefing of a week (its id is the
name and the period), which targets it reached (one file's delivery skipped the other's as already sent), and which
targets the watchlist still has (one file's delivery retired the other's failed targets as removed from it). A run or
a brief of a file is refused while another file, still there and still of that name, ran into the database.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from watchdesk.sources.errors import ConfigError, WatchdeskError
from watchdesk.store.store import Store


def other_file_of_name(store: Store, *, name: str, path: Path | str | None) -> Path | None:
    """Another watchlist file that ran into `store` under `name` and still names it, when `path` (this watchlist's
    file; None for a goal, which has none) is not that file."""
    if path is None:
        return None
    rows = store.query("SELECT DISTINCT watchlist_path FROM runs WHERE watchlist = ? AND watchlist_path IS NOT NULL",
                       [name])  # fmt: skip
    for (stored,) in rows:
        other = Path(stored)
        if _same_file(other, Path(path)) or not other.is_file():
            continue
        with contextlib.suppress(WatchdeskError, OSError, ValueError):  # a file that no longer reads names nothing
            from watchdesk.graph.watchlist import load_watchlist

            if load_watchlist(other).name == name:
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


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.absolute() == b.absolute()
