"""Bug (a new user's review of bad input): a database file of 0 bytes (`touch watchdesk.duckdb`, a download or copy that
wrote nothing) was said to be "not a DuckDB database (watchdesk's store): give a watchdesk.duckdb file", which sends the
user looking for another file when this one only needs removing. Now the message says the file is empty and that a run
creates the store once it is removed; the exit code stays 2, and nothing is written into the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli


@pytest.mark.parametrize("command", [["runs"], ["findings"], ["runs", "--upgrade"]])
def test_an_empty_file_is_said_to_be_empty(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "watchdesk.duckdb"
    db.write_bytes(b"")
    result = CliRunner().invoke(cli, [*command, "--db", str(db)])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert f"{db} is empty (0 bytes), not a DuckDB database: remove it and `watchdesk run` or `watchdesk demo` " \
           "creates the store there, or give the watchdesk.duckdb file a run wrote" in " ".join(result.stderr.split())
    assert db.stat().st_size == 0
