"""Bug: a store file cut short (a full disk, a copy that did not finish) was said as a bug or as DuckDB's raw error:
`watchdesk run` on one said "unexpected IOException in db.py:174: IO Error: Could not read enough bytes from file
...; please report it" (exit 1), or "cannot open database w.duckdb: IO Error: ..." with nothing to do; one cut by its
last block was fetched and flagged into and then failed writing the briefing with "unexpected IOException in
store.py:79" (later: a gap saying it was damaged). Now each says the file is damaged and what to do (restore it, or
--db a new path), and exits 2; a file missing blocks its data needs is found at open, before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.sources.errors import ConfigError
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


def test_a_store_cut_by_its_last_block_is_said_damaged_at_open(tmp_path: Path) -> None:
    """It was said only where a query read the missing block: a writable open took it, and a run wrote into it first."""
    db = cut_store(tmp_path, keep=1)
    before = db.read_bytes()
    for read_only in (True, False):
        with pytest.raises(ConfigError) as said:
            Store.open(db, read_only=read_only)
        assert str(said.value) == f"{db} {DAMAGED}"
    assert db.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb", "whole.duckdb"]


def test_a_run_on_a_store_cut_by_its_last_block_writes_nothing(tmp_path: Path) -> None:
    """Bug: a store with a run's data in it, cut by its last block, was fetched and flagged into (the file grew from
    7.0 to 8.8 MiB), then the briefing failed on the missing block ("... is damaged ...") and the run ended done with
    that gap. Now the run is refused at open (exit 2), before anything is fetched, and the file is left as it was."""
    wl, pack = tmp_path / "w.toml", nvidia_pack(tmp_path / "pack")
    wl.write_text(WATCHLIST, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    args = ["run", str(wl), "--replay", str(pack), "--db", str(db), "--out", str(tmp_path / "out")]
    assert CliRunner().invoke(cli, args).exit_code == 0
    whole = db.read_bytes()
    db.write_bytes(whole[: len(whole) - 256 * 1024])  # DuckDB's blocks are 256 KiB
    before = db.read_bytes()
    result = CliRunner().invoke(cli, args)
    said = " ".join(result.stderr.split())
    assert result.exit_code == EXIT_CONFIG, said
    assert f"error: {db} {DAMAGED}" in said and "resolving tickers" not in said, said
    assert db.read_bytes() == before, "nothing written into the damaged file"
    assert not Path(f"{db}.wal").exists()


def test_a_whole_store_with_free_blocks_is_opened_without_listing_its_segments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A code review: the check listed every table's segments on each open of any store that had run twice (free
    blocks), 63 -> 141 ms a read-only open of the demo store. A file that holds every block, used or free, is whole."""
    from watchdesk.store import db as store_db

    wl, pack = tmp_path / "w.toml", nvidia_pack(tmp_path / "pack")
    wl.write_text(WATCHLIST, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    args = ["run", str(wl), "--replay", str(pack), "--db", str(db), "--out", str(tmp_path / "out")]
    for _ in range(2):
        assert CliRunner().invoke(cli, args).exit_code == 0
    with Store.open(db, read_only=True) as store:
        sql = "SELECT free_blocks FROM pragma_database_size() WHERE database_name = current_database()"
        ((free,),) = store.query(sql)
    assert free > 0, "a store run twice has free blocks"

    def listed(_con: object) -> int:
        raise AssertionError("segments listed for a whole file")

    monkeypatch.setattr(store_db, "_highest_block", listed)
    for read_only in (True, False):
        with Store.open(db, read_only=read_only):
            pass
