"""An analyst's questions of a store, one call each: findings by ticker, topic and period with their sources, what
changed between a company's filings, and a finding's evidence in its context.

Each call opens the file read-only and closes it before it returns (`reader.reading`), so a notebook holds nothing
between cells and never keeps a run out. Rows come back as a `Table` (a list of dicts) that a notebook shows with
its sources as links. Dates are the documents' event dates: filing, call or publication day, else the day stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from watchdesk.sources.errors import ConfigError
from watchdesk.store import reader
from watchdesk.store.evidence import Evidence, evidence, score_said  # noqa: F401  (explore.evidence, as ever)
from watchdesk.store.filters import checked, in_week
from watchdesk.store.listing import finding_columns as listing_columns
from watchdesk.store.listing import finding_rows
from watchdesk.store.queries import (
    EVENT_DATE,
    IN_PERIOD,
    _dicts,
    _tickers,
    _topics,
    period_params,
)
from watchdesk.store.same_company import other_tickers, said
from watchdesk.store.store import Store
from watchdesk.store.table import Columns, Table
from watchdesk.store.topic_names import topic_given
from watchdesk.store.unread import nothing_read

Many = str | Sequence[str] | None  # one, several, or None for all
Listed = TypeVar("Listed", Table, Columns)
Rows = Any  # a listing's rows: a list of dicts (finding_rows) or a dict of columns (finding_columns)

_FILTERS = """(CAST(? AS VARCHAR[]) IS NULL OR list_contains(?, {ticker}))
    AND (CAST(? AS VARCHAR[]) IS NULL OR {topic_test})
    AND (CAST(? AS DATE) IS NULL OR {day} >= ?) AND (CAST(? AS DATE) IS NULL OR {day} <= ?)"""


def _params(ticker: Many, topic: Many, start: date | None, end: date | None) -> list[object]:
    if start is not None and end is not None and start > end:
        raise ValueError(f"the period starts ({start}) after it ends ({end})")
    tickers = None if ticker is None else _tickers(ticker)
    topics = None if topic is None else [topic_given(t) for t in _topics(topic)]
    return [tickers, tickers, topics, topics, start, start, end, end]


FINDING_COLUMNS = ["date", "ticker", "topic", "polarity", "score", "sure", "sentence", "document", "section",
                   "speaker", "said_as", "source", "citation", "said_again", "finding_id"]  # fmt: skip


def findings(
    db: Path | str,
    *,
    ticker: Many = None,
    topic: Many = None,
    start: date | None = None,
    end: date | None = None,
    week: str | None = None,
    polarity: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
    as_briefed: bool = False,
) -> Table:
    """Findings (each document's latest flagging, as a briefing counts them), newest document first and the
    strongest first within one (then by place, topic and finding_id): date, ticker, topic, polarity, score (-1 a
    warning .. +1 good news), the sentence,
    the document (10-K, earnings call, news, ...), section, speaker, said_as (a call's question, not the company's
    word: "analyst", "operator" or "passing on a question", as a briefing marks it; else None), source (the URL or
    file its text came from), citation ("F-" and the shortest start of its finding_id, 8 characters or more, that no
    other finding in the store shares), said_again (the citations of the same sentence said again later in the
    document on the topic, as a briefing's "said again in Items 1A, 7"; else None) and finding_id (either for
    `evidence`). A sentence said again in its document is one row, counted once, where it is first said (its
    other findings stay stored: said_again cites them, `evidence` shows them). A filter left out matches everything;
    a ticker also reads its company's documents stored under another ticker (GOOGL's under GOOG: one CIK), and the
    table's `note` says so;
    `start` and `end` are included; `polarity` is negative, neutral or positive, `kind` filing, call or news;
    `limit` keeps the first rows (the table's `total` says how many matched). `as_briefed` (with `start` and `end`):
    the period's findings as its briefing counts them, with its query (queries.CURRENT_IN_PERIOD): a late document's
    (first stored after the briefing of its own days was written) in the period it counts in, not its own.

    sure is False where the flagger was unsure of a finding (a briefing quotes it as "(-0.99, unsure)"), True where
    it was sure, None where its second pass did not judge it. `week` ("2025-W09", as `watchdesk findings --week`
    reads it) stands for that week's start, end and as_briefed=True: the findings its briefing counts.

    >>> rows = explore.findings(db, ticker="NVDA", topic="inventory", start=date(2025, 2, 1), end=date(2025, 2, 28))
    >>> sorted({(str(r["date"]), r["document"]) for r in rows})
    [('2025-02-26', '10-K'), ('2025-02-26', 'earnings call')]
    >>> explore.findings(db, ticker="NVDA", topic="inventory", start=date(2030, 1, 1))
    No findings for NVDA on inventory from 2030-01-01.
    """
    rows, total, nothing, same = _listed(finding_rows, db, ticker, topic, start, end, week, polarity, kind, limit,
                                         as_briefed)  # fmt: skip
    table = Table(rows, columns=FINDING_COLUMNS, nothing=nothing)
    table.total = total
    return _said(table, db, ticker, same)


def finding_columns(db: Path | str, *, ticker: Many = None, topic: Many = None, start: date | None = None,
                    end: date | None = None, week: str | None = None, polarity: str | None = None,
                    kind: str | None = None, limit: int | None = None, as_briefed: bool = False) -> Columns:
    """findings()' rows a column at a time (Columns: each key's values in a list; a row's dict made only where one is
    read), for a writer of a long listing: `watchdesk findings --format csv` and jsonl."""
    values, total, nothing, same = _listed(listing_columns, db, ticker, topic, start, end, week, polarity, kind,
                                           limit, as_briefed)  # fmt: skip
    table = Columns(values, columns=FINDING_COLUMNS, nothing=nothing)
    table.total = total
    return _said(table, db, ticker, same)


def _listed(listed: Callable[..., tuple[Rows, int]], db: Path | str, ticker: Many, topic: Many, start: date | None,
            end: date | None, week: str | None, polarity: str | None, kind: str | None, limit: int | None,
            as_briefed: bool) -> tuple[Rows, int, str, dict[str, tuple[int, list[str]]]]:  # fmt: skip
    """What `listed` (listing's finding_rows or finding_columns) gives for the filters, how many matched, what an
    empty answer says and the asked companies stored under other tickers."""
    polarity, kind, limit = checked(db, ticker, topic, polarity=polarity, kind=kind, limit=limit)
    start, end, as_briefed = in_week(week, start, end, as_briefed)
    # before the window that finds a sentence said again: a document's findings on a topic pass them all or none
    where = _FILTERS.format(ticker="f.ticker", topic_test="list_contains(?, f.topic)", day=EVENT_DATE)
    briefed = _briefed(start, end) if as_briefed else []  # its current_findings stand for the view of all of them
    days = (None, None) if as_briefed else (start, end)  # the period is in `briefed`'s parameters
    with reader.reading(db) as con:
        same, asked = _company(con, ticker)  # GOOGL's findings stored under GOOG
        params = [*briefed, *_params(asked, topic, *days), polarity, polarity, kind, kind, limit]
        rows, total = listed(Store(con), where=where, params=params, as_briefed=as_briefed, limit=limit)
    also = [polarity, kind and ("in news" if kind == "news" else f"in {kind}s")]  # "(negative, in calls)"
    return rows, total, _nothing("findings", ticker, topic, start, end, also=also), same


CHANGE_COLUMNS = ["filed", "ticker", "form", "compared_with", "section", "change", "under", "text", "in_sentence",
                  "topics", "source", "doc_id", "text_start", "text_end"]  # fmt: skip
# Per section: risk factors new or removed first, then changed ones, then the text they gained, then the sentences
# they lost (MD&A: sentences added, then removed).
_CHANGE_ORDER = """CASE WHEN kind = 'new' THEN 0 WHEN kind = 'removed' THEN 1 WHEN kind IN ('added', 'inserted') THEN 3
    WHEN kind IN ('dropped', 'deleted') THEN 4 WHEN kind IN ('rewritten', 'moved') THEN 5 ELSE 2 END"""
_SECTION_SAID = "CASE {} WHEN '1A' THEN 'risk factors' ELSE 'MD&A' END"
_CHANGE_SAID = f"""CASE WHEN kind = 'added' AND item <> '1A' THEN 'sentence added'
    WHEN kind = 'added' THEN 'sentence added to a factor' WHEN kind = 'inserted' THEN 'words added to a sentence'
    WHEN kind = 'dropped' AND item <> '1A' THEN 'sentence removed'
    WHEN kind = 'dropped' THEN 'sentence removed from a factor'
    WHEN kind = 'deleted' THEN 'words removed from a sentence'
    WHEN kind = 'rewritten' AND item <> '1A' THEN 'sentence rewritten'
    WHEN kind = 'rewritten' THEN 'sentence rewritten in a factor'
    WHEN kind = 'moved' THEN 'sentence moved from ' || {_SECTION_SAID.format("item")} || ' to '
        || {_SECTION_SAID.format("moved_to")}
    ELSE kind || ' risk factor' END"""
# the text is the older filing's: a factor or sentence removed, words deleted, a sentence moved (from where it was)
_OLD_SIDE = "c.kind IN ('removed', 'dropped', 'deleted', 'moved')"
# in_sentence: for words added, the newer filing's sentence; for words deleted, the older's; for a sentence rewritten
# or moved, what the other filing says (the older one's sentence, the newer one's where it moved)
_SIDE = "CASE WHEN c.kind = 'inserted' THEN c.new_{0} ELSE c.old_{0} END"
_IN_SENTENCE = f"""CASE WHEN c.kind IN ('inserted', 'deleted') THEN (
        SELECT first(s.text ORDER BY s.start) FROM sentences s
        WHERE s.doc_id = {_SIDE.format("doc_id")} AND s.start <= {_SIDE.format("start")}
          AND s."end" >= {_SIDE.format("end")})
    WHEN c.kind = 'rewritten' THEN c.old_heading WHEN c.kind = 'moved' THEN c.new_heading END"""
# `changes(change=...)`: what each asks for, as stored kinds ("removed": what the older filing said and the newer
# does not, factors and sentences alike)
CHANGES = {
    "new": ("new",),
    "removed": ("removed", "dropped", "deleted"),
    "changed": ("expanded", "shortened", "reworded", "elsewhere", "rewritten", "moved"),
    "added": ("added", "inserted"),
}


def changes(
    db: Path | str,
    *,
    ticker: Many = None,
    topic: Many = None,
    start: date | None = None,
    end: date | None = None,
    week: str | None = None,
    as_briefed: bool = False,
    change: Many = None,
) -> Table:
    """What changed between consecutive 10-K, 10-Q or 20-F filings as a run compared them, newest filing first:
    filed (the newer filing's date), ticker, form, compared_with (the older one's date), section (risk factors or
    MD&A), change (new, removed, expanded, shortened or reworded risk factor; a sentence added to a factor or to
    the MD&A; words added to or removed from a sentence; a sentence removed from a factor or from the MD&A; a
    sentence rewritten; a sentence moved from risk factors to MD&A or from MD&A to risk factors), under (the heading
    the text sits under in the filing it is quoted from: a factor's heading, an MD&A subheading; else None), text (the
    factor's heading, the sentence, or the words), in_sentence (for words added to or removed from a sentence: the
    filing's whole sentence; for a sentence rewritten: the older filing's; for one moved: how the newer filing says it
    where it went; else None),
    topics it mentions, source (the filing that has the text: the older one for a removed factor, sentence or words
    or a sentence moved, the evidence that it was said), and doc_id, text_start and text_end:
    where the text is in that filing's stored text, as a briefing cites it. `topic` keeps changes that mention it;
    `start` and `end` bound the newer filing's date, or with `as_briefed` the newer filing is in the period as a
    briefing reads it (queries.IN_PERIOD: a late filing in the period it counts in, not its own);
    `week` ("2025-W09") is that week as its briefing reads it. `change` keeps some kinds of change (CHANGES): "new"
    risk factors, "removed" factors, sentences and words, "changed" factors and sentences rewritten or moved, "added"
    sentences and words.

    >>> rows = explore.changes(db, ticker="NVDA")
    >>> sorted({(str(r["filed"]), str(r["compared_with"]), r["form"]) for r in rows})
    [('2025-02-26', '2024-02-21', '10-K')]
    >>> [r["change"] for r in rows][:1]
    ['removed risk factor']
    """
    checked(db, ticker, topic)
    changes_asked, kinds = _change_kinds(change)
    start, end, as_briefed = in_week(week, start, end, as_briefed)
    where = _FILTERS.format(ticker="c.ticker", topic_test="list_has_any(c.topics, ?)", day="n.filed_at")
    sql = f"""
        SELECT n.filed_at AS filed, c.ticker, n.form, o.filed_at AS compared_with,
               CASE c.item WHEN '1A' THEN 'risk factors' ELSE 'MD&A' END AS section, {_CHANGE_SAID} AS change,
               c.under_heading AS under,
               CASE WHEN {_OLD_SIDE} THEN c.old_heading ELSE c.new_heading END AS text,
               {_IN_SENTENCE} AS in_sentence,
               c.topics,
               CASE WHEN {_OLD_SIDE} THEN coalesce(o.source_url, o.url) ELSE coalesce(n.source_url, n.url)
               END AS source,
               CASE WHEN {_OLD_SIDE} THEN c.old_doc_id ELSE c.new_doc_id END AS doc_id,
               CASE WHEN {_OLD_SIDE} THEN c.old_start ELSE c.new_start END AS text_start,
               CASE WHEN {_OLD_SIDE} THEN c.old_end ELSE c.new_end END AS text_end
        FROM filing_changes c
        JOIN documents o ON o.doc_id = c.old_doc_id JOIN documents n ON n.doc_id = c.new_doc_id
        WHERE c.kind <> 'unchanged' AND {where} AND (CAST(? AS VARCHAR[]) IS NULL OR list_contains(?, c.kind))
          {"AND c.new_doc_id IN (SELECT d.doc_id FROM documents d WHERE " + IN_PERIOD + ")" if as_briefed else ""}
        ORDER BY n.filed_at DESC, c.ticker, c.item, {_CHANGE_ORDER}, c.seq
    """
    briefed = _briefed(start, end) if as_briefed else []
    days = (None, None) if as_briefed else (start, end)  # the period is in `briefed`'s parameters
    with reader.reading(db) as con:
        same, asked = _company(con, ticker)
        rows = _dicts(Store(con), sql, [*_params(asked, topic, *days), kinds, kinds, *briefed])
    nothing = _nothing("filing changes", ticker, topic, start, end, also=[" or ".join(changes_asked)])  # "(removed)"
    table = Table(rows, columns=CHANGE_COLUMNS, nothing=nothing)
    return _said(table, db, ticker, same)


def _change_kinds(change: Many) -> tuple[list[str], list[str] | None]:
    """The changes asked for, and their stored kinds ("removed": removed factors and dropped sentences); None: all."""
    asked = [c.lower() for c in ([change] if isinstance(change, str) else change or ())]
    if unknown := [c for c in asked if c not in CHANGES]:
        raise ConfigError(f"no such change {unknown[0]!r}: one of {', '.join(CHANGES)}")
    return asked, [kind for c in asked for kind in CHANGES[c]] if asked else None


def _company(con: Any, ticker: Many) -> tuple[dict[str, tuple[int, list[str]]], list[str] | None]:
    """The asked tickers' companies stored under other tickers (same_company.other_tickers), and the tickers to ask
    for: those given and those others."""
    tickers = None if ticker is None else _tickers(ticker)
    same = other_tickers(con, tickers or [])
    return same, None if tickers is None else [*dict.fromkeys([*tickers, *(t for _, o in same.values() for t in o)])]


def _said(table: Listed, db: Path | str, ticker: Many, same: dict[str, tuple[int, list[str]]]) -> Listed:
    """The table, saying where a ticker's company is stored under another ticker, and, where it is empty because
    nothing of a company asked about was read, that."""
    table.note = said(same).strip()
    if not table:
        table.nothing += said(same) + nothing_read(db, [t for t in ([] if ticker is None else _tickers(ticker))
                                                         if t not in same])  # fmt: skip
    return table


def _briefed(start: date | None, end: date | None) -> list[date]:
    """The parameters of queries.IN_PERIOD (and CURRENT_IN_PERIOD): a period as a briefing reads it."""
    if start is None or end is None:
        raise ValueError("as_briefed needs the period's start and end")
    return period_params(start, end)


def _nothing(
    what: str, ticker: Many, topic: Many, start: date | None, end: date | None, *, also: Sequence[str | None] = ()
) -> str:
    """What an empty answer was asked for, so an empty table reads as an answer, not a failure ("No findings for NVDA
    from 2030-01-01 (negative, in calls).": `also` names the other filters given, None for one not given)."""
    said = [f"No {what}"]
    if ticker is not None:
        said.append(f"for {', '.join(_tickers(ticker))}")
    if topic is not None:
        said.append(f"on {', '.join(_topics(topic))}")
    if start is not None:
        said.append(f"from {start}")
    if end is not None:
        said.append(f"to {end}")
    if given := [x for x in also if x]:
        said.append(f"({', '.join(given)})")
    return " ".join(said) + "."
