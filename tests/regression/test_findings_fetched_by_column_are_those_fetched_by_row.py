"""explore.findings (and so `watchdesk findings`) fetches a long listing's rows a column at a time through numpy
(listing.columns): DuckDB's fetchall() made each of the benchmark's 880,000 rows and its 14 values one by one.
Fetched by column or by row, with or without numpy, a listing must be the same rows, every value of the same type
(the said-again lists as lists, a NULL as None, a score's float as it is): here the demo store's listings, made
long by fetching only the first few rows by row, are compared by the repr of every row's items in order."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from watchdesk.store import explore, listing

CALLS: list[dict[str, Any]] = [
    {},
    {"ticker": "NVDA"},
    {"kind": "call"},
    {"polarity": "negative", "limit": 60},
    {"topic": "inventory", "start": date(2025, 1, 1)},
    {"start": date(2025, 2, 1), "end": date(2025, 3, 31), "as_briefed": True},
]


def listed(db: Path, call: dict[str, Any]) -> list[str]:
    rows = explore.findings(db, **call)
    return [repr(list(r.items())) for r in rows] + [f"total {rows.total}"]


@pytest.mark.parametrize("call", CALLS, ids=lambda c: ",".join(c) or "all")
def test_a_listing_fetched_by_column_is_the_one_fetched_by_row(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch, call: dict[str, Any]
) -> None:
    db = demo_folder / "demo.duckdb"
    by_row = listed(db, call)
    assert len(by_row) < listing.FEW  # the demo's listings are fetched by row
    monkeypatch.setattr(listing, "FEW", 5)  # all but the first 5 rows by column
    by_column = listed(db, call)
    assert by_column == by_row
    monkeypatch.setitem(sys.modules, "numpy", None)  # numpy not installed: the rest by row
    assert listed(db, call) == by_row


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_the_demos_listing_has_values_of_every_kind(demo_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above meets every kind of value a listing holds, fetched by column."""
    monkeypatch.setattr(listing, "FEW", 5)
    rows = explore.findings(demo_folder / "demo.duckdb")[5:]
    assert {type(r["said_again"]) for r in rows} == {list, type(None)}
    assert {r["sure"] for r in rows} >= {True, False} and {r["speaker"] is None for r in rows} == {True, False}
    assert {r["said_as"] for r in rows} >= {None, "analyst", "passing on a question"}
    assert {type(r["score"]) for r in rows} == {float}
