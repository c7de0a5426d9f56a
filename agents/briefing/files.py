"""Writing a briefing file so a reader (or a crash) never sees half of it."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

# The temporary files _written_beside makes of a briefing (mkstemp's 8 characters between the name and .tmp)
_OURS = re.compile(r"\.briefing-.+\.(?:md|html)\.[a-z0-9_]{8}\.tmp")
# older than this, one was left by a killed write: a write in progress (this process's or another's) renames its own
# within seconds
_STALE = 3600.0


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path` in one step."""
    write_together({path: text})


def write_together(texts: Mapping[Path, str]) -> None:
    """Write each text to a temporary file beside its path, then rename them all over their paths: a failure while
    writing (a full disk, a kill) leaves the previous files as they were, never this week's .md beside last week's
    .html. Only the renames, which need no room, come after the first file is replaced. Temporary files a killed
    write left in those folders go first."""
    for folder in {path.parent for path in texts}:
        _remove_stale(folder, before=time.time() - _STALE)
    temps: list[tuple[str, Path]] = []
    try:
        for path, text in texts.items():
            temps.append((_written_beside(path, text), path))
        for tmp, path in temps:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _path in temps:  # those renamed are gone already
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise


def _written_beside(path: Path, text: str) -> str:
    """A temporary file beside `path` holding `text`, on the disk (fsync); removed again when that fails."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            # mkstemp's file is its owner's alone (0600), and the rename keeps that: give it the mode the briefing
            # has, or a new file would have, so a shared or served briefing folder stays readable. A filesystem that
            # refuses chmod (vfat, exFAT, some SMB mounts) keeps the mode it gives every file.
            with contextlib.suppress(OSError):
                os.chmod(tmp, _mode_of(path))
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _remove_stale(folder: Path, *, before: float) -> None:
    """Our temporary files in `folder` last changed before `before`: left by writes killed before their rename."""
    with contextlib.suppress(OSError):  # a folder that cannot be listed: the write says why
        for path in folder.glob(".briefing-*.tmp"):
            with contextlib.suppress(OSError):  # gone already, or not ours to remove: no reason to stop the write
                if _OURS.fullmatch(path.name) and path.is_file() and path.stat().st_mtime < before:
                    path.unlink()


def _mode_of(path: Path) -> int:
    """The permission bits of `path`, or those a new file gets under this process's umask."""
    with contextlib.suppress(OSError):
        return path.stat().st_mode & 0o7777
    return 0o666 & ~_umask()


def _umask() -> int:
    """The umask, read without setting it (os.umask sets it, for every thread at once); 022 where it cannot be read."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022
