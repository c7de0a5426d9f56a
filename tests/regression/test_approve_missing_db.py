"""Bug: `watchdesk approve RUN_ID --db typo.duckdb` created an empty database at the mistyped path
(the run lookup opened the file read-write) before saying the run did not exist."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli


def test_approve_with_a_missing_db_creates_nothing(tmp_path: Path) -> None:
    typo = tmp_path / "typo.duckdb"
    result = CliRunner().invoke(cli, ["approve", "2026-11-23-deadbeef", "--db", str(typo)])
    assert result.exit_code == EXIT_CONFIG
    assert "no database" in result.output
    assert not typo.exists()
