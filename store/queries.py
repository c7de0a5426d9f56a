"""The read queries the briefing and the notebooks share. Rows come back as dicts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from watchdesk.store.store import Store

_IN_PERIOD = "(d.filed_at BETWEEN ? AND ? OR d.run_id = ?)"


def _dicts(store: Store, sql: str, params: Sequence[object]) -> list[dict[str, Any]]:
    with store._lock:
        cur = store.con.execute(sql, list(params))
        names = [c[0] for c in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def period_findings(
    store: Store, *, tickers: Sequence[str], topics: Sequence[str], start: date, end: date, run_id: str
) -> list[dict[str, Any]]:
    """Findings on documents filed in the period (or fetched by this run), with their document.

    Only each document's latest flagging counts (the current_findings view, migration 003).
    """
    sql = f"""
        SELECT f.finding_id, f.ticker, coalesce(c.name, f.ticker) AS company, f.topic, f.polarity, f.score,
               f.sentence, f.start, f."end", f.section, f.speaker, f.doc_id,
               d.title AS doc_title, coalesce(d.source_url, d.url) AS doc_url, d.form, d.doc_type, d.filed_at
        FROM current_findings f
        JOIN documents d USING (doc_id)
        LEFT JOIN companies c ON c.cik = d.cik
        WHERE list_contains(?, f.ticker) AND list_contains(?, f.topic) AND {_IN_PERIOD}
        ORDER BY f.ticker, f.topic, f.score, f.doc_id, f.start
    """
    return _dicts(store, sql, [list(tickers), list(topics), start, end, run_id])


def period_documents(
    store: Store, *, tickers: Sequence[str], start: date, end: date, run_id: str
) -> list[dict[str, Any]]:
    sql = f"""
        SELECT d.doc_id, d.ticker, d.form, d.doc_type, d.title, coalesce(d.source_url, d.url) AS url, d.filed_at
        FROM documents d WHERE list_contains(?, d.ticker) AND {_IN_PERIOD}
        ORDER BY d.ticker, d.filed_at, d.doc_id
    """
    return _dicts(store, sql, [list(tickers), start, end, run_id])


def period_tone(
    store: Store, *, tickers: Sequence[str], start: date, end: date, run_id: str
) -> list[dict[str, Any]]:
    """Per document of the period: how many sentences the sentence sentiment model read as positive or negative."""
    sql = f"""
        SELECT d.doc_id, d.ticker, coalesce(d.doc_type, d.form) AS form, d.filed_at, count(*) AS sentences,
               count(*) FILTER (s.sentiment = 'positive') AS positive,
               count(*) FILTER (s.sentiment = 'negative') AS negative
        FROM sentences s JOIN documents d USING (doc_id)
        WHERE list_contains(?, d.ticker) AND s.sentiment IS NOT NULL AND {_IN_PERIOD}
        GROUP BY ALL ORDER BY d.ticker, d.filed_at, form, d.doc_id
    """
    return _dicts(store, sql, [list(tickers), start, end, run_id])


def run_gaps(store: Store, *, run_id: str) -> list[dict[str, Any]]:
    sql = "SELECT ticker, agent, target, reason, tried FROM gaps WHERE run_id = ? ORDER BY ticker, agent, target"
    return _dicts(store, sql, [run_id])


def citation_mismatches(store: Store, finding_ids: Sequence[str]) -> list[str]:
    """Findings whose quoted sentence is not the stored text at its offsets (should be none)."""
    sql = """
        SELECT f.finding_id FROM findings f JOIN documents d USING (doc_id)
        WHERE list_contains(?, f.finding_id)
          AND substr(d.text, f.start + 1, f."end" - f.start) IS DISTINCT FROM f.sentence
    """
    return [r[0] for r in store.query(sql, [list(finding_ids)])]
