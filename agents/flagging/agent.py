"""Flagging agent: split every not-yet-flagged document into sentences and flag topic mentions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb

from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.topics import TopicLibrary, TopicSpec, load_topics
from watchdesk.store import writes
from watchdesk.store.bulk import upsert
from watchdesk.store.records import FindingRecord, SentenceRecord
from watchdesk.store.store import Store

METHOD = "rules"
METHOD_VERSION = "0.1"


@dataclass(kw_only=True)
class FlagStats:
    documents: int = 0
    sentences: int = 0
    findings: int = 0


def pending_documents(store: Store, *, tickers: Sequence[str]) -> list[tuple[str, str | None]]:
    """(doc_id, ticker) of documents this method version has not flagged yet."""
    rows = store.query(
        "SELECT doc_id, ticker FROM documents d WHERE list_contains(?, ticker) AND NOT EXISTS ("
        " SELECT 1 FROM doc_flags f WHERE f.doc_id = d.doc_id AND f.method = ? AND f.method_version = ?)"
        " ORDER BY filed_at, doc_id",
        [list(tickers), METHOD, METHOD_VERSION],
    )
    return [(r[0], r[1]) for r in rows]


def flag_documents(
    store: Store,
    *,
    tickers: Sequence[str],
    topics: Sequence[str],
    custom_topics: Sequence[dict[str, Any]] = (),
    run_id: str | None = None,
    report: Callable[[str], None] = lambda _m: None,
) -> FlagStats:
    custom = [TopicSpec(**c) for c in custom_topics]
    library = load_topics([t for t in topics if t not in {c.name for c in custom}], extra=custom)
    stats = FlagStats()
    for doc_id, ticker in pending_documents(store, tickers=tickers):
        text = store.query("SELECT text FROM documents WHERE doc_id = ?", [doc_id])[0][0]
        n_sent, n_find = flag_document(
            store, doc_id=doc_id, ticker=ticker, text=text, library=library, run_id=run_id
        )
        stats.documents += 1
        stats.sentences += n_sent
        stats.findings += n_find
        report(f"flagged {ticker} {doc_id}: {n_find} findings in {n_sent} sentences")
    return stats


def flag_document(
    store: Store, *, doc_id: str, ticker: str | None, text: str, library: TopicLibrary, run_id: str | None
) -> tuple[int, int]:
    """Sentences, findings and the done-marker of one document, written in one transaction."""
    now = datetime.now(UTC)
    sentences = [
        SentenceRecord(doc_id=doc_id, seq=i, start=s, end=e, text=text[s:e])
        for i, (s, e) in enumerate(split_sentences(text))
    ]
    findings = [
        FindingRecord(
            doc_id=doc_id,
            ticker=ticker,
            topic=f.topic,
            polarity=f.polarity,
            score=f.score,
            sentence=f.sentence,
            start=f.start,
            end=f.end,
            section=f.section,
            speaker=f.speaker,
            method=METHOD,
            method_version=METHOD_VERSION,
            run_id=run_id,
            created_at=now,
        )
        for f in flag_text(text, topics=library)
    ]

    def write(con: duckdb.DuckDBPyConnection) -> None:
        writes.replace_sentences(con, doc_id, sentences)
        writes.replace_findings(con, doc_id, findings, method=METHOD, method_version=METHOD_VERSION)
        marker = {
            "doc_id": doc_id,
            "method": METHOD,
            "method_version": METHOD_VERSION,
            "n_sentences": len(sentences),
            "n_findings": len(findings),
            "flagged_at": now,
        }
        upsert(con, "doc_flags", [marker], key=["doc_id", "method", "method_version"])

    store.transaction(write)
    return len(sentences), len(findings)
