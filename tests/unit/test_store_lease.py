"""Store.released and its lease (store/lease.py): what holds when the lease cannot be written, or was left behind."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from watchdesk.store import lease
from watchdesk.store.store import Store


def test_a_store_whose_lease_finds_no_room_stays_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk as the lease is written: the delivery goes on with the store held, as before, and leaves no file."""

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    with Store.open(tmp_path / "s.duckdb") as store:
        monkeypatch.setattr(lease.os, "write", full)
        with store.released(run_id="r1", doing="waits"):
            assert store.query("SELECT 1") == [(1,)], "still open"
            assert "Conflicting lock" in _opened_elsewhere(tmp_path / "s.duckdb"), "held, as before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.duckdb"]


def _opened_elsewhere(db: Path) -> str:
    """What a read-only open of `db` by another process says: 'ok', or its error."""
    program = f"import duckdb; duckdb.connect({str(db)!r}, read_only=True).close(); print('ok')"
    opened = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    return opened.stdout.strip() or opened.stderr.strip().splitlines()[-1]


def test_a_lease_its_process_left_behind_is_no_lease(tmp_path: Path) -> None:
    """A lease file nobody holds locked (its process was killed) is stale: not said, and removed."""
    left = tmp_path / f"s.duckdb.waiting-{os.getpid() + 1}"
    left.write_text(json.dumps({"pid": os.getpid() + 1, "run_id": "r1", "briefing_id": "b", "doing": "waits",
                                "since": "2026-12-06T08:00:00+00:00"}))  # fmt: skip
    assert lease.live(tmp_path / "s.duckdb") == [] and not left.exists()


def test_a_released_store_is_open_again_after_and_its_lease_given_up(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        with store.released(run_id="r1", briefing_id="b", doing="waits to try again"):
            (held,) = lease.live(tmp_path / "s.duckdb")
            assert (held.pid, held.run_id, held.briefing_id) == (os.getpid(), "r1", "b")
            with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as other:  # the file is free
                assert other.execute("SELECT count(*) FROM runs").fetchall() == [(0,)]
        assert store.query("SELECT count(*) FROM runs") == [(0,)]
    assert lease.live(tmp_path / "s.duckdb") == [] and sorted(p.name for p in tmp_path.iterdir()) == ["s.duckdb"]


def test_a_lease_said_again_reads_whole_from_another_process(tmp_path: Path) -> None:
    """What a lease says is rewritten in place (the delivery could not reopen the store): longer, then shorter, a
    reader in another process reads the last words whole, and finds the lease held throughout."""
    db = tmp_path / "s.duckdb"
    read = ("import sys; from watchdesk.store import lease; (held,) = lease.live(sys.argv[1]); "
            "print(held.doing, lease.held(sys.argv[1], held.pid))")  # fmt: skip
    with lease.holding(db, run_id="r1", briefing_id="b1", doing="waits to try again"):
        for doing in ("could not reopen the store after it waited, so it keeps what it did in a file", "short"):
            lease.restate(db, doing=doing)
            seen = subprocess.run([sys.executable, "-c", read, str(db)], capture_output=True, text=True, timeout=60)
            assert seen.stdout.strip() == f"{doing} True", seen.stderr
    assert lease.live(db) == [] and not lease.held(db, os.getpid())
