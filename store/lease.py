"""Saying that a process which closed the store to wait is alive and will write into it again.

DuckDB's lock says a file is in use only while it is open. A process that closes the store for a long wait (a mail
server's "try again later") holds a lease instead: a file beside the store, `FILE.waiting-PID`, locked (flock) for as
long as it waits and naming the run and what it waits for. The lock goes with the process: a killed one leaves a file
anyone may lock, which is no lease. A run still `running` whose process holds a lease is no killed run, and the
deliveries it is sending are no one else's to settle or send.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock; the store stays held while a process waits
    fcntl = None  # type: ignore[assignment]


@dataclass(frozen=True, kw_only=True)
class Lease:
    pid: int
    run_id: str | None
    briefing_id: str | None
    doing: str  # "waits to retry the delivery of ...", said to whoever finds the lease
    since: str  # ISO time, UTC

    def said(self) -> str:
        return f"process {self.pid} {self.doing}, since {self.since[11:19]} UTC; the store is free meanwhile"


def supported() -> bool:
    return fcntl is not None


def _name(path: str | Path, pid: int) -> Path:
    return Path(f"{path}.waiting-{pid}")


_MINE: dict[Path, tuple[int, Lease]] = {}  # this process's leases: file -> (its descriptor, what it says)


@contextmanager
def holding(path: str | Path, *, run_id: str | None, briefing_id: str | None, doing: str) -> Iterator[Lease]:
    """A lease on the store at `path` for this process, given up when the block ends."""
    assert fcntl is not None
    lease = Lease(pid=os.getpid(), run_id=run_id, briefing_id=briefing_id, doing=doing,
                  since=datetime.now(UTC).isoformat(timespec="seconds"))  # fmt: skip
    final = _name(path, lease.pid)
    # written and locked under another name, then renamed: a reader never finds it unlocked and takes it for stale
    draft = final.with_name(f".{final.name}.draft")
    fd = os.open(draft, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            os.write(fd, json.dumps(asdict(lease)).encode())
            os.replace(draft, final)
        except OSError:
            draft.unlink(missing_ok=True)
            raise
        _MINE[final] = (fd, lease)
        try:
            yield lease
        finally:
            _MINE.pop(final, None)
            # a folder made read-only meanwhile keeps the file: its lock ends below, which makes it stale to live()
            with suppress(OSError):
                final.unlink(missing_ok=True)
    finally:
        os.close(fd)  # the lock ends with it


def restate(path: str | Path, *, doing: str) -> None:
    """Say something else in this process's lease on the store at `path` (what it waits for now), in place: padded to
    the old text's length, so a reader never finds it cut, and never unlocked meanwhile."""
    final = _name(path, os.getpid())
    if final not in _MINE:
        return
    fd, lease = _MINE[final]
    old = os.fstat(fd).st_size
    lease = Lease(**{**asdict(lease), "doing": doing})
    text = json.dumps(asdict(lease)).encode()
    os.pwrite(fd, text + b" " * max(0, old - len(text)), 0)
    _MINE[final] = (fd, lease)


def held(path: str | Path, pid: int) -> bool:
    """Whether process `pid` holds its lease on the store at `path` (whatever the lease says, read or not)."""
    if fcntl is None:  # pragma: no cover - Windows
        return False
    try:
        fd = os.open(_name(path, pid), os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def live(path: str | Path) -> list[Lease]:
    """The leases on the store at `path` whose process still holds them; a stale lease file is removed."""
    if fcntl is None:  # pragma: no cover - Windows
        return []
    found = []
    where = Path(path)
    for file in sorted(where.parent.glob(f"{where.name}.waiting-*")):
        try:
            fd = os.open(file, os.O_RDONLY)
        except OSError:  # given up meanwhile
            continue
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:  # its process holds it: alive
                with suppress(ValueError, TypeError, OSError):
                    found.append(Lease(**json.loads(os.read(fd, 65536))))
                continue
            with suppress(OSError):  # its process ended without giving it up (killed)
                file.unlink()
        finally:
            os.close(fd)
    return found


def holder(path: str | Path, *, run_id: str) -> Lease | None:
    """The live lease of the run `run_id`, if its process closed the store to wait."""
    return next((lease for lease in live(path) if lease.run_id == run_id), None)


def run_status(status: str, run_id: str, *, stale: str, waiting: Sequence[Lease]) -> str:
    """A run's status as `watchdesk runs` says it: one that reads as `stale` (running, while no process holds the
    file) whose process closed the file to wait says so instead."""
    held = next((lease for lease in waiting if lease.run_id == run_id), None)
    return f"running ({held.said()})" if status == stale and held is not None else status
