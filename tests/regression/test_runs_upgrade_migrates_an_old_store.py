"""A store review: an older store opened by a notebook said to migrate it with `watchdesk brief --db FILE`, which
also writes a briefing, and on a store holding two watchlists migrates it and then exits 2 asking for --name.
`watchdesk runs --db FILE --upgrade` applies the migrations and writes nothing else; the notebook's message says so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.store import db as store_db
from watchdesk.store.reader import reading


def one_behind(path: Path) -> Path:
    """The demo store as migration 019 left it: the columns of 020, 021 and 025 and the rows of 020 and later taken
    out."""
    with duckdb.connect(str(path)) as con:
        con.execute("ALTER TABLE filing_comparisons DROP COLUMN compare_version")
        con.execute("ALTER TABLE store_identity DROP COLUMN kept_at")
        for column in ("under_heading", "moved_to", "moved_to_heading"):
            con.execute(f"ALTER TABLE filing_changes DROP COLUMN {column}")
        con.execute("DELETE FROM schema_migrations WHERE version >= 20")
    return path


@pytest.fixture()
def old(tmp_path: Path, demo_store: Callable[[Path], Path]) -> Path:
    return one_behind(demo_store(tmp_path))


def counts(path: Path) -> dict[str, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        tables = [t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in tables
                if t != "schema_migrations"}  # fmt: skip


def test_a_reader_names_the_upgrade_and_the_upgrade_writes_nothing_else(old: Path) -> None:
    with pytest.raises(Exception, match=r"watchdesk runs --db .* --upgrade"), reading(old) as con:
        con.execute("SELECT 1")
    before = counts(old)
    result = CliRunner().invoke(cli, ["runs", "--db", str(old), "--upgrade"])
    assert result.exit_code == 0, result.output
    assert f"upgraded from schema version 19 to schema version {store_db.latest_version()}" in result.output
    assert counts(old) == before
    with reading(old) as con:  # a reader opens it now
        assert store_db.schema_version(con) == store_db.latest_version()
    again = CliRunner().invoke(cli, ["runs", "--db", str(old), "--upgrade"])
    assert f"already at schema version {store_db.latest_version()}" in again.output
