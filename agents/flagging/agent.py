"""Flagging agent: split every not-yet-flagged document into sentences and flag topic mentions."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb

from watchdesk.agents.flagging import sentiment
from watchdesk.agents.flagging.filing_lookalikes import outside_statements_lists
from watchdesk.agents.flagging.filing_reading import read_in_filing
from watchdesk.agents.flagging.flag import Flag, flag_text
from watchdesk.agents.flagging.sentences import Span, split_filing_sentences, split_sentences
from watchdesk.agents.flagging.topic_spec import TopicSpec
from watchdesk.agents.flagging.topics import TopicLibrary, load_topics, shipped_topics
from watchdesk.agents.flagging.version import METHOD_VERSION
from watchdesk.sources.errors import WatchdeskError
from watchdesk.store import writes
from watchdesk.store.bulk import upsert
from watchdesk.store.records import HEADING, FindingRecord, SentenceRecord, SpanRecord, stable_id
from watchdesk.store.store import Store

FILING_SOURCE = "edgar"  # documents.source of a filing (agents/filings.py)

METHOD = "rules"
LLM_METHOD = "rules+llm"  # re-judged (polarity, or dropped as off-topic) by the configured LLM judge


@dataclass(kw_only=True)
class FlagStats:
    documents: int = 0
    sentences: int = 0
    findings: int = 0
    # documents whose flagging raised (a bug): (doc_id, ticker, the error); nothing of theirs is written
    failed: list[tuple[str, str | None, Exception]] = field(default_factory=list)


def pending_documents(
    store: Store,
    *,
    tickers: Sequence[str],
    method: str = METHOD,
    version: str = METHOD_VERSION,
    topics: Sequence[str] = (),
) -> list[tuple[str, str | None, tuple[str, ...]]]:
    """(doc_id, ticker, topics to read it for) of the documents to flag: those this method version has not
    flagged yet, those whose latest flagging by this method is another version of it (a custom topic removed from
    the watchlist, "0.31" after "0.31+ab12cd34", re-flags the documents once, so the removed topic's findings are
    no longer the current ones), and those this version read for fewer of `topics` than are watched now.

    A document is read for the watched topics plus the shipped topics its latest flagging read it for, so a second
    watchlist sharing the store with other topics neither drops the first one's findings nor re-reads what holds
    them already. A flagging from before the topics were recorded counts as reading none."""
    wanted = list(dict.fromkeys(topics))
    rows = store.query(  # only the documents to flag leave the database: a run over a large store reads few
        "WITH latest AS (SELECT doc_id, method, method_version, topics FROM doc_flags"
        "  QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY flagged_at DESC) = 1)"
        " SELECT d.doc_id, d.ticker, f.topics, l.topics"
        " FROM documents d LEFT JOIN latest l USING (doc_id)"
        " LEFT JOIN doc_flags f ON f.doc_id = d.doc_id AND f.method = ? AND f.method_version = ?"
        " WHERE list_contains(?, d.ticker) AND (f.doc_id IS NULL OR (l.method = ? AND l.method_version <> ?)"
        "   OR NOT list_has_all(coalesce(f.topics, []::VARCHAR[]), ?::VARCHAR[]))"
        " ORDER BY d.filed_at, d.doc_id",
        [method, version, list(tickers), method, version, wanted],
    )
    shipped = {t.name for t in shipped_topics()} - set(wanted)
    return [(doc_id, ticker, (*wanted, *sorted((set(done or ()) | set(latest or ())) & shipped)))
            for doc_id, ticker, done, latest in rows]


# (flags, the document text they point into, whether a position is on a heading, where it adds none, the sentences
# the flags were read in: its candidates are those sentences too) -> flags, or None when it got no usable answer at
# all: the document is then stored as flagged by the rules alone
Judge = Callable[[list[Flag], str, Callable[[int], bool], list[Span]], list[Flag] | None]


def flag_documents(
    store: Store,
    *,
    tickers: Sequence[str],
    topics: Sequence[str],
    custom_topics: Sequence[dict[str, Any]] = (),
    run_id: str | None = None,
    report: Callable[[str], None] = lambda _m: None,
    judge: Judge | None = None,
) -> FlagStats:
    custom = [TopicSpec(**c) for c in custom_topics]
    # Custom topics are named like the shipped ones; `extra` defines them, the names pick them (all of them).
    watched = [*topics, *(c.name for c in custom)]
    libraries = {tuple(watched): load_topics(watched, extra=custom)}
    version = flagging_version(custom)
    stats = FlagStats()
    method = LLM_METHOD if judge else METHOD
    for doc_id, ticker, names in pending_documents(store, tickers=tickers, method=method, version=version,
                                                   topics=watched):  # fmt: skip
        if names not in libraries:
            libraries[names] = load_topics(names, extra=custom)
        text, source = store.query("SELECT text, source FROM documents WHERE doc_id = ?", [doc_id])[0]
        try:
            n_sent, n_find = flag_document(
                store, doc_id=doc_id, ticker=ticker, text=text, library=libraries[names], run_id=run_id,
                judge=judge, version=version, filing=source == FILING_SOURCE,
            )
        except WatchdeskError:
            raise  # watchdesk's own (a replay lacking an answer, a bad answer file, the store): said, not a bug
        except Exception as exc:  # a bug on one document: the others are still flagged; with no done-marker
            stats.failed.append((doc_id, ticker, exc))  # written, the next run flags it again
            report(f"could not flag {ticker} {doc_id}: {type(exc).__name__}")
            continue
        stats.documents += 1
        stats.sentences += n_sent
        stats.findings += n_find
        report(f"flagged {ticker} {doc_id}: {n_find} finding{'s' * (n_find != 1)} in {n_sent} "
               f"sentence{'s' * (n_sent != 1)}")
    return stats


def flagging_version(custom: Sequence[TopicSpec]) -> str:
    """METHOD_VERSION, plus a fingerprint of the watchlist's own topics when it has any: adding or changing
    a custom topic then re-flags the stored documents once, so the new topic finds what is already stored."""
    if not custom:
        return METHOD_VERSION
    specs = sorted(c.model_dump_json() for c in custom)
    return f"{METHOD_VERSION}+{stable_id(*specs, length=8)}"


class SpanIndex:
    """Finds the labelled span (filing section, transcript statement) that holds an offset."""

    def __init__(self, spans: Sequence[SpanRecord]) -> None:
        self._spans = sorted(spans, key=lambda sp: sp.start)
        self._starts = [sp.start for sp in self._spans]

    def at(self, pos: int) -> SpanRecord | None:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self._spans[i].end:
            return self._spans[i]
        return None

    def read_by_filings(self, flags: Sequence[Flag], *, drop: bool = True) -> list[Flag]:
        """The flags read by the filings' choices (filing_reading.read_in_filing): in risk factors as risks, stock in
        the filing's other items by its accounts, supply-chain flags on stock's charges dropped; a call's flags as
        they are. A flag on a heading (a risk factors' group, "Risks Related to Demand, Supply and Manufacturing";
        an MD&A subheading, "Inventories") is none: a heading names what follows it, it states nothing."""
        read = (read_in_filing(f, self.label(f.start)[0], drop=drop) for f in flags if not self.in_heading(f.start))
        return [f for f in read if f is not None]

    def in_heading(self, pos: int) -> bool:
        """Whether `pos` is on a heading (a risk group, an MD&A subheading): no finding is there."""
        span = self.at(pos)
        return span is not None and span.role == HEADING

    def label(self, pos: int) -> tuple[str | None, str | None]:
        """(section, speaker) at `pos`: "1A Risk Factors" or "qa", and who was speaking."""
        span = self.at(pos)
        if span is None:
            return None, None
        section = f"{span.section} {span.title}" if span.section and span.title else span.section
        return section, span.speaker


def flag_document(
    store: Store,
    *,
    doc_id: str,
    ticker: str | None,
    text: str,
    library: TopicLibrary,
    run_id: str | None,
    judge: Judge | None = None,
    version: str = METHOD_VERSION,
    filing: bool = False,
) -> tuple[int, int]:
    """Sentences, findings and the done-marker of one document, written in one transaction. A `filing`'s sentences
    also end at a new clause after "U.S." and the like (sentences.split_filing_sentences)."""
    now = datetime.now(UTC)
    where = SpanIndex(store.spans(doc_id))
    spans = split_filing_sentences(text) if filing else split_sentences(text)
    tones = sentiment.score([text[s:e] for s, e in spans])
    sentences = []
    for i, ((s, e), (tone, tone_score)) in enumerate(zip(spans, tones, strict=True)):
        section, speaker = where.label(s)
        sentences.append(
            SentenceRecord(doc_id=doc_id, seq=i, start=s, end=e, text=text[s:e], section=section, speaker=speaker,
                           sentiment=tone, sentiment_score=tone_score)
        )  # fmt: skip
    flags = flag_text(text, topics=library, spans=spans, sentiments=[tone for tone, _ in tones])
    if filing:  # its lists' items are sentences of their own (split_filing_sentences)
        flags = outside_statements_lists(flags, text)
    flags = where.read_by_filings(flags)
    # The judge (an LLM, when configured) may change polarity and score or drop a flag; it falls back itself.
    # Its verdicts and added candidates are read as risks again: the filings' reading choice holds for them too
    # (but what it judged on topic stays: the offline pass's drops were made before it read them). A document without
    # flags is asked about too: its candidates are the judge's to read. A judge that never answered (a bad key, a
    # spent quota) judged nothing: stored as the rules' findings, the document is judged by the next run with a judge.
    method = METHOD
    judged = judge(flags, text, where.in_heading, spans) if judge else None
    if judged is not None:
        flags, method = where.read_by_filings(judged, drop=False), LLM_METHOD
    findings = [
        _finding(f, doc_id=doc_id, ticker=ticker, where=where, run_id=run_id, now=now, method=method, version=version)
        for f in flags
    ]
    marker = {
        "doc_id": doc_id,
        "method": method,
        "method_version": version,
        "n_sentences": len(sentences),
        "n_findings": len(findings),
        "flagged_at": now,
        "topics": list(library.names),
    }

    def write(con: duckdb.DuckDBPyConnection) -> None:
        writes.replace_sentences(con, doc_id, sentences)
        writes.replace_findings(con, doc_id, findings, method=method, method_version=version)
        upsert(con, "doc_flags", [marker], key=["doc_id", "method", "method_version"])

    store.transaction(write)
    return len(sentences), len(findings)


def _finding(
    f: Flag,
    *,
    doc_id: str,
    ticker: str | None,
    where: SpanIndex,
    run_id: str | None,
    now: datetime,
    method: str = METHOD,
    version: str = METHOD_VERSION,
) -> FindingRecord:
    section, speaker = where.label(f.start)
    return FindingRecord(
        doc_id=doc_id,
        ticker=ticker,
        topic=f.topic,
        polarity=f.polarity,
        score=f.score,
        sentence=f.sentence,
        start=f.start,
        end=f.end,
        section=f.section or section,
        speaker=f.speaker or speaker,
        method=method,
        method_version=version,
        run_id=run_id,
        created_at=now,
        sure=f.sure,
    )
