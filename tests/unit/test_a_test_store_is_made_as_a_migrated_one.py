"""The suite's new stores are copies of one empty store migrated once per test process (store/template.py,
tests/conftest.py::_store_template), made in ~0.06 s of CPU instead of ~0.15 s. A copy must be what migrating from
nothing makes: the same tables, columns, views and rows, an identity of its own, recorded where it is kept; and the
`watchdesk` commands a test starts make theirs so too. real_migrations keeps a test on the real path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.integration.test_approval import WATCHLIST
from watchdesk.graph.demo import demo_pack
from watchdesk.store import template
from watchdesk.store.store import Store

# what differs between any two stores by design: when each migration ran, the identity each draws
_VOLATILE = {("schema_migrations", "applied_at"), ("store_identity", "store_id"), ("store_identity", "kept_at")}


def catalog(path: Path) -> dict[str, Any]:
    with duckdb.connect(str(path), read_only=True) as con:
        return catalog_of(con)


def catalog_of(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """The store's tables (their columns, constraints and rows but the volatile ones), views, indexes, sequences and
    macros."""
    columns: dict[str, list[tuple[Any, ...]]] = {}
    for table, column, kind, default, nullable in con.execute(
        "SELECT table_name, column_name, data_type, column_default, is_nullable FROM duckdb_columns()"
        " WHERE NOT internal ORDER BY table_name, column_index"
    ).fetchall():
        columns.setdefault(table, []).append((column, kind, default, nullable))
    rows = {}
    for table, kept in columns.items():
        names = ", ".join(f'"{c}"' for c, *_ in kept if (table, c) not in _VOLATILE) or "count(*)"  # store_identity
        rows[table] = con.execute(f'SELECT {names} FROM "{table}" ORDER BY ALL').fetchall()
    return {
        "columns": columns, "rows": rows,
        "constraints": con.execute(
            "SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints() ORDER BY ALL").fetchall(),
        "views": con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY 1").fetchall(),
        "indexes": con.execute("SELECT index_name, table_name, sql FROM duckdb_indexes() ORDER BY 1").fetchall(),
        "sequences": con.execute("SELECT sequence_name, start_value FROM duckdb_sequences() ORDER BY 1").fetchall(),
        "macros": con.execute(
            "SELECT function_name, macro_definition FROM duckdb_functions() WHERE function_type LIKE '%macro'"
            " AND NOT internal ORDER BY 1"
        ).fetchall(),
    }  # fmt: skip


def identity(path: Path) -> tuple[str, str]:
    with duckdb.connect(str(path), read_only=True) as con:
        ((store_id, kept_at),) = con.execute("SELECT store_id, kept_at FROM store_identity").fetchall()
    return store_id, kept_at


def first_applied(path: Path) -> object:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT min(applied_at) FROM schema_migrations").fetchall()[0][0]


def test_a_store_made_from_the_template_is_one_migrated_from_nothing(tmp_path: Path, _store_template: Path) -> None:
    copies = [tmp_path / "a.duckdb", tmp_path / "b.duckdb"]
    for path in copies:
        with Store.open(path):
            pass
    template.use(None)
    try:
        with Store.open(tmp_path / "migrated.duckdb"):
            pass
    finally:
        template.use(_store_template)
    assert [first_applied(path) for path in copies] == [first_applied(_store_template)] * 2  # copies, not migrated
    assert first_applied(tmp_path / "migrated.duckdb") != first_applied(_store_template)
    assert catalog(copies[0]) == catalog(copies[1]) == catalog(tmp_path / "migrated.duckdb")
    ids = [identity(path) for path in [*copies, _store_template]]
    assert len({store_id for store_id, _ in ids}) == 3, "each copy draws an identity of its own"
    assert [kept_at for _, kept_at in ids[:2]] == [str(path.resolve()) for path in copies]
    assert sorted(p.name for p in tmp_path.iterdir() if "template" in p.name) == []  # no partial copy left


def test_a_command_a_test_starts_makes_its_store_from_the_template(tmp_path: Path, _store_template: Path) -> None:
    assert os.environ["WATCHDESK_TEST_STORE_TEMPLATE"] == str(_store_template)
    wl, db = tmp_path / "w.toml", tmp_path / "w.duckdb"
    wl.write_text(WATCHLIST.replace('approval = "first:1"', 'approval = "always"'))  # stops before fetching
    done = subprocess.run(
        [sys.executable, "-m", "watchdesk.graph.cli", "run", str(wl), "--replay", str(demo_pack()), "--db", str(db),
         "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0 and "awaiting approval" in done.stderr, done.stderr
    assert first_applied(db) == first_applied(_store_template)
    assert identity(db)[0] != identity(_store_template)[0]


def test_a_store_in_memory_is_filled_from_the_template_as_migrating_it_would(_store_template: Path) -> None:
    with Store.open(":memory:") as copied, Store.open(":memory:") as other:
        template.use(None)
        try:
            migrated = Store.open(":memory:")
        finally:
            template.use(_store_template)
        with migrated:
            assert catalog_of(copied.con) == catalog_of(other.con) == catalog_of(migrated.con)
            applied = "SELECT min(applied_at) FROM schema_migrations"
            assert copied.query(applied) == [(first_applied(_store_template),)]  # the template's rows, not migrated
            assert migrated.query(applied) != copied.query(applied)
            ids = [s.query("SELECT store_id, kept_at FROM store_identity")[0] for s in (copied, other, migrated)]
            assert len({store_id for store_id, _ in ids}) == 3 and {kept_at for _, kept_at in ids} == {None}


@pytest.mark.usefixtures("real_migrations")
def test_real_migrations_migrate_a_new_store_from_nothing(tmp_path: Path, _store_template: Path) -> None:
    with Store.open(tmp_path / "s.duckdb"):
        pass
    assert first_applied(tmp_path / "s.duckdb") != first_applied(_store_template)
    assert "WATCHDESK_TEST_STORE_TEMPLATE" not in os.environ
