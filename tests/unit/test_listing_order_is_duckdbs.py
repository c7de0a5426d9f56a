"""explore.findings no longer asks DuckDB to sort its rows (the sort carried every column): store/listing_order.py
orders them in Python, with numpy for a long listing and Python's sort without it. Both must give DuckDB's order of
listing._ORDER, whatever the values: here rows with a NULL date, ticker or kind of document, tickers and topics
that sort differently by code point and by case or accent, scores equal but for their sign, -0.0 and NaN, and rows
alike in every key but their finding_id, ordered by DuckDB with that very ORDER BY and by both of Python's ways."""

from __future__ import annotations

import random
import sys
from datetime import date
from typing import Any

import duckdb
import pytest

from watchdesk.store import listing, listing_order

DAYS = [date(2025, 2, 26), date(2025, 2, 27), date(2024, 11, 20), None]
KINDS = ["10-K", "10-Q", "earnings call", "news", "Éx", None]
TICKERS = ["NVDA", "TSM", "ASML", "aapl", "Ängel", "ZZ", None]
TOPICS = ["inventory", "geopolitical", "supply_chain", "Zeta", "émoji😀"]
SCORES = [0.5, -0.5, 0.0, -0.0, 0.99, -0.31, float("nan"), 1e-300]


def _rows(n: int) -> tuple[dict[int, list[Any]], list[list[Any]]]:
    """n rows of 40 documents, few enough distinct values that many rows tie on every key but the finding_id."""
    pick = random.Random(7)
    docs = {r: [pick.choice(DAYS), pick.choice(KINDS), None] for r in range(40)}
    rows = [[pick.randrange(40), pick.choice(TICKERS), pick.choice(TOPICS), pick.choice(SCORES), pick.randrange(3),
             f"{pick.randrange(16**6):06x}~{k}"] for k in range(n)]  # fmt: skip
    return docs, rows


def _duckdbs(docs: dict[int, list[Any]], rows: list[list[Any]]) -> list[int]:
    """The rows' positions as listing._ORDER orders them in DuckDB."""
    con = duckdb.connect()
    con.execute("CREATE TABLE d (doc_row INTEGER, day DATE, document VARCHAR)")
    con.executemany("INSERT INTO d VALUES (?, ?, ?)", [[r, day, kind] for r, (day, kind, _) in docs.items()])
    con.execute("CREATE TABLE f (k INTEGER, doc_row INTEGER, ticker VARCHAR, topic VARCHAR, score DOUBLE, "
                "start INTEGER, finding_id VARCHAR)")  # fmt: skip
    con.executemany("INSERT INTO f VALUES (?, ?, ?, ?, ?, ?, ?)", [[k, *r] for k, r in enumerate(rows)])
    sql = f"SELECT l.k FROM (SELECT * FROM f JOIN d USING (doc_row)) l ORDER BY {listing._ORDER}"
    return [k for (k,) in con.execute(sql).fetchall()]


def _ordered(docs: dict[int, list[Any]], rows: list[list[Any]]) -> list[int]:
    return listing_order.order(docs, [list(c) for c in zip(*rows, strict=True)])


@pytest.mark.parametrize("n", [1, 2, 600])
def test_python_and_numpy_order_rows_as_duckdb_does(n: int, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, rows = _rows(n)
    want = _duckdbs(docs, rows)
    monkeypatch.setattr(listing_order, "LONG", 0)  # numpy, as for a long listing
    assert _ordered(docs, rows) == want
    monkeypatch.setitem(sys.modules, "numpy", None)  # numpy not installed: Python's sort
    assert _ordered(docs, rows) == want
    monkeypatch.setattr(listing_order, "LONG", 10**9)
    assert _ordered(docs, rows) == want


def test_the_rows_tie_on_every_key_but_the_finding_id() -> None:
    """The comparison above meets rows only the finding_id orders, and every NULL and NaN."""
    docs, rows = _rows(600)
    keys = [(docs[r][0], t, docs[r][1], abs(s) if s == s else "nan", start, p) for r, t, p, s, start, _ in rows]
    assert len(set(keys)) < len(keys) - 20
    assert {None} <= {d[0] for d in docs.values()} & {d[1] for d in docs.values()} & {r[1] for r in rows}
    assert any(s != s for _, _, _, s, _, _ in rows)
