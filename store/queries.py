"""The read queries the briefing and the notebooks share. Rows come back as dicts.

A document belongs to a briefing period by its event date (migration 005): the filing, call or publication
date when the source gave one, else the day it was first stored, or the as-of day of the `--as-of` run that stored it
(`dated_by_storage` then says so); a late one by the day it counts from (PERIOD_DAY), in one period only.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from watchdesk.store.store import Store

EVENT_DATE = "coalesce(d.filed_at, CAST(d.first_stored_at AS DATE))"
DOC_KIND = "CASE d.source WHEN 'news' THEN 'news' WHEN 'transcript' THEN 'call' ELSE 'filing' END"
LATE_DAYS = 14  # a late document counts from the day after the briefed periods it missed, up to this many days late
# A document counts in one period, by its PERIOD_DAY: its event date, or LATE_DAY when it is late. Late: it was first
# stored after a briefing of a period holding its date was closed (first written on or after the period's last day,
# migration 028: a moment, compared with first_stored_at), for a watchlist holding its ticker (a briefing whose tickers
# are not known holds none, migration 027), so that briefing lacks it. The case it is for: a call held on the day a
# weekly run briefed its week, after the run, is fetched by a later run; by its date alone it fell in no briefing.
# What the run that closed the period stored before it wrote the briefing is in it (stored before the close, not
# after). LATE_DAY is the day after the latest period (ending on or after its date) briefed before it was stored, so
# that it is in the next briefing written, not in one written without it, when that day is at most LATE_DAYS after its
# date; later than that it is history and counts by its date. Before, a document counted by its date and, in the
# period it was first stored in, as late too: with Monday runs a Thursday call fetched on Monday counted in ISO week W
# and in W+1. Until migration 028 the close was a day, and a document late only when first stored on a later day: one
# stored later the same day as the close counted in the period already briefed without it, and in no later briefing.
# The late documents first: a period holding a document's date and ending on one of the LATE_DAYS days from it on is
# found by equality (a join on the range of days took 1.1 s of CPU on 18,000 documents and a thousand weekly
# briefings, this 0.02 s); then, for those few alone, the latest period briefed before each was stored.
LATE_DAYS_OF = f"""SELECT l.doc_id, max(b.period_end) + 1 AS day
    FROM (SELECT DISTINCT l.doc_id, l.ticker, l.filed_at, l.stored
          FROM (SELECT ld.doc_id, ld.ticker, ld.filed_at, ld.first_stored_at AS stored,
                       ld.filed_at + CAST(k AS INTEGER) AS ends
                FROM documents ld, range({LATE_DAYS}) r(k) WHERE ld.filed_at <= CAST(ld.first_stored_at AS DATE)) l
          JOIN briefings b ON b.period_end = l.ends
          WHERE b.period_start <= l.filed_at AND b.closed_at < l.stored AND list_contains(b.tickers, l.ticker)) l
    JOIN (SELECT unnest(tickers) AS ticker, period_end, closed_at FROM briefings) b
      ON b.ticker = l.ticker AND b.period_end >= l.filed_at AND b.closed_at < l.stored
    GROUP BY l.doc_id, l.filed_at
    HAVING max(b.period_end) < l.filed_at + {LATE_DAYS}"""
LATE_DAY = f"(SELECT late.day FROM ({LATE_DAYS_OF}) late WHERE late.doc_id = d.doc_id)"
PERIOD_DAY = f"coalesce({LATE_DAY}, {EVENT_DATE})"
# In a period: its PERIOD_DAY is, so consecutive periods never share a document. `period_params` gives the parameters.
_IN_PERIOD = f"({PERIOD_DAY} BETWEEN ? AND ?)"
IN_PERIOD = _IN_PERIOD
# Newest method version first by its numeric parts ("0.10" after "0.9"; a custom-topic fingerprint after "+" set
# aside), then as text (migrations 009 and 010).
VERSION_ORDER = (
    "list_transform(string_split(split_part(method_version, '+', 1), '.'), lambda p: TRY_CAST(p AS BIGINT)) DESC, "
    "method_version DESC"
)
# A sentence said again in its document (a 10-K says some in Items 1, 1A and 7) counts once, where it is first said:
# SAID_AGAIN is true for each later finding of one document and topic with the same text, whitespace (as Python's
# str.split reads it) and case aside. Those findings stay stored, each with its place; `f` is the findings' alias.
# Each run of whitespace is one space: a run of two or more characters, or one that is not the space (a tab, a no-break
# space), is replaced; a single space is left as it is (replacing every run, single spaces too, took 7 s of CPU on
# a million distinct sentences, this 3 s; DuckDB reads a sentence stored many times once either way).
_SPACE = r"[\s\x0b\x1c-\x1f\x85\pZ]"  # RE2's \s is [\t\n\f\r ]; \pZ holds the space and the no-break spaces
_OTHER_SPACE = r"[\t\n\f\r\x0b\x1c-\x1f\x85]|[^\PZ ]"  # [^\PZ ]: \pZ but the space
SAME_SENTENCE = f"lower(trim(regexp_replace(f.sentence, '{_SPACE}{{2,}}|{_OTHER_SPACE}', ' ', 'g')))"
# Two sentences are alike where their SAME_SENTENCE is, and this tells them apart as cheaply: the sentence with a space
# either side, made alike, is SAME_SENTENCE with a space either side (' ' where that is ''), for the ends' whitespace
# runs into the added spaces and is replaced by one. trim() read every character again: on 200,000 distinct sentences
# SAME_SENTENCE took 0.65 to 0.74 s of CPU, this 0.28 to 0.36. For partitions and comparisons; a text shown is
# SAME_SENTENCE's.
ALIKE = f"lower(regexp_replace(' ' || f.sentence || ' ', '{_SPACE}{{2,}}|{_OTHER_SPACE}', ' ', 'g'))"
SAID_AGAIN = f"row_number() OVER (PARTITION BY f.doc_id, f.topic, {ALIKE} ORDER BY f.start, f.finding_id) > 1"


def _current_of(documents: str) -> str:
    """The current_findings view (migration 003) limited to `documents` (a query of doc_id) first: the view ranks
    every stored document's flaggings before any filter applies, which on a large store costs more than the briefing
    itself. Same rule as the view (migration 009)."""
    return f"""
    pd AS ({documents}),
    latest AS (
        SELECT doc_id, method, method_version FROM doc_flags WHERE doc_id IN (SELECT doc_id FROM pd)
        QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY flagged_at DESC, {VERSION_ORDER}, method) = 1
    ),
    current_findings AS (
        SELECT f.* FROM findings f LEFT JOIN latest l ON l.doc_id = f.doc_id
        WHERE f.doc_id IN (SELECT doc_id FROM pd)
          AND (l.doc_id IS NULL OR (l.method = f.method AND l.method_version = f.method_version))
    )
"""


# Every document with its PERIOD_DAY as `day`, computed where a query reads it; a briefing reads it from the table
# `period_days` makes, once (its queries computed LATE_DAYS_OF eight times).
PERIOD_DAYS = f"(SELECT d.doc_id, {PERIOD_DAY} AS day FROM documents d)"


def current_in_period(days: str | None = None) -> str:
    """CURRENT_IN_PERIOD, the documents' days read from `days` (the table `period_days` made) when given."""
    return _current_of(f"SELECT doc_id, day FROM {days or PERIOD_DAYS} WHERE day BETWEEN ? AND ?")


# Parameters: the period's start and end. `pd` holds the period's documents, each with its PERIOD_DAY as `day`.
CURRENT_IN_PERIOD = current_in_period()


def in_period(days: str | None = None) -> str:
    """IN_PERIOD (of the documents `d`, its parameters the same), the days read from `days` when given."""
    return IN_PERIOD if days is None else f"(d.doc_id IN (SELECT doc_id FROM {days} WHERE day BETWEEN ? AND ?))"


@contextmanager
def period_days(store: Store) -> Iterator[str]:
    """A temporary table of every document's PERIOD_DAY (doc_id, day) for the queries of one briefing, which give its
    name as their `days`: computed once, as the briefing starts reading, and dropped after. A temporary table is the
    connection's own: a read-only store makes one too."""
    name = f"period_days_{uuid.uuid4().hex}"
    with store.statements() as con:
        con.execute(f"CREATE TEMP TABLE {name} AS SELECT * FROM {PERIOD_DAYS}")
    try:
        yield name
    finally:
        with store.statements() as con:
            con.execute(f"DROP TABLE IF EXISTS {name}")


# Parameter: the document's doc_id.
CURRENT_OF_DOCUMENT = _current_of("SELECT CAST(? AS VARCHAR) AS doc_id")


def _dicts(store: Store, sql: str, params: Sequence[object]) -> list[dict[str, Any]]:
    with store.statements() as con:
        cur = con.execute(sql, list(params))
        names = [c[0] for c in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _tickers(tickers: str | Iterable[str]) -> list[str]:
    """Tickers as stored (upper case); one given as a string is one ticker, not its letters."""
    return [t.strip().upper() for t in ([tickers] if isinstance(tickers, str) else tickers)]


def _topics(topics: str | Iterable[str]) -> list[str]:
    return [topics] if isinstance(topics, str) else list(topics)


def _period(start: date, end: date) -> list[date]:
    if start > end:  # BETWEEN would quietly match nothing
        raise ValueError(f"the period starts ({start}) after it ends ({end})")
    return [start, end]


period_params = _period  # the parameters of IN_PERIOD (and CURRENT_IN_PERIOD) for a period


def period_findings(
    store: Store, *, tickers: str | Sequence[str], topics: str | Sequence[str], start: date, end: date,
    days: str | None = None,
) -> list[dict[str, Any]]:
    """Findings on documents whose event date is in the period, with their document and who spoke.

    Only each document's latest flagging counts (the current_findings view, migration 003); said_again marks a
    sentence its document said before (SAID_AGAIN), a place it was said that does not count again. `days`: the
    table period_days made (None: the days computed here), as for the briefing's other queries.
    """
    sql = f"""
        WITH {current_in_period(days)}
        SELECT f.finding_id, f.ticker, coalesce(c.name, f.ticker) AS company, f.topic, f.polarity, f.score,
               f.sentence, f.start, f."end", f.section, f.speaker, f.doc_id, f.sure, f.method_version,
               {SAID_AGAIN} AS said_again,
               d.title AS doc_title, coalesce(d.source_url, d.url) AS doc_url, d.form, d.doc_type,
               {EVENT_DATE} AS filed_at, d.filed_at IS NULL AS dated_by_storage,
               d.first_stored_at AS first_stored, {DOC_KIND} AS kind,
               (SELECT any_value(sp.speaker_kind) FROM doc_spans sp
                 WHERE sp.doc_id = f.doc_id AND f.start >= sp.start AND f.start < sp."end") AS speaker_kind
        FROM current_findings f
        JOIN documents d USING (doc_id)
        LEFT JOIN companies c ON c.cik = d.cik
        WHERE list_contains(?, f.ticker) AND list_contains(?, f.topic)
        ORDER BY f.ticker, f.topic, f.score, f.doc_id, f.start
    """
    return _dicts(store, sql, [*_period(start, end), _tickers(tickers), _topics(topics)])


OPENING_SENTENCES = 3  # a turn's opening: enough for "Okay. So Charlie's question is ..." to relay a question


def qa_statement_openings(store: Store, findings: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The management turns of earnings-call Q&A that hold `findings` (period_findings' rows: those of section "qa"
    are looked up), once each however many findings they hold: doc_id, start, end (the turn's span) and its first
    OPENING_SENTENCES sentences as `opening`, which tells a question investor relations passes on ("Okay. So
    Charlie's question is ...") from the company's own words. The findings are those period_findings read, not read
    again: the period's current findings took a second query as long as theirs (~10 ms of CPU a briefing)."""
    said = [(f["doc_id"], f["start"]) for f in findings if f["section"] == "qa"]
    if not said:  # no finding in a call's Q&A: no turn to read
        return []
    sql = """
        WITH f AS (SELECT unnest(?) AS doc_id, unnest(?) AS start),
        held AS (
            SELECT DISTINCT sp.doc_id, sp.start, sp."end"
            FROM f JOIN doc_spans sp ON sp.doc_id = f.doc_id AND f.start >= sp.start AND f.start < sp."end"
            WHERE sp.speaker_kind = 'management'
        ),
        opening AS (
            SELECT h.doc_id, h.start, h."end", s.start AS said_at, s.text
            FROM held h JOIN sentences s ON s.doc_id = h.doc_id AND s.start >= h.start AND s.start < h."end"
            QUALIFY row_number() OVER (PARTITION BY h.doc_id, h.start ORDER BY s.start) <= ?
        )
        SELECT doc_id, start, "end", string_agg(text, ' ' ORDER BY said_at) AS opening
        FROM opening GROUP BY doc_id, start, "end" ORDER BY doc_id, start
    """
    return _dicts(store, sql, [[d for d, _ in said], [s for _, s in said], OPENING_SENTENCES])


def period_documents(
    store: Store, *, tickers: str | Sequence[str], start: date, end: date, days: str | None = None
) -> list[dict[str, Any]]:
    sql = f"""
        SELECT d.doc_id, d.ticker, d.form, d.doc_type, d.title, coalesce(d.source_url, d.url) AS url,
               {EVENT_DATE} AS filed_at, d.filed_at IS NULL AS dated_by_storage,
               d.first_stored_at AS first_stored,
               EXISTS (SELECT 1 FROM doc_flags f WHERE f.doc_id = d.doc_id) AS flagged
        FROM documents d WHERE list_contains(?, d.ticker) AND {in_period(days)}
        ORDER BY d.ticker, filed_at, d.doc_id
    """
    return _dicts(store, sql, [_tickers(tickers), *_period(start, end)])


def period_tone(
    store: Store, *, tickers: str | Sequence[str], start: date, end: date, days: str | None = None
) -> list[dict[str, Any]]:
    """Per document of the period: how many sentences the sentence sentiment model read as positive or negative."""
    sql = f"""
        SELECT d.doc_id, d.ticker, coalesce(d.doc_type, d.form) AS form, {EVENT_DATE} AS filed_at,
               count(*) AS sentences,
               count(*) FILTER (s.sentiment = 'positive') AS positive,
               count(*) FILTER (s.sentiment = 'negative') AS negative
        FROM sentences s JOIN documents d USING (doc_id)
        WHERE list_contains(?, d.ticker) AND s.sentiment IS NOT NULL AND {in_period(days)}
        GROUP BY ALL ORDER BY d.ticker, filed_at, form, d.doc_id
    """
    return _dicts(store, sql, [_tickers(tickers), *_period(start, end)])


def weekly_mentions(
    store: Store,
    *,
    tickers: str | Sequence[str],
    topics: str | Sequence[str],
    start: date,
    end: date,
    by_kind: bool = False,
) -> list[dict[str, Any]]:
    """Mentions per week, ticker, topic and polarity, by the documents' days in a period (PERIOD_DAY: a late document
    in the week it is briefed in). Weeks are the seven-day spans ending at `end` (ISO weeks when `end` is a Sunday);
    `week` is each span's first day. `by_kind`: apart per kind of document (filing, call, news), in a `kind` column.
    A sentence said again in its document counts once (SAID_AGAIN)."""
    days = daily_mentions(store, tickers=tickers, topics=topics, start=start, end=end)
    return weeks_of(days, start=start, end=end, by_kind=by_kind)


DayCount = tuple[date, str, str, str, int, int, int]  # day, ticker, topic, kind, mentions, positive, negative


def daily_mentions(
    store: Store, *, tickers: str | Sequence[str], topics: str | Sequence[str], start: date, end: date,
    days: str | None = None,
) -> list[DayCount]:
    """Mentions per day (PERIOD_DAY), ticker, topic and kind of document, as positive and negative, a sentence said
    again counted once: what weeks_of adds up by week for any span within the period, so one read serves a briefing's
    trend and its baseline (each read took ~10-15 ms of CPU, nearly all DuckDB planning the period's findings)."""
    sql = f"""
        WITH {current_in_period(days)}
        SELECT pd.day, f.ticker, f.topic, {DOC_KIND} AS kind, count(*) AS mentions,
               count(*) FILTER (f.polarity = 'positive') AS positive,
               count(*) FILTER (f.polarity = 'negative') AS negative
        FROM (SELECT f.* FROM current_findings f WHERE list_contains(?, f.ticker) AND list_contains(?, f.topic)
              QUALIFY NOT {SAID_AGAIN}) f JOIN documents d USING (doc_id) JOIN pd USING (doc_id)
        GROUP BY ALL
    """
    return store.query(sql, [*_period(start, end), _tickers(tickers), _topics(topics)])


def weeks_of(days: Iterable[DayCount], *, start: date, end: date, by_kind: bool = False) -> list[dict[str, Any]]:
    """weekly_mentions' rows from daily_mentions' of a period holding start..end: its days in that span added up by
    the seven-day weeks ending at `end`, ordered by week, ticker and topic (and kind)."""
    weeks: dict[tuple[Any, ...], list[int]] = {}
    for day, ticker, topic, kind, mentions, positive, negative in days:
        if start <= day <= end:
            week = end - timedelta(days=7 * ((end - day).days // 7) + 6)
            counts = weeks.setdefault((week, ticker, topic, kind) if by_kind else (week, ticker, topic), [0, 0, 0])
            counts[0] += mentions
            counts[1] += positive
            counts[2] += negative
    names = ("week", "ticker", "topic", "kind") if by_kind else ("week", "ticker", "topic")
    return [{**dict(zip(names, key, strict=True)), "mentions": m, "positive": p, "negative": n}
            for key, (m, p, n) in sorted(weeks.items())]  # fmt: skip


def latest_event_date(store: Store, *, tickers: str | Sequence[str]) -> date | None:
    sql = f"SELECT max({EVENT_DATE}) FROM documents d WHERE list_contains(?, d.ticker)"
    rows = store.query(sql, [_tickers(tickers)])
    return rows[0][0] if rows else None


def run_gaps(store: Store, *, run_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The gaps the runs recorded (a run id the demo reuses keeps an earlier demo's: a comparison that failed is not
    tried again, and its gap still holds), with the days each leaves unread: as recorded (migration 016), else the day
    of the filing or document it names when that is stored (a comparison, a document's flagging); NULL when not
    known. `done_since`: whether what it names was done since (the filing stored, the comparison made, the document
    flagged); NULL when that cannot be told from the store."""
    sql = r"""
        WITH g AS (
            SELECT g.*, r.started_at, nullif(regexp_extract(g.target, '\d{10}-\d{2}-\d{6}'), '') AS accession,
                   CASE WHEN g.agent = 'flagging' THEN nullif(regexp_extract(g.target, ' document (\S+)$', 1), '')
                   END AS doc_id
            FROM gaps g LEFT JOIN runs r USING (run_id)
            WHERE list_contains(?, g.run_id)
        )
        SELECT g.run_id, g.ticker, g.agent, g.target, g.reason, g.tried, g.created_at,
               coalesce(g.unread_from, n.day) AS unread_from, coalesce(g.unread_to, n.day) AS unread_to,
               CASE WHEN g.agent = 'filings' AND starts_with(g.target, 'compare ') THEN EXISTS (
                        SELECT 1 FROM filing_comparisons c JOIN documents d ON d.doc_id = c.new_doc_id
                        WHERE d.accession = g.accession)
                    WHEN g.agent = 'filings' AND g.accession IS NOT NULL THEN EXISTS (
                        SELECT 1 FROM documents d WHERE d.accession = g.accession)
                    WHEN g.doc_id IS NOT NULL THEN EXISTS (
                        SELECT 1 FROM doc_flags f WHERE f.doc_id = g.doc_id AND f.flagged_at > g.created_at)
               END AS done_since
        FROM g LEFT JOIN LATERAL (
            SELECT min(coalesce(d.filed_at, CAST(d.first_stored_at AS DATE))) AS day FROM documents d
            WHERE (g.agent = 'filings' AND d.parent_doc_id IS NULL AND d.accession = g.accession)
               OR d.doc_id = g.doc_id
        ) n ON true
        ORDER BY g.ticker, g.agent, g.target, g.started_at
    """
    return _dicts(store, sql, [list(run_ids)])


def run_read_cuts(store: Store, *, run_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The days the runs chose not to read by the watchlist's limits (migration 017), with why: no gaps."""
    sql = """SELECT run_id, agent, ticker, unread_from, unread_to, reason FROM read_cuts
             WHERE list_contains(?, run_id) ORDER BY run_id, agent, ticker"""
    return _dicts(store, sql, [list(run_ids)])


def watchlist_runs(store: Store, *, watchlist: str | None, run_id: str) -> list[dict[str, Any]]:
    """The run `run_id` and, given a watchlist, the finished runs of it that started before, oldest first (`run_id`
    last): id, the day it ran (its pinned as_of, else the UTC day it started) and the steps it planned, as approved or
    edited (stored with the run when it stops or ends)."""
    sql = """
        SELECT run_id, coalesce(as_of, CAST(started_at AS DATE)) AS day, plan FROM runs
        WHERE run_id = ? OR (watchlist = ? AND status = 'done'
                             AND started_at < (SELECT started_at FROM runs WHERE run_id = ?))
        ORDER BY run_id = ?, started_at
    """
    rows = _dicts(store, sql, [run_id, watchlist, run_id, run_id])
    return [{**r, "plan": json.loads(r["plan"]) if r["plan"] else []} for r in rows]


def citation_mismatches(store: Store, finding_ids: Sequence[str]) -> list[str]:
    """Findings whose quoted sentence is not the stored text at its offsets (should be none).

    The cited findings are read by key, then each cited document's text once by its primary key (an index
    scan, never a join over every stored text), and the quotes are compared in Python: DuckDB's substr walks
    a text's UTF-8 from its start for every quote, Python indexes it. Memory follows the briefing (one
    document's text at a time), not the store.
    """
    sql = 'SELECT finding_id, doc_id, start, "end", sentence FROM findings WHERE list_contains(?, finding_id)'
    return quote_mismatches(store, store.query(sql, [list(finding_ids)]))


def quote_mismatches(store: Store, rows: Iterable[Sequence[Any]]) -> list[str]:
    """Of (finding_id, doc_id, start, end, sentence) rows, the ids whose quote is not the stored text there.

    For rows already read (the briefing's own findings): reading them again by key scanned every stored finding.
    """
    by_doc: dict[str, list[Sequence[Any]]] = {}
    for row in rows:
        by_doc.setdefault(row[1], []).append(row)
    bad: list[str] = []
    for doc_id in sorted(by_doc):
        text = stored_text(store, doc_id)
        bad += [r[0] for r in by_doc[doc_id] if not quote_matches(text, r[2], r[3], r[4])]
    return bad


def stored_text(store: Store, doc_id: str) -> str | None:
    """One document's stored text, looked up by its primary key."""
    rows = store.query("SELECT text FROM documents WHERE doc_id = ?", [doc_id])
    return rows[0][0] if rows else None


def quote_matches(text: str | None, start: int | None, end: int | None, quote: str | None) -> bool:
    """Whether `quote` is exactly text[start:end] (offsets in characters, inside the text)."""
    if text is None or start is None or end is None or quote is None:
        return False
    return 0 <= start <= end <= len(text) and text[start:end] == quote


def last_briefed_until(store: Store, *, watchlist: str) -> date | None:
    """The end of the latest period briefed for this watchlist (a scheduled run after a gap resumes there): closed by
    a run's briefing or one `brief --deliver` sent, not one `brief` wrote for a person to look at, whose days no
    target got (store/writes.save_briefing)."""
    rows = store.query("SELECT max(period_end) FROM briefings WHERE watchlist = ? AND closed_at IS NOT NULL",
                       [watchlist])  # fmt: skip
    return rows[0][0] if rows else None
