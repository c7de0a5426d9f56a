"""Bug: `watchdesk runs --db X` on a DuckDB file that is not a watchdesk store (one `create table t(x int)`)
ended with "unexpected CatalogException ... please report it", exit 1, where the README's exit codes say bad
input is 2; `approve` did the same, and `brief` first migrated the stranger's file into a store."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli


@pytest.mark.parametrize("command", [["runs"], ["approve", "2026-11-23-deadbeef"], ["brief"]])
def test_a_duckdb_file_that_is_no_store_is_bad_input(command: list[str], tmp_path: Path) -> None:
    db = tmp_path / "other.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    result = CliRunner().invoke(cli, [*command, "--db", str(db)])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert f"{db} is a DuckDB database but not a watchdesk store" in " ".join(result.stderr.split())
    assert "unexpected" not in result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT table_name FROM information_schema.tables").fetchall() == [("t",)]
