"""Writing a briefing file so a reader (or a crash) never sees half of it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path` in one step."""
    write_together({path: text})


def write_together(texts: Mapping[Path, str]) -> None:
    """Write each text to a temporary file beside its path, then rename them all over their paths: a failure while
    writing (a full disk, a kill) leaves the previous files as they were, never this week's .md beside last week's
    .html. Only the renames, which need no room, come after the first file is replaced."""
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
        # mkstemp's file is its owner's alone (0600), and the rename keeps that: give it the mode the briefing has,
        # or a new file would have, so a shared or served briefing folder stays readable
        os.chmod(tmp, _mode_of(path))
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


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
