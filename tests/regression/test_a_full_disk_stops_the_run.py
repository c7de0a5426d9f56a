"""Bug: a full disk met while a step stored what it read was taken for that item's bug: the filing became a gap
("unexpected TransactionException in store.py:95 reading nvda-20250727.htm: ... Could not write file ...: No space left
on device; please report it"), flagging likewise, and the run went on to fail on the briefing. A full disk is no
source's gap: the run now stops with the full-disk message and how to resume it, records no gap, keeps what was stored,
and `watchdesk approve` completes it once there is room. The failure is DuckDB's own (its words from a real full
tmpfs), raised where the store writes; writing the briefing it is the OSError, said as the same full disk (it was
"the briefing could not be written to ...")."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import run_args
from watchdesk.graph.cli import EXIT_ERROR, cli
from watchdesk.store import db as store_db
from watchdesk.store import writes
from watchdesk.store.store import Store

# what DuckDB 2.0 raised on a 300 KiB tmpfs storing the 10-Q, and on a 600 KiB one storing its findings
FULL = 'TransactionContext Error: Failed to commit: Could not write file "{wal}": No space left on device'
WRITES = {"filings": (writes, "replace_spans"), "flagging": (writes, "replace_findings"),
          "briefing": (os, "fsync")}  # the briefing file's data reaching the disk  # fmt: skip


@pytest.mark.parametrize("step", WRITES)
def test_a_full_disk_in_a_step_stops_the_run_resumable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        step: str) -> None:  # fmt: skip
    db = tmp_path / "w.duckdb"

    def full(*_args: object, **_kw: object) -> None:
        if step == "briefing":
            raise OSError(errno.ENOSPC, "No space left on device")
        raise duckdb.TransactionException(FULL.format(wal=f"{db}.wal"))

    monkeypatch.setattr(*WRITES[step], full)
    result = CliRunner().invoke(cli, run_args(tmp_path))
    said = " ".join(result.stderr.split())
    assert result.exit_code == EXIT_ERROR, said
    assert "unexpected" not in said and "please report it" not in said and "gap" not in said, said
    with Store.open(db, read_only=True) as store:
        ((run_id, status),) = store.query("SELECT run_id, status FROM runs")
        assert status == "interrupted", said
        assert store.query("SELECT count(*) FROM gaps") == [(0,)], "a full disk is no source's gap"
        stored = store.query("SELECT count(*) FROM documents")[0][0]
        findings = store.query("SELECT count(*) FROM findings")[0][0]
    assert (stored, bool(findings)) == ((step != "filings"), step == "briefing"), "what was stored is kept"
    assert ("error: the disk is full (No space left on device): what was stored so far is kept; free some space, "
            f"then resume run {run_id} with `watchdesk approve {run_id} --db {db}`") in said, said
    assert not list((tmp_path / "out").glob("*.md")), "no briefing of what could not be stored"

    monkeypatch.undo()
    resumed = CliRunner().invoke(cli, ["approve", run_id, "--db", str(db)])
    assert resumed.exit_code == 0, resumed.stderr
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT status FROM runs") == [("done",)]
        assert store.query("SELECT count(*) FROM documents") == [(1,)]
        assert store.query("SELECT count(*) FROM findings")[0][0] > 0
        assert store.query("SELECT count(*) FROM gaps") == [(0,)]
    assert len(list((tmp_path / "out").glob("*.md"))) == 1


class CommitFails:
    """A DuckDB connection whose first COMMIT fails as on a full disk: DuckDB ends the transaction, and says why."""

    def __init__(self, con: duckdb.DuckDBPyConnection, wal: str) -> None:
        self._con, self._wal, self.failed = con, wal, False

    def execute(self, sql: str, *args: object) -> duckdb.DuckDBPyConnection:
        if sql == "COMMIT" and not self.failed:
            self.failed = True
            self._con.execute("ROLLBACK")
            raise duckdb.TransactionException(FULL.format(wal=self._wal))
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._con, name)


@pytest.mark.usefixtures("real_migrations")  # a new store's migrations are what meets the full disk
def test_a_full_disk_while_a_new_store_is_made_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bug: on a 20 KiB tmpfs a run on a new store said "unexpected TransactionException in db.py:239:
    TransactionContext Error: cannot rollback - no transaction is active; please report it": a migration's COMMIT
    failed for want of room, and the ROLLBACK after it hid why. Now it says the disk is full, and the next run with
    room makes the store."""
    connect, wal = duckdb.connect, f"{tmp_path / 'w.duckdb'}.wal"
    monkeypatch.setattr(store_db.duckdb, "connect", lambda path, **kw: CommitFails(connect(path, **kw), wal))
    args = run_args(tmp_path)
    result = CliRunner().invoke(cli, args)
    said = " ".join(result.stderr.split())
    assert result.exit_code == EXIT_ERROR, said
    assert "error: the disk is full (No space left on device): what was stored so far is kept; free some space, then " \
           "run the command again" in said, said
    monkeypatch.undo()
    assert CliRunner().invoke(cli, args).exit_code == 0
