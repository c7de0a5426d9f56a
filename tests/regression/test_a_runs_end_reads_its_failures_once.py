"""Cost: a run that ended done read what failed in it twice (run_failures: once for its record's "partial: ..." note,
once more for what its end says, ~10-20 ms of CPU each), and counted its store's 19 tables and views for its record
in 19 statements of their own (~1 ms each to plan). It reads the failures once now (its audit flushed first, as the
record's save did before the second read), and counts the tables in one statement: the same counts, the same note."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.regression.demo_slice import nvidia_pack, watchlist
from tests.regression.test_a_row_written_alone_is_stored_as_in_a_batch import Said
from watchdesk.graph import runner
from watchdesk.graph.demo import DEMO_AS_OF
from watchdesk.graph.failures import Failure
from watchdesk.graph.settings import Settings
from watchdesk.store import db
from watchdesk.store.store import Store


def test_a_done_run_reads_its_failures_once_and_says_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[list[Failure]] = []
    failures = runner.run_failures

    def counted(store: Store, run_id: str) -> list[Failure]:
        read.append(failures(store, run_id))
        return read[-1]

    monkeypatch.setattr(runner, "run_failures", counted)
    settings = Settings(db_path=tmp_path / "s.duckdb", mode="replay", replay_dir=nvidia_pack(tmp_path / "pack"),
                        as_of=DEMO_AS_OF, out_dir=tmp_path / "out")  # fmt: skip
    outcome = runner.start_run(watchlist(), settings)
    assert outcome.status == "done" and outcome.failures == [] and len(read) == 1  # before: 2 reads
    with Store.open(settings.db_path, read_only=True) as store:
        ((error, counts),) = store.query("SELECT error, counts FROM runs WHERE run_id = ?", [outcome.run_id])
        assert error is None and '"documents": 1' in counts and "schema_migrations" not in counts, counts


def test_a_stores_tables_and_views_are_counted_in_one_statement(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.upsert_company(cik=1045810, ticker="NVDA", name="NVIDIA CORP")
        con: Any = Said(store.con)
        counts = db.table_counts(con)
        one_by_one = {t: store.query(f'SELECT count(*) FROM "{t}"')[0][0] for t in db._tables(store.con)}
    assert counts == one_by_one and list(counts) == sorted(counts)  # every table and view, by name
    assert counts["companies"] == 1 and "current_findings" in counts and counts["schema_migrations"] > 20
    assert len(con.sql) == 2, con.sql  # the names, then one count of all; before: one statement a table
