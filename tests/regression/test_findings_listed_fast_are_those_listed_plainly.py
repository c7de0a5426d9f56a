"""explore.findings (and so `watchdesk findings`) lists the million findings of the briefing benchmark in one tuned
query: a materialised listing, the sentence said again looked for only where a hash says it may be, each management
turn's opening read once however many findings it holds. Tuned for speed, it must list what the plain reading of the
store lists: every current finding with its document, counted once where its sentence is first said in its document
on its topic, with its citation, the citations of its later places and a call's mark, in the documented order. This
test computes that plainly, in Python from the tables, on the demo store, and compares every row and column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from watchdesk.store import explore
from watchdesk.store.asked import relays_question
from watchdesk.store.asked import said_as as marked
from watchdesk.store.citations import CITED
from watchdesk.store.queries import EVENT_DATE, OPENING_SENTENCES


def _citations(ids: list[str]) -> dict[str, str]:
    """ "F-" and the shortest start of each id, CITED characters or more, that no other id shares (nor is)."""
    ids = sorted(ids)

    def shared(a: str, b: str) -> int:
        return next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))

    cited = {}
    for n, i in enumerate(ids):
        before = shared(i, ids[n - 1]) if n else 0
        after = shared(i, ids[n + 1]) if n + 1 < len(ids) else 0
        cited[i] = "F-" + i[: max(CITED, before + 1, after + 1)]
    return cited


def _marks(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> str | None:
    """A call finding's mark: the speaker's kind of the latest turn holding it and, in a management turn, whether the
    turn's opening sentences pass on a question."""
    if row["section"] not in ("prepared", "qa"):
        return marked(section=row["section"], speaker_kind=None, sentence=row["sentence"], relayed=False)
    turns = con.execute("""SELECT speaker_kind, start, "end" FROM doc_spans WHERE doc_id = ? AND start <= ?
                           AND ? < "end" AND speaker_kind IS NOT NULL ORDER BY start DESC""",
                        [row["doc_id"], row["start"], row["start"]]).fetchall()  # fmt: skip
    kind, start, end = turns[0] if turns else (None, None, None)
    opening = None
    if kind == "management":
        said = con.execute(
            """SELECT text FROM sentences WHERE doc_id = ? AND start >= ? AND start < ?
                              ORDER BY start LIMIT ?""",
            [row["doc_id"], start, end, OPENING_SENTENCES],
        ).fetchall()
        opening = " ".join(t for (t,) in said) if said else None
    relayed = opening is not None and relays_question(opening)
    return marked(section=row["section"], speaker_kind=kind, sentence=row["sentence"], relayed=relayed)


def plainly(db: Path) -> list[dict[str, Any]]:
    """explore.findings(db) read plainly: the current_findings view, Python's grouping and sorting."""
    with duckdb.connect(str(db), read_only=True) as con:
        ids = [i for (i,) in con.execute("SELECT finding_id FROM findings").fetchall()]
        cur = con.execute(f"""SELECT {EVENT_DATE} AS date, f.*, coalesce(d.doc_type, d.form) AS document,
                                     coalesce(d.source_url, d.url) AS source
                              FROM current_findings f JOIN documents d USING (doc_id)""")
        names = [c[0] for c in cur.description or []]
        found = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        cited = _citations(ids)
        places: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for f in sorted(found, key=lambda f: (f["start"], f["finding_id"])):
            places.setdefault((f["doc_id"], f["topic"], " ".join(f["sentence"].split()).lower()), []).append(f)
        rows = []
        for first, *later in places.values():
            rows.append({"date": first["date"], "ticker": first["ticker"], "topic": first["topic"],
                         "polarity": first["polarity"], "score": first["score"], "sure": first["sure"],
                         "sentence": first["sentence"], "document": first["document"], "section": first["section"],
                         "speaker": first["speaker"], "source": first["source"], "finding_id": first["finding_id"],
                         "said_as": _marks(con, first), "citation": cited[first["finding_id"]],
                         "said_again": [cited[f["finding_id"]] for f in later] or None,
                         "_start": first["start"]})  # fmt: skip
    last = (True, "")  # NULLS LAST

    def order(r: dict[str, Any]) -> tuple[Any, ...]:
        return (r["ticker"], (False, r["document"]) if r["document"] else last, -abs(r["score"]), r["_start"],
                r["topic"], r["finding_id"])  # fmt: skip

    rows.sort(key=order)
    rows.sort(key=lambda r: r["date"], reverse=True)  # stable: newest document first, then `order`
    for r in rows:
        del r["_start"]
    return rows


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_the_findings_listed_are_those_read_plainly(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    listed, plain = explore.findings(db), plainly(db)
    assert [list(r) for r in listed[:1]] == [[*explore.FINDING_COLUMNS[:10], "source", "finding_id", "said_as",
                                               "citation", "said_again"]]  # fmt: skip
    # 880 before flagging v0.34 (seven macro flags of NVIDIA), 873 before v0.36 (twenty look-alikes of geopolitics in
    # NVIDIA's and Apple's filings: antitrust, AI and privacy rules, insurance and compliance policies, ...), 853 before
    # v0.37 (seven more: China's data-transfer and gaming rules, Apple's personal-data and health-data laws), 846 before
    # v0.38 (two more: NVIDIA's "unable to obtain such a license on acceptable terms", an IP licence, in both 10-Ks),
    # 844 before v0.39 (one more: NVIDIA's "The market in China for datacenter solutions remains competitive."), 843
    # before v0.45 (NVIDIA's 10-Q definition of its direct customers, "... ODMs, ..."), 842 before v0.46 (the 10-Q's
    # and the FY2025 10-K's "Other segment items ... include product costs and inventory provisions, ...")
    assert len(listed) == len(plain) == listed.total == 840
    assert {r["said_as"] for r in listed} >= {None, "analyst", "passing on a question"}  # calls are marked
    assert any(r["said_again"] for r in listed)
    for got, want in zip(listed, plain, strict=True):
        assert repr(list(got.items())) == repr(list(want.items()))  # every key in its place, every value's type


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_marks_in_the_listing_are_those_of_the_marks_read_one_by_one(demo_folder: Path) -> None:
    """The listing marks its call findings in its own query (asked.marking); asked.marks, which `evidence` reads,
    marks a finding from Python's rows with the same SQL: both give every call finding the mark the plain reading
    does, a limited listing (its rows marked after the limit) too."""
    db = demo_folder / "demo.duckdb"
    plain = plainly(db)
    calls = [r for r in plain if r["section"] in ("prepared", "qa")]
    assert {r["said_as"] for r in calls} >= {None, "analyst", "passing on a question"}
    with duckdb.connect(str(db), read_only=True) as con:
        ids = [r["finding_id"] for r in calls]
        found = con.execute("SELECT finding_id, doc_id, start, section, sentence FROM findings "
                            "WHERE finding_id IN (SELECT unnest(?))", [ids]).fetchall()  # fmt: skip
    rows = {i: {"doc_id": d, "start": s, "section": sec, "sentence": t} for i, d, s, sec, t in found}
    from watchdesk.store import reader
    from watchdesk.store.asked import marks
    from watchdesk.store.store import Store

    with reader.reading(db) as con:
        marked = marks(Store(con), [rows[i] for i in ids])
    assert marked == [r["said_as"] for r in calls]
    limited = explore.findings(db, kind="call", limit=40)
    assert [r["said_as"] for r in limited] == [r["said_as"] for r in plain if r["section"] in ("prepared", "qa")][:40]
