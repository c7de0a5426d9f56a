"""Cost: a run writes most of its rows one at a time (each audit row as its request ends, its run record, a gap, a
briefing, a delivery), and bulk sent each as a batch: INSERT ... SELECT unnest(?::TYPE[]) per column, after asking
whether its key was stored by a join on unnest()s, ~6 ms of CPU a row. A single row is now looked up by its key
(`WHERE key = ?`) and sent as its VALUES (~3 ms). What is stored must not change, whatever the column's type: each row
written alone, new or replacing a stored one (but for `keep`), is stored as the same rows written as a batch are."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import duckdb

from watchdesk.store import bulk, db

AT = datetime(2026, 12, 7, 9, 30, 15, 123456, tzinfo=UTC)


def run(run_id: str, status: str, **more: Any) -> dict[str, Any]:
    """A runs row as writes.save_run sends it: JSON as text, an as-of day, times aware or not."""
    row = {"run_id": run_id, "watchlist": "w", "watchlist_hash": "h", "mode": "replay", "status": status,
           "started_at": AT, "plan": json.dumps([{"agent": "filings", "target": "NVDA"}]), "counts": "{}",
           "cost": json.dumps({"tokens": 1.5}), "error": None, "as_of": date(2026, 7, 17),
           "finished_at": datetime(2026, 12, 7, 9, 31)}  # fmt: skip
    return row | more


def gap(target: str, tried: list[str]) -> dict[str, Any]:
    return {"gap_id": f"g-{target}", "run_id": "r1", "agent": "filings", "target": target, "reason": "404",
            "created_at": AT, "ticker": "NVDA", "tried": tried, "unread_from": date(2025, 8, 27), "unread_to": None}


def action(action_id: str, nbytes: int | None) -> dict[str, Any]:
    return {"action_id": action_id, "run_id": "r1", "agent": "filings", "action": "http.get", "target": "https://x",
            "host": "x", "attempt": 2, "outcome": "ok", "status": 200, "nbytes": nbytes, "ms": 12.5, "detail": "",
            "at": AT}  # fmt: skip


def finding(start: int, sure: bool | None, score: float) -> dict[str, Any]:
    return {"finding_id": f"f{start}", "doc_id": "d1", "topic": "inventory", "polarity": "negative", "score": score,
            "sentence": "Inventory rose.", "start": start, "end": start + 15, "method": "rules", "method_version": "1",
            "created_at": AT, "ticker": "NVDA", "section": None, "speaker": None, "run_id": "r1", "sure": sure}


# (table, key, keep, first rows, rows written over them: one replaces a stored key, one is new)
WRITES: list[tuple[str, list[str], list[str], list[dict[str, Any]], list[dict[str, Any]]]] = [
    ("runs", ["run_id"], ["plan"], [run("r1", "running"), run("r2", "done", as_of=None)],
     [run("r1", "done", plan="[]", error="boom"), run("r3", "failed")]),
    ("gaps", ["gap_id"], [], [gap("a", []), gap("b", ["edgar", "fmp"])], [gap("a", ["edgar"]), gap("c", [])]),
    ("actions", ["action_id"], [], [action("x1", 1_234_567_890_123), action("x2", None)],
     [action("x1", 5), action("x3", 0)]),
    ("findings", ["finding_id"], [], [finding(0, True, 0.25), finding(20, None, -1.0)],
     [finding(0, False, 0.5), finding(40, True, 1e-9)]),
]


def stored(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[Any, ...]]:
    return con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


def test_rows_written_alone_are_stored_as_the_same_rows_in_a_batch() -> None:
    alone, batch = db.connect(":memory:"), db.connect(":memory:")
    for table, key, keep, first, over in WRITES:
        for rows in (first, over):
            for one in rows:
                bulk.upsert(alone, table, [one], key=key, keep=keep)
            bulk.upsert(batch, table, rows, key=key, keep=keep)
            assert stored(alone, table) == stored(batch, table), table
        assert len(stored(alone, table)) == 3, table
    ((plan, error, as_of),) = alone.execute("SELECT plan, error, as_of FROM runs WHERE run_id = 'r1'").fetchall()
    assert (json.loads(plan), error, as_of) == ([{"agent": "filings", "target": "NVDA"}], "boom", date(2026, 7, 17))
    assert alone.execute("SELECT tried FROM gaps ORDER BY gap_id").fetchall() == [(["edgar"],), (["edgar", "fmp"],),
                                                                                  ([],)]  # fmt: skip


class Said:
    """A connection that keeps the statements sent through it."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con, self.sql = con, []  # type: list[str]

    def execute(self, sql: str, params: object = ()) -> duckdb.DuckDBPyConnection:
        self.sql.append(sql)
        return self.con.execute(sql, params)


def test_a_row_written_alone_is_looked_up_by_key_and_sent_as_values() -> None:
    """Pins how (the cost is what a user gets): a lookup by key, then one INSERT ... VALUES; no unnest()."""
    con = Said(db.connect(":memory:"))
    for rows in ([action("x1", 1)], [action("x1", 2)]):  # new, then over the stored row (with the clause)
        bulk.upsert(con, "actions", rows, key=["action_id"])  # type: ignore[arg-type]
    lookup, insert = 'SELECT 1 FROM actions WHERE "action_id" = ? LIMIT 1', "INSERT INTO actions ("
    assert [(said == lookup, said.startswith(insert) and " VALUES (" in said) for said in con.sql] == [
        (True, False), (False, True)] * 2, con.sql  # fmt: skip
    assert not [s for s in con.sql if "unnest" in s], con.sql  # before: a join on unnest(), INSERT ... unnest()
    assert con.con.execute("SELECT nbytes FROM actions").fetchall() == [(2,)]
