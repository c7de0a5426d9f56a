"""Bug (a flaky suite run): `test_ctrl_c_while_the_server_stores_the_mail_stops_and_says_it_may_have_arrived` failed
about one run in three, on main too. The Ctrl-C's watcher thread (graph/signals.py) interrupts the store's running
query; when that interrupt landed on the `BEGIN TRANSACTION` of the first outcome recorded after the Ctrl-C, DuckDB
left the transaction open and aborted, and Store.transaction, whose rollback covered only the work after BEGIN, left
it so. The retry and every later write then failed with "Current transaction is aborted (please ROLLBACK)", which the
Ctrl-C's recording suppresses: the e-mail stayed `sending`, the Slack target unrecorded, though the command had said
both. BEGIN is now inside the rollback's reach (Store.transaction, migrations, side-file settling). Real DuckDB file;
the interrupt is placed on BEGIN by a connection that raises DuckDB's own InterruptException just after it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from watchdesk.store.store import Store


class _InterruptedBegin:
    """The store's connection, but its next BEGIN opens the transaction, fails inside it and raises as interrupted."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con, self.armed = con, True

    def execute(self, sql: str, *args: Any) -> Any:
        if self.armed and sql.startswith("BEGIN"):
            self.armed = False
            self.con.execute(sql)
            with pytest.raises(duckdb.Error):
                self.con.execute("SELECT * FROM no_such_table")  # the transaction is now aborted, as DuckDB left it
            raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")
        return self.con.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


def test_the_next_write_after_an_interrupted_begin_is_kept(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Store.open(db) as store:
        real = store.con
        store.con = _InterruptedBegin(real)  # type: ignore[assignment]
        with pytest.raises(KeyboardInterrupt):  # as the store raises DuckDB's interrupt
            store.transaction(lambda con: con.execute("CREATE TABLE kept (x INTEGER)"))
        store.transaction(lambda con: con.execute("CREATE TABLE kept (x INTEGER)"))  # before: "please ROLLBACK"
        store.transaction(lambda con: con.execute("INSERT INTO kept VALUES (1)"))
        store.con = real
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT x FROM kept") == [(1,)]
