"""Bug: the bulk writer (store/bulk.py) kept each table's column types under the id() of the connection that asked,
so every store a process opened asked DuckDB for them again (16 queries, ~50 ms of CPU a replayed run) and kept
them for good: a long process (a notebook, the scheduler, the test workers) grew that table by one entry per table
written per store it ever opened, and a new connection given a closed one's id() would have been read with that
one's types. Now they are asked once per table and process; writes into a second store still land as they should.
Two rows a store: a single row is sent as its VALUES, which asks no types (test_a_row_written_alone_is_stored_as_in_a_
batch).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from watchdesk.store import bulk
from watchdesk.store.store import Store


def test_three_stores_written_in_turn_ask_a_tables_column_types_once(tmp_path: Path) -> None:
    bulk._TYPES.clear()
    for n in range(3):
        with Store.open(tmp_path / f"s{n}.duckdb") as store:
            rows = [{"cik": cik, "ticker": f"T{cik}", "name": f"Company {cik}", "updated_at": datetime.now(UTC)}
                    for cik in (n, n + 10)]  # fmt: skip
            store.transaction(lambda con, rows=rows: bulk.upsert(con, "companies", rows, key=["cik"]))
            assert store.query("SELECT cik, ticker, name FROM companies ORDER BY cik") == [
                (cik, f"T{cik}", f"Company {cik}") for cik in (n, n + 10)]  # fmt: skip
    assert sum(1 for key in bulk._TYPES if "companies" in key) == 1
