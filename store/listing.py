"""The rows of explore.findings (and so of `watchdesk findings`), read in one query: each finding with its document,
its citation and the citations of its sentence said again, built straight into a notebook's rows.

On the briefing benchmark's million findings the listing without filters took 18 s where one query and one pass now
do: a window over every listed finding's normalised sentence (3 s) runs only where another finding of the same
document and topic has its sentence's hash; each citation is found in DuckDB (citations.citing), not in Python; and
only what a row shows is fetched (each value fetched costs a Python object), once.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb

from watchdesk.store.asked import marking, said_mark
from watchdesk.store.citations import citing
from watchdesk.store.queries import ALIKE, CURRENT_IN_PERIOD, DOC_KIND, EVENT_DATE
from watchdesk.store.store import Store

# Of a sentence's findings in one document and topic, the citations of those after the first (its places said
# again), in order.
_LATER_COPIES = "list(c.citation) OVER (same ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)"
# What two findings of a document and topic share when their sentences are alike (queries.ALIKE): how many of each of
# these letters, either case (the regular expression only changes whitespace, lower() makes E e, and no other
# character lowers to e, t or a; a byte of a letter is never part of another character in UTF-8). Findings that
# share these with another are the only ones whose sentence can be said again; the exact test is made on them
# alone. On a store of 607,000 distinct sentences the expression over every finding took 2.5 to 2.9 s of CPU (one
# thread), these counts 1.4 to 1.7, and 188,000 findings were looked at again instead of 165,000.
_LIKELY_SAME = ", ".join(f"strlen(f.sentence) - strlen(replace(replace(f.sentence, '{c}', ''), '{c.upper()}', ''))"
                         for c in "eta")  # fmt: skip
_DOCUMENTS = f"""SELECT d.rowid, {EVENT_DATE}, coalesce(d.doc_type, d.form), coalesce(d.source_url, d.url)
                  FROM documents d"""


def _sql(store: Store, *, where: str, as_briefed: bool, limited: bool) -> str:
    """`where` filters a document's findings on a topic all or none, before a sentence said again is looked for."""
    return f"""
        WITH {f"{CURRENT_IN_PERIOD}," if as_briefed else ""} {citing(store)},
        listed AS MATERIALIZED (
            SELECT {EVENT_DATE} AS day, f.ticker, f.topic, f.polarity, f.score, f.sure, f.sentence,
                   coalesce(d.doc_type, d.form) AS document, f.section, f.speaker,
                   coalesce(d.source_url, d.url) AS source, f.finding_id, f.doc_id, f.start, {DOC_KIND} AS kind,
                   hash(f.doc_id, f.topic, {_LIKELY_SAME}) AS said, d.rowid AS doc_row
            FROM current_findings f JOIN documents d USING (doc_id)
            WHERE {where}
        ),
        again AS (  -- a sentence can be said again only where another listed finding has its hash: the exact test,
            -- queries.SAID_AGAIN's window with the sentence made alike once a finding (in the window, twice)
            SELECT f.finding_id, row_number() OVER same > 1 AS repeat, {_LATER_COPIES} AS copies
            FROM (SELECT f.finding_id, f.doc_id, f.topic, f.start, {ALIKE} AS sentence FROM listed f
                  WHERE f.said IN (SELECT said FROM listed GROUP BY said HAVING count(*) > 1)) f
            JOIN cited c USING (finding_id)
            WINDOW same AS (PARTITION BY f.doc_id, f.topic, f.sentence ORDER BY f.start, f.finding_id)
        ),
        {_LIMITED if limited else _ALL}
    """


_ROW = """l.doc_row, l.ticker, l.topic, l.polarity, l.score, l.sure, l.sentence, l.section, l.speaker, l.finding_id"""
_ORDER = "l.day DESC, l.ticker, l.document, abs(l.score) DESC, l.start, l.topic, l.finding_id"
_CHOSEN = f"""WHERE a.repeat IS NOT TRUE AND (CAST(? AS VARCHAR) IS NULL OR l.polarity = ?)
          AND (CAST(? AS VARCHAR) IS NULL OR l.kind = ?)
        ORDER BY {_ORDER}
        LIMIT ?"""
# each listed call finding's mark (asked.marking), keyed by finding_id
_CALLS = "SELECT finding_id AS key, doc_id, start, section, sentence FROM {}"
_ALL = f"""calls AS ({_CALLS.format("listed")}), {marking("calls")}
        SELECT {_ROW}, c.citation, a.copies, m.mark, m.relay_text
        FROM listed l JOIN cited c USING (finding_id) LEFT JOIN again a USING (finding_id)
        LEFT JOIN marked m ON m.key = l.finding_id
        {_CHOSEN}"""
# with a limit, the rows kept are cited and marked alone (citing every listed finding first took a second more, 50
# rows or not)
_LIMITED = f"""kept AS MATERIALIZED (
            SELECT {_ROW}, a.copies, count(*) OVER () AS total, l.day, l.document, l.start, l.doc_id
            FROM listed l LEFT JOIN again a USING (finding_id) {_CHOSEN}),
        calls AS ({_CALLS.format("kept")}), {marking("calls")}
        SELECT {_ROW}, c.citation, l.copies, m.mark, m.relay_text, l.total
        FROM kept l JOIN cited c USING (finding_id) LEFT JOIN marked m ON m.key = l.finding_id
        ORDER BY {_ORDER}"""


def finding_rows(
    store: Store, *, where: str, params: Sequence[object], as_briefed: bool, limit: int | None
) -> tuple[list[dict[str, Any]], int]:
    """The rows explore.findings lists and how many matched (more than the rows where `limit` kept fewer). `params`:
    those of CURRENT_IN_PERIOD where `as_briefed`, of `where`, then the polarity and kind (each twice) and limit."""
    with uncollected():
        docs, found, total = _fetched(store, where=where, params=params, as_briefed=as_briefed, limit=limit)
        read: dict[str, bool] = {}  # each turn's opening read for a relayed question once (asked.said_mark)
        rows = [{"date": day, "ticker": ticker, "topic": topic, "polarity": polarity, "score": score, "sure": sure,
                 "sentence": sentence, "document": document, "section": section, "speaker": speaker,
                 "source": source, "finding_id": finding_id,
                 "said_as": mark if relay is None else said_mark(sentence, mark, relay, read),
                 "citation": cited, "said_again": copies}  # copies: None, not [], where none
                for (day, document, source), ticker, topic, polarity, score, sure, sentence, section, speaker,
                    finding_id, cited, copies, mark, relay
                in zip(map(docs.__getitem__, found[0]), *found[1:14], strict=True)]  # fmt: skip
    return rows, total


ROW_KEYS = ["date", "ticker", "topic", "polarity", "score", "sure", "sentence", "document", "section", "speaker",
            "source", "finding_id", "said_as", "citation", "said_again"]  # a row's keys, in finding_rows' order


def finding_columns(
    store: Store, *, where: str, params: Sequence[object], as_briefed: bool, limit: int | None
) -> tuple[dict[str, list[Any]], int]:
    """finding_rows' values a column at a time (ROW_KEYS: each a list, in the rows' order), no row's dict made: a
    writer of a long listing reads them a column at a time (graph/cli_rows.py)."""
    with uncollected():
        docs, found, total = _fetched(store, where=where, params=params, as_briefed=as_briefed, limit=limit)
        day, document, source = ({row: rest[k] for row, rest in docs.items()} for k in range(3))
        ticker, topic, polarity, score, sure, sentence, section, speaker, finding_id, cited, copies, mark, relay = (
            found[1:14])
        read: dict[str, bool] = {}
        said_as = [m if r is None else said_mark(s, m, r, read) for s, m, r in zip(sentence, mark, relay, strict=True)]
        values = [[*map(day.__getitem__, found[0])], ticker, topic, polarity, score, sure, sentence,
                  [*map(document.__getitem__, found[0])], section, speaker, [*map(source.__getitem__, found[0])],
                  finding_id, said_as, cited, copies]  # fmt: skip
    return dict(zip(ROW_KEYS, values, strict=True)), total


def _fetched(
    store: Store, *, where: str, params: Sequence[object], as_briefed: bool, limit: int | None
) -> tuple[dict[int, list[Any]], list[list[Any]], int]:
    """What a row has of its document by the document's row, the query's columns, and how many rows matched."""
    # what a row has of its document, read once a document (each value fetched is a Python object made)
    docs = {row: rest for row, *rest in store.query(_DOCUMENTS)}
    sql = _sql(store, where=where, as_briefed=as_briefed, limited=limit is not None)
    with store.statements() as con:
        found = columns(con.execute(sql, list(params)))
    total = len(found[0]) if limit is None else (found[-1][0] if found[0] else 0)
    return docs, found, total


@contextmanager
def uncollected() -> Iterator[None]:
    """Python's cycle collector paused while a listing's rows are made: they hold no cycles, and a million rows made
    with it running were looked through again and again (2 s of the 5 their tuples and dicts took)."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


FEW = 20_000  # rows fetched a row at a time; a longer result's other rows are fetched a column at a time
# the column types whose values numpy hands over as DuckDB's fetchall does (a VARCHAR[] as a numpy array, made a list)
_BY_COLUMN = {"bigint", "integer", "double", "boolean", "varchar", "list"}


def columns(cursor: duckdb.DuckDBPyConnection) -> list[list[Any]]:
    """The query's result as a list of each column's values, as fetchall() gives them. fetchall() makes each row's
    tuple and each value in it one at a time: 3 to 4 s of CPU for the benchmark's 880,000 rows of 14 columns. Where
    numpy is installed (with the notebooks and the dev tools), a long result's values are made a column at a time, in
    1.5 s: the same values of the same types."""
    rows = cursor.fetchmany(FEW)
    types = [c[1] for c in cursor.description or []]
    if len(rows) == FEW and all(t.id in _BY_COLUMN and (t.id != "list" or str(t) == "VARCHAR[]") for t in types):
        try:
            import numpy  # noqa: F401  (fetchnumpy's)
        except ImportError:
            pass
        else:
            rest = [c.tolist() for c in cursor.fetchnumpy().values()]
            for k in (k for k, t in enumerate(types) if t.id == "list"):
                rest[k] = [v if v is None else v.tolist() for v in rest[k]]
            return [[*first, *more] for first, more in zip(zip(*rows, strict=True), rest, strict=True)]
    rows += cursor.fetchall()
    return [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in types]
