"""Whether the files DuckDB makes beside a store can be made: its log (FILE.wal), written at every commit, and its
temporary files (FILE.tmp/). DuckDB opens a file in a folder that refuses new files, or a new file is all it refuses
(an immutable folder, `chattr +i`, which stops even root; a read-only folder; a read-only mount), and fails only at
the first write: `brief` said "unexpected TransactionException ... Cannot open file FILE.wal: Operation not
permitted; please report it". Asked by making (and removing) one empty file there before the store is opened, so a
command that writes it stops before doing anything."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from watchdesk.sources.errors import StoreFileError

# what each refusal means, said of the folder (store/db.py says it of the file)
_HINT = {
    errno.EROFS: ("Read-only file system", "its file system is mounted read-only"),
    errno.EACCES: ("Permission denied", "this user may not write it: `ls -ld {folder}` shows its owner and mode"),
    errno.EPERM: ("Operation not permitted", "the folder is probably marked immutable: `lsattr -d {folder}` shows an "
                                             "i, and `chattr -i {folder}` (as root) lifts it"),
}


def refused_beside(path: Path) -> StoreFileError | None:
    """Why DuckDB could not make its log beside the store at `path` (a file there or to be made there), said with what
    to do; None when it can, or when the folder refuses otherwise (a full disk is said where DuckDB meets it)."""
    folder = path.parent
    probe = folder / f".{path.name}.probe-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_CREAT | os.O_WRONLY, 0o600)
    except OSError as exc:
        if exc.errno not in _HINT:
            return None
        return _refused(path, exc.errno)
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return None


def folder_refused(path: Path, exc: OSError) -> StoreFileError | None:
    """The store's folder (or one above it) could not be made: said as `refused_beside` says it; None for another
    error."""
    return _refused(path, exc.errno, folder=Path(exc.filename or path.parent)) if exc.errno in _HINT else None


def _refused(path: Path, code: int | None, *, folder: Path | None = None) -> StoreFileError:
    folder = folder or path.parent
    why, hint = _HINT[code or errno.EACCES]
    return StoreFileError(
        f"the database {path} cannot be written: its folder {folder} refuses new files ({why}: "
        f"{hint.format(folder=folder)}), and DuckDB writes its log ({path.name}.wal) and temporary files beside the "
        "database. This command records what it does in it, so it stopped before doing anything; make the folder "
        "writable, or copy the database to a folder that can be written and pass --db with the copy"
    )
