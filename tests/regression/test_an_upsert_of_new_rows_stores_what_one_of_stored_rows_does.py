"""Cost: DuckDB spends ~4 ms of CPU on any INSERT's ON CONFLICT clause, whatever it inserts, and a replayed run makes
16 upserts, most of rows no store holds yet (its audit rows, spans, findings): bulk.upsert now sends rows none of whose
keys is stored (nor repeated among them) without the clause, and the others with it, as before. What is stored must
not change: new rows inserted, a stored key's row replaced but for `keep`, left as it was with update=False, a batch
mixing both, a key repeated in a batch settled by the clause as before, and rows deleted in the transaction inserted
again."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb

from watchdesk.store import bulk, db


def companies(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    return con.execute("SELECT cik, ticker, name FROM companies ORDER BY cik").fetchall()


def row(cik: int, ticker: str, name: str) -> dict[str, object]:
    return {"cik": cik, "ticker": ticker, "name": name, "updated_at": datetime(2026, 12, 7, tzinfo=UTC)}


def test_new_rows_stored_rows_and_a_mix_are_stored_as_before() -> None:
    con = db.connect(":memory:")
    assert bulk.upsert(con, "companies", [row(1, "A", "a"), row(2, "B", "b")], key=["cik"]) == 2
    assert companies(con) == [(1, "A", "a"), (2, "B", "b")]
    bulk.upsert(con, "companies", [row(2, "B2", "b2"), row(3, "C", "c")], key=["cik"], keep=["name"])
    assert companies(con) == [(1, "A", "a"), (2, "B2", "b"), (3, "C", "c")]
    bulk.upsert(con, "companies", [row(3, "C3", "c3"), row(4, "D", "d")], key=["cik"], update=False)
    assert companies(con) == [(1, "A", "a"), (2, "B2", "b"), (3, "C", "c"), (4, "D", "d")]
    bulk.upsert(con, "companies", [row(5, "E", "e"), row(5, "E2", "e2")], key=["cik"])  # the clause settles it
    assert companies(con)[-1] == (5, "E", "e")
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM companies WHERE cik = 4")
    bulk.upsert(con, "companies", [row(4, "D4", "d4")], key=["cik"])
    con.execute("COMMIT")
    assert companies(con)[-2:] == [(4, "D4", "d4"), (5, "E", "e")]
