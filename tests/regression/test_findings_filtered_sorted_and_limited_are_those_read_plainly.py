"""explore.findings' one tuned query (store/listing.py) is reworked for speed again and again; whatever its plan, each
way of asking must list what the plain reading lists. For a ticker, several, a topic, a period, a polarity, a kind, a
limit below and above the count, and these together, the demo store lists what the plain reading in Python lists
(test_findings_listed_fast_are_those_listed_plainly.plainly: every current finding counted once where first said, in
the documented order, with its citation and the citations of its later places) filtered as asked, every key and
value's type in place, and says as many matched. The filters of a ticker, topic or period keep a document's findings
on a topic all or none, so a sentence said again is first said in the same place either way."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.regression.test_findings_listed_fast_are_those_listed_plainly import plainly
from watchdesk.store import explore
from watchdesk.store.queries import DOC_KIND

CASES: list[dict[str, Any]] = [
    {},
    {"ticker": "NVDA"},
    {"ticker": ["TSM", "NVDA"]},
    {"topic": "inventory"},
    {"topic": ["geopolitical", "supply_chain"], "ticker": "NVDA", "start": date(2024, 8, 1), "end": date(2025, 3, 1)},
    {"start": date(2025, 1, 1)},
    {"end": date(2024, 6, 30)},
    {"polarity": "negative"},
    {"kind": "call"},
    {"kind": "news"},
    {"polarity": "positive", "kind": "filing", "limit": 30},
    {"limit": 1},
    {"topic": "supply_chain", "limit": 5000},
]


def _kinds(db: Path) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        sql = f"SELECT f.finding_id, {DOC_KIND} FROM findings f JOIN documents d USING (doc_id)"
        return dict(con.execute(sql).fetchall())


def _asked(rows: list[dict[str, Any]], kinds: dict[str, str], args: dict[str, Any]) -> list[dict[str, Any]]:
    """The plain listing's rows as `args` asks: a ticker, topic or period keeps a document's findings on a topic all
    or none, so the first place of a sentence said again is the same as in the whole listing."""
    many = {k: [args[k]] if isinstance(args.get(k), str) else args.get(k) for k in ("ticker", "topic")}
    return [r for r in rows
            if (many["ticker"] is None or r["ticker"] in many["ticker"])
            and (many["topic"] is None or r["topic"] in many["topic"])
            and ("start" not in args or r["date"] >= args["start"]) and ("end" not in args or r["date"] <= args["end"])
            and r["polarity"] == args.get("polarity", r["polarity"])
            and kinds[r["finding_id"]] == args.get("kind", kinds[r["finding_id"]])]  # fmt: skip


def _said(rows: list[dict[str, Any]]) -> list[str]:
    return [repr(list(r.items())) for r in rows]  # every key in its place, every value's type


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_each_way_of_asking_lists_the_plain_readings_rows(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    plain, kinds = plainly(db), _kinds(db)
    assert any(r["said_again"] for r in plain) and len({r["citation"] for r in plain}) == len(plain)
    for args in CASES:
        listed, want = explore.findings(db, **args), _asked(plain, kinds, args)
        assert listed.total == len(want), args
        assert _said(listed) == _said(want[: args.get("limit")]), args
        assert listed, args  # each case lists something: an empty answer would prove nothing
