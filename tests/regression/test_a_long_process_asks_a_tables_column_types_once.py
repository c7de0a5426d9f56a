"""Bug: the bulk writer (store/bulk.py) kept each table's column types under the id() of the connection that asked,
so every store a process opened asked DuckDB for them again (16 queries, ~50 ms of CPU a replayed run) and kept
them for good: a long process (a notebook, the scheduler, the test workers) grew that table by one entry per table
written per store it ever opened, and a new connection given a closed one's id() would have been read with that
one's types. Now they are asked once per table and process; writes into a second store still land as they should.
"""

from __future__ import annotations

from pathlib import Path

from watchdesk.store import bulk
from watchdesk.store.store import Store


def test_three_stores_written_in_turn_ask_a_tables_column_types_once(tmp_path: Path) -> None:
    bulk._TYPES.clear()
    for n in range(3):
        with Store.open(tmp_path / f"s{n}.duckdb") as store:
            store.upsert_company(cik=1045810 + n, ticker=f"T{n}", name=f"Company {n}")
            assert store.query("SELECT cik, ticker, name FROM companies") == [(1045810 + n, f"T{n}", f"Company {n}")]
    assert sum(1 for key in bulk._TYPES if "companies" in key) == 1
