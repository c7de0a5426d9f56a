"""A new user's walkthrough: `watchdesk runs --db new.duckdb` on a store no run has written printed nothing on stdout
and, on stderr, only the table counts ("actions=0 briefings=0 ... store_identity=1"), which read as a failure to list.
Now it says there is no run yet and how to make one; a store with runs lists them as before."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.store.store import Store


def test_an_empty_store_says_it_holds_no_run_yet(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    Store.open(db).close()
    result = CliRunner().invoke(cli, ["runs", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"No runs in {db} yet: `watchdesk run WATCHLIST --db {db}` fills it." in result.stderr
    assert "runs=0" in result.stderr


def test_a_store_with_runs_lists_them_without_the_note(demo_folder: Path) -> None:
    result = CliRunner().invoke(cli, ["runs", "--db", str(demo_folder / "demo.duckdb")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("demo-2026-09-01\tdone\t")
    assert "No runs" not in result.stderr
