"""Bug: `watchdesk brief` on a store on a read-only filesystem (or a file it may not write) said DuckDB's words,
"cannot open database w.duckdb: IO Error: Cannot open file ...: Read-only file system", exit 1, with nothing to do
(`run` and `approve` check the path first and say it). Now it says the database cannot be written, why, and what to
do (exit 2), and nothing else is tried. DuckDB opens the file in C++: its refusal (its words on a read-only bind mount)
is raised where watchdesk calls it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.store import db as store_db


@pytest.mark.parametrize("why", ["Read-only file system", "Permission denied"])
def test_brief_on_a_store_it_cannot_write_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, why: str) -> None:
    wl, db = tmp_path / "w.toml", tmp_path / "w.duckdb"
    wl.write_text(WATCHLIST, encoding="utf-8")
    run = ["run", str(wl), "--replay", str(nvidia_pack(tmp_path / "pack")), "--db", str(db), "--out",
           str(tmp_path / "out")]  # fmt: skip
    assert CliRunner().invoke(cli, run).exit_code == 0
    connect = duckdb.connect

    def refuse_writing(database: str, read_only: bool = False, **kw: object) -> duckdb.DuckDBPyConnection:
        if not read_only:
            raise duckdb.IOException(f'IO Error: Cannot open file "{Path(database).resolve()}": {why}')
        return connect(database, read_only=read_only, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(store_db.duckdb, "connect", refuse_writing)
    result = CliRunner().invoke(cli, ["brief", str(wl), "--db", str(db), "--out", str(tmp_path / "again")])
    said = " ".join(result.stderr.split())
    assert result.exit_code == EXIT_CONFIG, said
    assert (f"error: the database {db} cannot be written ({why}): this command records what it does in it; make it "
            "writable, or copy it to a folder that can be written and pass --db with the copy") in said, said
    assert "IO Error" not in said and not (tmp_path / "again").exists(), said
    assert CliRunner().invoke(cli, ["runs", "--db", str(db)]).exit_code == 0, "reading it still works"
