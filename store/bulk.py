"""Fast idempotent bulk writes.

DuckDB's executemany runs one statement per row (seconds for a few thousand rows), so rows are
sent as one list per column and unnested in a single INSERT ... ON CONFLICT.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Any

import duckdb

# Keyed by table alone: every connection written to holds this watchdesk's latest schema (db.connect migrates a
# writable store before anything writes it, and refuses a newer one), so the types asked of one hold for the next.
# Keyed by id(con) before, they were asked again on each connection (16 queries, ~50 ms of CPU a run) and a new
# connection given a closed one's id could have been read with its types.
_TYPES: dict[str, dict[str, str]] = {}


def column_types(con: duckdb.DuckDBPyConnection, table: str, *, need: Sequence[str] = ()) -> dict[str, str]:
    """`table`'s column types by name, asked of DuckDB once per process (again if a column in `need` is not known)."""
    known = _TYPES.get(table)
    if known is None or any(name not in known for name in need):
        rows = con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = ? AND table_schema = 'main' ORDER BY ordinal_position",
            [table],
        ).fetchall()
        known = _TYPES[table] = {name: dtype for name, dtype in rows}
    return known


def upsert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    rows: Sequence[dict[str, Any]],
    *,
    key: Sequence[str],
    update: bool = True,
    keep: Sequence[str] = (),
) -> int:
    """Insert rows; on a key conflict replace the non-key columns except `keep` (or keep the old row)."""
    if not rows:
        return 0
    columns = list(rows[0].keys())
    _send_keyed(con, table, {c: [row[c] for row in rows] for c in columns}, _on_conflict(columns, key, update, keep),
                key=key)  # fmt: skip
    return len(rows)


def upsert_records(con: duckdb.DuckDBPyConnection, table: str, records: Sequence[Any], *, key: Sequence[str]) -> int:
    """upsert() of dataclass `records` (flat: one column per field), read field by field: no per-row dict, where
    dataclasses.asdict deep-copies every field of every row (~25 ms of CPU a replayed run's spans and audit rows)."""
    if not records:
        return 0
    names = [f.name for f in fields(records[0])]
    _send_keyed(con, table, {n: [getattr(r, n) for r in records] for n in names}, _on_conflict(names, key, True, ()),
                key=key)  # fmt: skip
    return len(records)


def _send_keyed(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, list[Any]], on_conflict: str, *,
                key: Sequence[str]) -> None:  # fmt: skip
    """Rows sent with their ON CONFLICT clause, or without it when none of their keys is stored yet nor repeated among
    them: DuckDB spends ~4 ms of CPU on the clause of any INSERT, whatever it inserts (a run's 16 upserts), and asking
    whether a key is stored costs ~1 ms. Rows a key of which is stored go as before, clause and all."""
    try:
        distinct = len(set(zip(*(columns[k] for k in key), strict=True))) == len(columns[key[0]])
    except (TypeError, KeyError):  # an unhashable key value, or a key the rows lack: the clause decides, as it did
        distinct = False
    if distinct and not _any_stored(con, table, columns, key=key):
        _send(con, table, columns, "")
    else:
        _send(con, table, columns, on_conflict)


def _any_stored(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, list[Any]], *,
                key: Sequence[str]) -> bool:  # fmt: skip
    if len(columns[key[0]]) == 1:  # one row (an audit row, a run's record): looked up by key, ~2 ms less than a join
        where = " AND ".join(f'"{k}" = ?' for k in key)
        sql = f"SELECT 1 FROM {table} WHERE {where} LIMIT 1"
        return bool(con.execute(sql, [columns[k][0] for k in key]).fetchall())
    types = column_types(con, table, need=list(columns))
    given = ", ".join(f'unnest(?::{_list_type(types[k])}) AS "{k}"' for k in key)
    same = " AND ".join(f't."{k}" = u."{k}"' for k in key)
    sql = f"SELECT 1 FROM {table} t JOIN (SELECT {given}) u ON {same} LIMIT 1"
    return bool(con.execute(sql, [columns[k] for k in key]).fetchall())


def _on_conflict(columns: Sequence[str], key: Sequence[str], update: bool, keep: Sequence[str]) -> str:
    conflict = ", ".join(f'"{c}"' for c in key)
    others = [c for c in columns if c not in key and c not in keep]
    if update and others:
        return f" ON CONFLICT ({conflict}) DO UPDATE SET " + ", ".join(f'"{c}" = excluded."{c}"' for c in others)
    return f" ON CONFLICT ({conflict}) DO NOTHING"


def insert_new(con: duckdb.DuckDBPyConnection, table: str, records: Sequence[Any]) -> int:
    """Insert dataclass `records` (flat: one column per field) whose keys the table cannot hold yet (the caller
    deleted them in this transaction); a repeated key raises. Half the time of upsert() on a document's thousands
    of sentences: no conflict check, and no per-row dict (dataclasses.asdict deep-copies every field)."""
    if not records:
        return 0
    names = [f.name for f in fields(records[0])]
    _send(con, table, {n: [getattr(r, n) for r in records] for n in names}, "")
    return len(records)


def _send(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, list[Any]], tail: str) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    if all(len(values) == 1 for values in columns.values()):  # one row: its VALUES, ~1 ms less to plan than unnest()s
        marks = ", ".join("?" for _ in columns)
        con.execute(f"INSERT INTO {table} ({names}) VALUES ({marks}){tail}", [one for (one,) in columns.values()])
        return
    types = column_types(con, table, need=list(columns))
    unnests = ", ".join(f'unnest(?::{_list_type(types[c])}) AS "{c}"' for c in columns)
    con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM (SELECT {unnests}){tail}", list(columns.values()))


def _list_type(dtype: str) -> str:
    # A list column (VARCHAR[]) becomes a list of lists; JSON travels as text and is cast back.
    return f"{dtype}[]"
