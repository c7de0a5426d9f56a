"""A period's briefing written again under another name than its earlier files (files from before names ended in the
store's tag: briefing-semis-2025-W35.md, now briefing-semis-2025-W35-3fa9c1.md) replaces them in their folder rather
than piling up beside them: the folder keeps one briefing of the period, as when the name is the same."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from watchdesk.store.store import Store

_HTML_TITLE = "<title>watchdesk briefing: "
_TAG = re.compile(r"-([0-9a-f]{6})$")  # agent.file_tag ending a name; a period's label never ends so


def earlier_files(store: Store, briefing_id: str, *, written: dict[str, Path], tag: str) -> list[Path]:
    """The files the store last wrote of this briefing in the folder `written` goes to, under other names: only when
    its Markdown reads as the store wrote it (ours, unedited; one a person changed stays), with its HTML page when
    that is a watchdesk briefing, and only names with no store's tag or this one's `tag` (a copied store's rows name
    its original's files, which stay the original's). Never a symbolic link."""
    rows = store.query("SELECT path_md, path_html, content_md FROM briefings WHERE briefing_id = ?", [briefing_id])
    return _ours(*rows[0], written=written, tags=("", tag)) if rows else []


def renamed_files(store: Store, *, run_id: str, name: str, period: tuple[date, date], written: dict[str, Path],
                  tag_of: Callable[[str], str]) -> list[Path]:  # fmt: skip
    """The files of this period the store wrote in that folder for the same watchlist file under a name it no longer
    bears (`name = "semis"` written over "goal-nvda-tsm-1a2b3c"): those of each other name whose runs read the file
    that `run_id` read, all before it, as earlier_files keeps them (each old name's own tag, `tag_of(name)`)."""
    rows = store.query(
        "SELECT b.path_md, b.path_html, b.content_md, b.watchlist FROM briefings b JOIN runs r USING (run_id) "
        "JOIN runs this ON this.run_id = ? AND this.watchlist_path = r.watchlist_path "
        "WHERE b.period_start = ? AND b.period_end = ? AND b.watchlist <> ? AND NOT EXISTS (SELECT 1 FROM runs o "
        "WHERE o.watchlist = b.watchlist AND o.watchlist_path = this.watchlist_path "
        "AND o.started_at >= this.started_at)",
        [run_id, period[0], period[1], name],
    )
    return [path for md, html, content, old in rows for path in _ours(md, html, content, written=written,
                                                                      tags=(tag_of(old),))]  # fmt: skip


def _ours(md: str | None, html: str | None, content: str, *, written: dict[str, Path],
          tags: tuple[str, ...]) -> list[Path]:  # fmt: skip
    """The briefing files a row names (`md`, `html`) that may be replaced by `written`: in its folder, not among it,
    the Markdown as the store wrote it (`content`), the HTML a watchdesk briefing, the name's tag among `tags` ("" for
    a name with none)."""
    if not md or not written:
        return []
    tagged = _TAG.search(Path(md).stem)
    if (tagged[1] if tagged else "") not in tags:
        return []
    folder = next(iter(written.values())).parent.resolve()
    mine = {p.resolve() for p in written.values()}
    old = [Path(p) for p in (md, html) if p and not Path(p).is_symlink() and Path(p).is_file()
           and Path(p).parent.resolve() == folder and Path(p).resolve() not in mine]  # fmt: skip
    if Path(md) not in old or _read(Path(md)) != content:
        return []
    return [p for p in old if p == Path(md) or _HTML_TITLE in (_read(p) or "")[:2000]]


def replaced_said(path: Path) -> str:
    """What a run or a brief says of an earlier file it replaced."""
    return f"replaced {path}: this period's briefing, written before under an older name"


def remove_files(paths: list[Path]) -> list[Path]:
    """Remove `paths` (after the new files are in place); those removed (one gone meanwhile is not said)."""
    removed = []
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
