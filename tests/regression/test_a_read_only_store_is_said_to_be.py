"""Bug: `watchdesk brief` on a store on a read-only filesystem (or a file it may not write) said DuckDB's words,
"cannot open database w.duckdb: IO Error: Cannot open file ...: Read-only file system", exit 1, with nothing to do
(`run` and `approve` check the path first and say it). Now it says the database cannot be written, why, and what to
do (exit 2), and nothing else is tried. DuckDB opens the file in C++: its refusal (its words on a read-only bind mount)
is raised where watchdesk calls it.

An immutable file (`chattr +i`: EPERM, "Operation not permitted", even for root, whom chmod never stops) was said
as DuckDB's raw IO error, exit 1: now as the others, with what the error most likely means."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.store import db as store_db
from watchdesk.store.store import Store

HINTS = {
    "Read-only file system": "its file system is mounted read-only",
    "Permission denied": "this user may not write it: `ls -l` shows its owner and mode",
    "Operation not permitted": "the file is probably marked immutable: `lsattr` shows an i, and `chattr -i` (as root) "
                               "lifts it",
}


def _said(db: Path, why: str) -> str:
    return (f"error: the database {db} cannot be written ({why}: {HINTS[why]}): this command records what it does in "
            "it, so it stopped before doing anything; make it writable, or copy it to a folder that can be written and "
            "pass --db with the copy")


@pytest.mark.parametrize("why", list(HINTS))
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
    assert _said(db, why) in said, said
    assert "IO Error" not in said and not (tmp_path / "again").exists(), said
    assert CliRunner().invoke(cli, ["runs", "--db", str(db)]).exit_code == 0, "reading it still works"


def test_an_immutable_store_is_said_to_be_and_kept(tmp_path: Path) -> None:
    """A real `chattr +i` (where this machine allows it: root on ext4, xfs, btrfs or tmpfs): every command that writes
    the store says so, exit 2, and the file is as it was; reading it still works."""
    db = tmp_path / "w.duckdb"
    Store.open(db).close()
    before = db.read_bytes()
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode:
        pytest.skip("chattr +i is not possible here (not root, or the file system has no such attribute)")
    try:
        result = CliRunner().invoke(cli, ["runs", "--db", str(db), "--upgrade"])
        said = " ".join(result.stderr.split())
        assert result.exit_code == EXIT_CONFIG, said
        assert _said(db, "Operation not permitted") in said and "IO Error" not in said, said
        assert CliRunner().invoke(cli, ["runs", "--db", str(db)]).exit_code == 0, "reading it still works"
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)
    assert db.read_bytes() == before
