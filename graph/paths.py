"""Why a path a command would write cannot be: a file in the way, a kernel filesystem (/proc, /sys), a read-only one.

Checked before any work, so a command says what is wrong with the path it was given instead of failing half-way.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Filesystems the kernel provides: no file of the user's can be made there, and a write fails (ENOENT, EPERM, EIO)
# even for root, for whom os.access says yes
_KERNEL_FILESYSTEMS = frozenset({
    "proc", "sysfs", "cgroup", "cgroup2", "debugfs", "tracefs", "securityfs", "pstore", "bpf", "configfs", "fusectl",
    "efivarfs", "binfmt_misc", "nsfs", "devpts", "mqueue",
})
_MOUNTS = Path("/proc/self/mounts")


def file_in_the_way(path: Path) -> Path | None:
    """The nearest part of `path` that exists as a file, so no folder can be made there ("notes.txt/w.toml")."""
    return next((part for part in path.parents if part.exists() and not part.is_dir()), None)


def unwritable(folder: Path) -> str | None:
    """Why a folder (the briefing folder, a file delivery's) cannot be created or written ("/srv is read-only"), or None
    if it can."""
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        return f"{existing} is a file, not a folder"
    if why := _not_for_files(existing):
        return why
    return None if os.access(existing, os.W_OK | os.X_OK) else _read_only(existing)


def unwritable_file(path: Path) -> str | None:
    """Why a file cannot be created or written at `path` (its folder is made if missing), or None if it can. A device
    that exists ("/dev/stdout") is left to the write."""
    if path.is_dir():
        return f"{path} is a folder"
    if not path.exists():
        return unwritable(path.parent)
    if why := _not_for_files(path):
        return why
    return None if os.access(path, os.W_OK) else _read_only(path)


def device(path: Path) -> str | None:
    """Said of a path to read that is a device ("/dev/zero" never ends: read whole, it fills the memory), or None: a
    file, a pipe ("<(...)"), or nothing there."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return None
    return f"{path} is a device, not a file" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else None


def no_database(path: Path) -> str | None:
    """Why there is no database to read at `path` ("no database at x.duckdb", "/dev/null is a device, not a database"),
    or None where a file is."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return f"no database at {path}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return f"{path} is a folder, not a database"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return f"{path} is a device, not a database"
    return f"{path} is not a regular file, not a database"  # a named pipe, a socket


def no_store_to_read(path: Path, *, given: object) -> str | None:
    """Why a command that reads a store cannot read one at `path`, with what to do, or None where a file is. `given` is
    the --db value: without it the path came from WATCHDESK_DB (when set) and that is what to change."""
    why = no_database(path)
    if why is None:
        return None
    if given is None and os.environ.get("WATCHDESK_DB"):
        return f"{why} (named by WATCHDESK_DB): set WATCHDESK_DB to the file a run wrote, or pass --db"
    return f"{why}: pass --db with the file a run wrote{_stores_beside(path)}"


def _stores_beside(path: Path) -> str:
    """"; in that folder: watchdesk.duckdb" where the folder of a missing `path` holds DuckDB files (at most three):
    the README's examples name `--db demo.duckdb` (`watchdesk demo --db demo.duckdb` writes it), where `make demo`
    wrote watchdesk.duckdb."""
    if path.exists():
        return ""
    try:
        found = sorted(p.name for p in path.parent.glob("*.duckdb") if p.is_file())
    except OSError:
        return ""
    if not found:
        return ""
    folder = "this folder" if path.parent == Path() else str(path.parent)
    return f"; in {folder}: {', '.join(found[:3])}" + (f" and {len(found) - 3} more" if len(found) > 3 else "")


def another_db(named_by: str) -> str:
    """What to do about a database that cannot serve, said where its path came from: the --db the user typed (or its
    default), or WATCHDESK_DB, which they would not find by looking for a --db."""
    return "set WATCHDESK_DB to another file, or pass --db" if named_by == "WATCHDESK_DB" else "give another --db"


def checkpoint_file(db_path: Path | str) -> Path:
    """The file beside the database holding the runs' saved state (LangGraph's checkpoints)."""
    return Path(f"{db_path}.checkpoints.sqlite")


def unusable_database(path: Path) -> str | None:
    """Why a DuckDB file cannot be opened for writing (or created) at `path`, or None if it can."""
    if path.exists() and not path.is_dir() and not path.is_file():
        return f"{path} is not a regular file"
    return unwritable_file(path)


def unwritable_beside(path: Path) -> str | None:
    """Why an existing DuckDB file's folder takes no new file (DuckDB's log, FILE.wal, written at every commit, and
    its temporary files), or None if it does, or there is no file yet (unusable_database says that folder)."""
    return unwritable(path.parent) if path.is_file() else None


def _read_only(path: Path) -> str:
    """Said of a path os.access refused: when `ls -l` shows it writable, the attribute chmod does not show."""
    if not _mode_allows_writing(path):
        return f"{path} is read-only"
    flag = "-d " if path.is_dir() else ""
    return (f"{path} is read-only, though its mode allows writing: it is probably marked immutable, which "
            f"`lsattr {flag}{path}` shows as an i and `chattr -i {path}` (as root) lifts")  # fmt: skip


def _mode_allows_writing(path: Path) -> bool:
    """Whether the mode bits let this user write `path` (root: always), which os.access then refused."""
    uid = getattr(os, "geteuid", lambda: -1)()
    try:
        st = path.stat()
    except OSError:
        return False
    return uid == 0 or (st.st_uid == uid and bool(st.st_mode & stat.S_IWUSR))


def _not_for_files(existing: Path) -> str | None:
    """Said of a path on a kernel filesystem or a read-only mount."""
    if mounted := _kernel_filesystem(existing):
        point, kind = mounted
        return f"{point} is the kernel's {kind} filesystem, where no files can be made"
    try:
        read_only = bool(os.statvfs(existing).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        return None
    return f"{existing} is on a read-only filesystem" if read_only else None


def _kernel_filesystem(path: Path) -> tuple[str, str] | None:
    """(mount point, type) of the kernel filesystem holding `path`, from the mount table where there is one."""
    try:
        rows = _MOUNTS.read_text(encoding="utf-8", errors="replace").splitlines()
        where = str(path.resolve())
    except (OSError, RuntimeError):
        return None
    best: tuple[str, str] | None = None
    for row in rows:
        fields = row.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        under = where == point or where.startswith(point.rstrip("/") + "/")
        if under and (best is None or len(point) > len(best[0])):
            best = (point, fields[2])
    return best if best is not None and best[1] in _KERNEL_FILESYSTEMS else None
