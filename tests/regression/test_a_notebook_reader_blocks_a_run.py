"""Bug: a notebook left open (a read-only DuckDB connection, as explore_run.ipynb kept) stopped `watchdesk
brief/run/demo` with exit 3, and the message said the holder "opened it for writing" and that notebooks "should
open the file with read_only=True", which it already had: in DuckDB a reader blocks a writer too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_IN_USE, cli
from watchdesk.store import reader
from watchdesk.store.store import Store

# held until killed (its standard input is never closed before), however slow the machine
OPEN = ("import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); print('ok', flush=True); "
        "sys.stdin.read()")


def test_a_read_only_holder_is_named_as_a_reader_to_close(tmp_path: Path) -> None:
    db = tmp_path / "wd.duckdb"
    Store.open(db).close()
    holder = subprocess.Popen([sys.executable, "-c", OPEN, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        result = CliRunner().invoke(cli, ["brief", "--db", str(db), "--out", str(tmp_path / "out")])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == EXIT_IN_USE
    said = " ".join(result.stderr.split())
    assert "is held by another program (" in said
    assert "even read-only" in said and "close that connection" in said
    assert "read_only=True" not in said and "for writing" not in said


def test_a_reader_that_is_done_leaves_the_file_to_a_writer(tmp_path: Path) -> None:
    """The notebooks read through reader.reading: once a cell's block ends, nothing of this process holds it."""
    db = tmp_path / "wd.duckdb"
    Store.open(db).close()
    write = "import duckdb, sys; duckdb.connect(sys.argv[1]).close()"
    with reader.reading(db) as con:
        con.execute("SELECT count(*) FROM runs").fetchall()
        assert subprocess.run([sys.executable, "-c", write, str(db)], capture_output=True).returncode != 0
    assert subprocess.run([sys.executable, "-c", write, str(db)], capture_output=True).returncode == 0
