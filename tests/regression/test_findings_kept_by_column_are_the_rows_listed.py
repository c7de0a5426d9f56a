"""`watchdesk findings --format csv` and jsonl write a listing a column at a time, from explore.finding_columns: the
benchmark store's 843,000 rows made into dicts (1.4 s of CPU) and read back into columns batch by batch (4 s) were
most of what the writing cost beyond the query. finding_columns must list what explore.findings lists: the same
rows, keys and values of the same types, in the same order, with the same total, note and empty answer, read whole,
a row at a time or a slice at a time (as the writer reads it); a key no row has reads None, as a row's get() does."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from watchdesk.store import explore, listing

CALLS: list[dict[str, Any]] = [
    {},
    {"ticker": "NVDA", "topic": "inventory"},
    {"kind": "call", "polarity": "negative"},
    {"polarity": "negative", "limit": 60},
    {"start": date(2025, 2, 1), "end": date(2025, 3, 31), "as_briefed": True},
    {"ticker": "NVDA", "start": date(2030, 1, 1)},  # none
]


@pytest.mark.parametrize("call", CALLS, ids=lambda c: ",".join(c) or "all")
def test_a_listing_kept_by_column_is_the_listing_of_rows(demo_folder: Path, call: dict[str, Any]) -> None:
    db = demo_folder / "demo.duckdb"
    rows, kept = explore.findings(db, **call), explore.finding_columns(db, **call)
    said = lambda listed: [repr(list(r.items())) for r in listed]  # noqa: E731
    assert said(kept) == said(rows) and len(kept) == len(rows)
    assert (kept.total, kept.note, kept.nothing, kept.columns) == (rows.total, rows.note, rows.nothing, rows.columns)
    assert said(kept[3:10]) == said(rows[3:10]) and said(kept[k] for k in range(len(kept))) == said(rows)
    assert kept.column("no such key") == [None] * len(rows)
    assert bool(kept) == bool(rows)


def test_a_long_listing_kept_by_column_is_the_listing_of_rows(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fetched a column at a time (listing.columns, as a listing of 20,000 rows or more is), the same."""
    monkeypatch.setattr(listing, "FEW", 5)
    db = demo_folder / "demo.duckdb"
    rows, kept = explore.findings(db), explore.finding_columns(db)
    assert [repr(list(r.items())) for r in kept] == [repr(list(r.items())) for r in rows]
