"""Bug (cost): every writable open of a store ran migrate() (a CREATE TABLE IF NOT EXISTS and a read of the applied
versions) even when the store was at this watchdesk's schema already, read the 27 migration files up to three times
(latest_version, migrate), and asked information_schema whether schema_migrations existed: ~20 ms of CPU of the ~60 an
open costs besides DuckDB's own, twice a `watchdesk run`. Now the migrations are read once a process and a current
store is not migrated again; a store a migration behind still gets it, and only it."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.store import db
from watchdesk.store.store import Store


def test_a_current_store_is_not_migrated_again_and_an_older_one_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.duckdb"
    Store.open(path).close()
    migrated: list[list[int]] = []
    migrate = db.migrate
    monkeypatch.setattr(db, "migrate", lambda con: migrated.append(migrate(con)) or migrated[-1])
    with Store.open(path) as store:
        assert db.schema_version(store.con) == db.latest_version()
    assert migrated == []

    latest = db.latest_version()
    with Store.open(path) as store:  # as a watchdesk one migration older left it: the last one undone
        store.query("DELETE FROM schema_migrations WHERE version = ?", [latest])
    with Store.open(path) as store:
        assert db.schema_version(store.con) == latest
    assert migrated == [[latest]]
