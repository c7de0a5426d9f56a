"""Bug: a store with one block overwritten (a copy that went wrong, a disk fault, a stray write) was said as a bug:
`watchdesk runs`, `brief` and `run` on it printed "unexpected Error in db.py:33: Corrupt database file: computed
checksum ... please report it" and exited 1, and a scheduled run left no CANNOT-RUN notice (nor did one that could
not reach SEC as its tickers resolved). Now it is said damaged
with what to do (restore it, or --db a new path) and exits 2, at open or where a query first reads the bad block."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import run_args
from watchdesk.graph import runner
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.sources.errors import StoreDamagedError, TransportError
from watchdesk.store.store import Store

SAID = "does not match the checksum DuckDB wrote with it"
BLOCK = 262_144  # DuckDB's block size; three 4 KiB headers come first


def _overwrite(db: Path, at: int) -> None:
    with db.open("r+b") as f:
        f.seek(at)
        f.write(bytes(range(256)) * 16)  # 4 KiB of what no block holds


def test_runs_says_a_store_with_a_bad_block_is_damaged(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    Store.open(db).close()
    _overwrite(db, 4096)  # the file's header block: read as it opens
    result = CliRunner().invoke(cli, ["runs", "--db", str(db)])
    said = " ".join(result.stderr.split())
    assert result.exit_code == EXIT_CONFIG, said
    assert f"error: {db} is damaged: a block of it {SAID}" in said and "unexpected" not in said, said


def test_a_bad_block_found_by_a_query_stops_with_the_same_words(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Store.open(db) as store:
        store.con.execute("CREATE TABLE notes AS SELECT range AS i, repeat('x', 200) AS s FROM range(40000)")
        store.con.execute("CHECKPOINT")
        ((block,),) = store.con.execute("SELECT min(block_id) FROM pragma_storage_info('notes') WHERE persistent "
                                        "AND block_id >= 0").fetchall()  # fmt: skip
    _overwrite(db, 3 * 4096 + BLOCK * block)  # a block of the table's data, read by the query alone
    with Store.open(db) as store, pytest.raises(StoreDamagedError) as found:
        store.query("SELECT sum(length(s)) FROM notes")
    assert str(found.value) == f"{db} is damaged: a block of it {SAID} (a copy that went wrong, a disk fault or a " \
        "stray write), so it cannot be read. Restore it from a copy, or pass --db with a new path to start a new store."


def test_a_scheduled_run_on_a_store_with_a_bad_block_leaves_a_notice(tmp_path: Path) -> None:
    args = [*run_args(tmp_path), "--scheduled"]
    db = tmp_path / "w.duckdb"
    Store.open(db).close()
    _overwrite(db, 4096)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == EXIT_CONFIG, result.stderr
    (notice,) = (tmp_path / "out").glob("CANNOT-RUN-*.md")
    text = " ".join(notice.read_text(encoding="utf-8").split())
    assert f"could not start; nothing was fetched or briefed. Why: {db} is damaged: a block of it {SAID}" in text
    assert "--write-env" not in text, "the settings were not what kept it from starting"


def test_a_scheduled_run_that_cannot_reach_sec_leaves_a_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It said so only in cron's log (exit 1): the week's briefing was missing with no notice beside the others."""
    why = ("could not connect to https://www.sec.gov/files/company_tickers.json after 4 attempts (ConnectError); "
           "check this machine's network connection")

    def unreachable(*_args: object, **_kwargs: object) -> object:
        raise TransportError(why)

    monkeypatch.setattr(runner, "resolve_companies", unreachable)  # as a network outage ends the tickers' request
    result = CliRunner().invoke(cli, [*run_args(tmp_path), "--scheduled"])
    assert result.exit_code == 1 and why in " ".join(result.stderr.split()), result.stderr
    (notice,) = (tmp_path / "out").glob("CANNOT-RUN-*.md")
    text = " ".join(notice.read_text(encoding="utf-8").split())
    assert f"could not start; nothing was fetched or briefed. Why: {why}" in text, text
    assert "--write-env" not in text, "the settings were not what kept it from starting"
