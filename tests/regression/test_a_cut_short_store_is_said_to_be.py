"""Bug: a store file cut short (a full disk, a copy that did not finish) was said as a bug or as DuckDB's raw error:
`watchdesk run` on one said "unexpected IOException in db.py:174: IO Error: Could not read enough bytes from file
...; please report it" (exit 1), or "cannot open database w.duckdb: IO Error: ..." with nothing to do; one cut by its
last block was fetched and flagged into and then failed writing the briefing with "unexpected IOException in
store.py:79". Now each says the file is damaged and what to do (restore it, or --db a new path), and exits 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.sources.errors import ConfigError
from watchdesk.store import db as store_db
from watchdesk.store.store import Store

DAMAGED = ("is damaged: the file ends before DuckDB's data does (cut short, as by a full disk or a copy that did not "
           "finish), so it cannot be read. Restore it from a copy, or pass --db with a new path to start a new store.")


def cut_store(tmp: Path, *, keep: float) -> Path:
    """A store as watchdesk makes it, with only the first `keep` of its bytes (or all but its last 4 KiB: keep=1)."""
    whole = tmp / "whole.duckdb"
    Store.open(whole).close()
    data = whole.read_bytes()
    cut = tmp / "w.duckdb"
    cut.write_bytes(data[: len(data) - 4096] if keep == 1 else data[: int(len(data) * keep)])
    return cut


@pytest.mark.parametrize("keep", [0.0001, 0.01, 0.5])
def test_run_and_runs_say_a_cut_short_store_is_damaged(tmp_path: Path, keep: float) -> None:
    db = cut_store(tmp_path, keep=keep)
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST, encoding="utf-8")
    pack = nvidia_pack(tmp_path / "pack")
    commands = [["run", str(wl), "--replay", str(pack), "--db", str(db), "--out", str(tmp_path / "out")]]
    if keep < 0.5:  # `runs` reads no table data: half a store still shows its counts
        commands.append(["runs", "--db", str(db)])
    for args in commands:
        result = CliRunner().invoke(cli, args)
        said = " ".join(result.stderr.split())
        assert result.exit_code == EXIT_CONFIG, said
        assert f"error: {db} {DAMAGED}" in said, said
        assert "unexpected" not in said and "resolving tickers" not in said, said


def test_a_store_cut_by_its_last_block_is_said_damaged_where_it_is_read(tmp_path: Path) -> None:
    db = cut_store(tmp_path, keep=1)
    said = []
    with pytest.raises(ConfigError, match=re.escape(DAMAGED)):  # a writing open reads its identity (migration 021)
        Store.open(db)
    with Store.open(db, read_only=True) as store:
        for table in store_db._tables(store.con):
            try:
                store.query(f'SELECT * FROM "{table}"')
            except ConfigError as exc:
                said.append(str(exc))
    assert said, "some table lay in the missing block"
    assert all(text == f"{db.resolve()} {DAMAGED}" for text in said), said
