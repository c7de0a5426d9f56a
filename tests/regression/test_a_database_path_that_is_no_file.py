"""Bug: `watchdesk runs --db /dev/null` said "no database at /dev/null", and so did `brief` and `approve`, though
/dev/null is there: it is a device, not a database. A --db to read that is there but is no regular file (a device, a
named pipe) is now said to be what it is; a path with nothing there still says "no database at"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli

COMMANDS = (["runs"], ["brief"], ["approve", "r1"])


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null on this system")
@pytest.mark.parametrize("command", COMMANDS)
def test_a_device_is_said_to_be_no_database(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--db", "/dev/null"])
    assert result.exit_code == EXIT_CONFIG, result.output
    said = " ".join(result.output.split())
    assert "/dev/null is a device, not a database: pass --db with the file" in said, said
    assert "no database at" not in said


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_said_to_be_no_database(tmp_path: Path) -> None:
    os.mkfifo(pipe := tmp_path / "pipe")
    result = CliRunner().invoke(cli, ["runs", "--db", str(pipe)])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert f"{pipe} is not a regular file, not a database" in " ".join(result.output.split())


@pytest.mark.parametrize("command", COMMANDS)
def test_a_path_with_nothing_there_is_no_database(tmp_path: Path, command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert f"no database at {tmp_path / 'none.duckdb'}: pass --db with the file" in " ".join(result.output.split())
