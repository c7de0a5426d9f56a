"""Whether the files DuckDB makes beside a store can be made: its log (FILE.wal), written at every commit, and its
temporary files (FILE.tmp/). DuckDB opens a file in a folder that refuses new files, or a new file is all it refuses
(an immutable folder, `chattr +i`, which stops even root; a read-only folder; a read-only mount), and fails only at
the first write: `brief` said "unexpected TransactionException ... Cannot open file FILE.wal: Operation not
permitted; please report it". Asked by making one empty file there before the store is opened, so a command that
writes it stops before doing anything: a file with no name (O_TMPFILE), which leaves the folder as it was; where the
file system cannot make one, a named file, removed again, with the folder's times put back. A named probe alone
changed the folder's modification time at every writable open, so a sync tool or a watcher of the folder saw a change
each run (a review)."""

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
    try:
        _probe(path.parent, name=f".{path.name}.probe-{os.getpid()}")
    except OSError as exc:
        return _refused(path, exc.errno) if exc.errno in _HINT else None
    return None


# what a file system that makes no nameless file answers O_TMPFILE with (open(2))
_NO_TMPFILE = frozenset({errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT})


def _probe(folder: Path, *, name: str) -> None:
    """Make an empty file in `folder` and let it go, leaving the folder's entries and times as they were; OSError when
    the folder refuses it."""
    tmpfile = getattr(os, "O_TMPFILE", 0)  # Linux: a file with no name in the folder, gone when closed
    if tmpfile:
        try:
            os.close(os.open(folder, tmpfile | os.O_WRONLY, 0o600))
            return
        except OSError as exc:
            if exc.errno not in _NO_TMPFILE:
                raise
    before = os.stat(folder)
    os.close(os.open(folder / name, os.O_CREAT | os.O_WRONLY, 0o600))
    with contextlib.suppress(OSError):
        os.unlink(folder / name)
    with contextlib.suppress(OSError):  # only the folder's owner may set its times: another user's folder changes
        os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))


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
