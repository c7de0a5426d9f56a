"""What the briefing's trend compares a period's calls and filings with: each ticker's latest earlier mentions of a
topic per form, and the calls and filings stored before the period. Rows come back as dicts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from watchdesk.store.queries import (
    DOC_KIND,
    EVENT_DATE,
    LATE_DAYS,
    SAID_AGAIN,
    _dicts,
    _tickers,
    _topics,
    current_in_period,
    in_period,
    period_params,
)
from watchdesk.store.store import Store

FIRST_DAY = date.min + timedelta(days=LATE_DAYS)  # every earlier day: the first a document counts on, late or not


def latest_mentions(
    store: Store, *, tickers: str | Sequence[str], topics: str | Sequence[str], start: date, days: str | None = None
) -> list[dict[str, Any]]:
    """Per ticker, topic and form of call or filing: the mentions of the latest day before the period starting on
    `start` that has any, as day, mentions, positive and negative. A document late into the period (dated before it,
    counted in it: queries.PERIOD_DAY) is the period's, not its baseline, so the period's end plays no part (each
    document counts in one period). A sentence said again in its document counts once."""
    if start <= FIRST_DAY:
        return []
    # The latest day first, then its findings alone are read for sentences said again: a store of 20 years holds a
    # million findings before the period (the window over them all took 3x the briefing's time, make bench-briefing)
    sql = f"""
        WITH {current_in_period(days)},
        latest_day AS (
            SELECT f.doc_id, f.topic, f.polarity, f.sentence, f.start, f.finding_id, f.ticker,
                   {DOC_KIND} AS kind, d.form, {EVENT_DATE} AS day
            FROM current_findings f JOIN documents d USING (doc_id)
            WHERE list_contains(?, f.ticker) AND list_contains(?, f.topic) AND d.source <> 'news'
            QUALIFY day = max(day) OVER (PARTITION BY f.ticker, f.topic, kind, d.form)
        )
        SELECT ticker, topic, kind, form, day, count(*) AS mentions,
               count(*) FILTER (polarity = 'positive') AS positive,
               count(*) FILTER (polarity = 'negative') AS negative
        FROM (SELECT * FROM latest_day f QUALIFY NOT {SAID_AGAIN})
        GROUP BY ALL ORDER BY ticker, topic, kind, form
    """
    before = period_params(FIRST_DAY, start - timedelta(days=1))
    return _dicts(store, sql, [*before, _tickers(tickers), _topics(topics)])


def earlier_documents(
    store: Store, *, tickers: str | Sequence[str], start: date, days: str | None = None
) -> list[dict[str, Any]]:
    """The flagged calls and filings (an exhibit is its filing's) of the tickers counted before the period starting on
    `start`: ticker, kind, form and day, to tell how many came after the latest that mentions a topic (a late one
    counted in the period is not)."""
    if start <= FIRST_DAY:
        return []
    sql = f"""
        SELECT d.ticker, {DOC_KIND} AS kind, d.form, {EVENT_DATE} AS day
        FROM documents d
        WHERE list_contains(?, d.ticker) AND d.source <> 'news' AND d.parent_doc_id IS NULL
          AND EXISTS (SELECT 1 FROM doc_flags f WHERE f.doc_id = d.doc_id) AND {in_period(days)}
        ORDER BY d.ticker, day
    """
    before = period_params(FIRST_DAY, start - timedelta(days=1))
    return _dicts(store, sql, [_tickers(tickers), *before])
