"""Reading a store without holding it (store/reader.py), and what a read-only open refuses (store/db.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from watchdesk.sources.errors import ConfigError
from watchdesk.store import db, reader
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store

NOW = datetime(2026, 11, 23, tzinfo=UTC)


def old_store(path: Path, *, upto: int) -> Path:
    """A store as an older watchdesk left it: migrations 001 to `upto` applied."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    for version, name, step in db.migrations():
        if version <= upto:
            db.apply_step(con, step)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, NOW])
    con.close()
    return path


def test_locate_refuses_a_named_file_that_is_missing(tmp_path: Path) -> None:
    """filing_changes.ipynb fell back to ../watchdesk.duckdb when WATCHDESK_DB named a missing file."""
    fallback = tmp_path / "watchdesk.duckdb"
    fallback.touch()
    with pytest.raises(ConfigError, match=r"WATCHDESK_DB names .*typo\.duckdb, which is not a file"):
        reader.locate(str(tmp_path / "typo.duckdb"), fallbacks=[fallback])
    assert reader.locate(str(fallback), fallbacks=[]) == fallback
    assert reader.locate(None, fallbacks=[tmp_path / "none.duckdb", fallback]) == fallback
    assert reader.locate("", fallbacks=[tmp_path / "none.duckdb"]) is None


def test_an_older_store_says_how_to_migrate_it(tmp_path: Path) -> None:
    """explore_run.ipynb crashed on it: "Table with name current_findings does not exist" (migration 003)."""
    path = old_store(tmp_path / "old.duckdb", upto=2)
    with pytest.raises(ConfigError) as caught, reader.reading(path):
        pass
    said = str(caught.value)
    assert f"schema version 2, older than this watchdesk's ({db.latest_version()})" in said
    assert f"watchdesk runs --db {path} --upgrade" in said
    with pytest.raises(duckdb.CatalogException):  # still unmigrated: reading wrote nothing
        duckdb.connect(str(path), read_only=True).execute("SELECT * FROM current_findings")
    db.connect(path).close()  # what any writing command does first
    with reader.reading(path) as con:
        assert con.execute("SELECT count(*) FROM current_findings").fetchall() == [(0,)]


def test_a_store_from_a_newer_watchdesk_says_to_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    con.close()
    with pytest.raises(ConfigError, match="schema version 999, written by a newer watchdesk"), reader.reading(path):
        pass


def test_files_that_are_not_stores_are_named_for_what_they_are(tmp_path: Path) -> None:
    text = tmp_path / "notdb.duckdb"
    text.write_text("hello\n")
    with pytest.raises(ConfigError, match="is not a DuckDB database") as caught, reader.reading(text):
        pass
    assert caught.value.__cause__ is None and caught.value.__suppress_context__  # no DuckDB IOException chained on
    foreign = tmp_path / "other.duckdb"
    duckdb.connect(str(foreign)).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(ConfigError, match=r"DuckDB database but not a watchdesk store \(.*its tables: t\)"):
        db.connect(foreign, read_only=True)
    with pytest.raises(ConfigError, match=r"not a watchdesk store .*, or a new path to create one"):
        db.connect(foreign)  # a writer does not migrate someone else's database into a store
    with duckdb.connect(str(foreign), read_only=True) as con:
        assert con.execute("SELECT table_name FROM information_schema.tables").fetchall() == [("t",)]


def test_a_read_only_open_of_a_missing_path_creates_nothing(tmp_path: Path) -> None:
    """Store.open(path, read_only=True) created the missing parent folders before failing."""
    path = tmp_path / "no" / "such" / "store.duckdb"
    with pytest.raises(ConfigError, match="no database at"):
        Store.open(path, read_only=True)
    assert not (tmp_path / "no").exists()
    with pytest.raises(ConfigError, match="no database at"), reader.reading(path):
        pass
    assert not (tmp_path / "no").exists()


def test_a_running_run_read_read_only_is_shown_stale(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store.open(path) as store:
        for run_id, status in (("killed", "running"), ("finished", "done")):
            store.save_run(RunRecord(run_id=run_id, watchlist="w", watchlist_hash="h", mode="live", status=status,
                                     started_at=NOW))  # fmt: skip
    with reader.reading(path) as con:
        shown = dict(con.execute(f"SELECT run_id, {reader.RUN_STATUS} FROM runs").fetchall())
        stored = dict(con.execute("SELECT run_id, status FROM runs").fetchall())
    assert shown == {"killed": reader.STALE_RUNNING, "finished": "done"}
    assert stored == {"killed": "running", "finished": "done"}  # shown, never written
