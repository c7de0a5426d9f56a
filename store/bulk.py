"""Fast idempotent bulk writes.

DuckDB's executemany runs one statement per row (seconds for a few thousand rows), so rows are
sent as one list per column and unnested in a single INSERT ... ON CONFLICT.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

_TYPES: dict[tuple[int, str], dict[str, str]] = {}


def column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    key = (id(con), table)
    if key not in _TYPES:
        rows = con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = ? AND table_schema = 'main' ORDER BY ordinal_position",
            [table],
        ).fetchall()
        _TYPES[key] = {name: dtype for name, dtype in rows}
    return _TYPES[key]


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
    types = column_types(con, table)
    columns = list(rows[0].keys())
    unnests = ", ".join(f'unnest(?::{_list_type(types[c])}) AS "{c}"' for c in columns)
    names = ", ".join(f'"{c}"' for c in columns)
    conflict = ", ".join(f'"{c}"' for c in key)
    others = [c for c in columns if c not in key and c not in keep]
    if update and others:
        action = "DO UPDATE SET " + ", ".join(f'"{c}" = excluded."{c}"' for c in others)
    else:
        action = "DO NOTHING"
    sql = f"INSERT INTO {table} ({names}) SELECT {names} FROM (SELECT {unnests}) ON CONFLICT ({conflict}) {action}"
    con.execute(sql, [[row[c] for row in rows] for c in columns])
    return len(rows)


def _list_type(dtype: str) -> str:
    # A list column (VARCHAR[]) becomes a list of lists; JSON travels as text and is cast back.
    return f"{dtype}[]"
