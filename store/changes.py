"""Writes and reads of filing comparisons (migration 006): what changed between two filings of one company."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import duckdb

from watchdesk.store.bulk import upsert
from watchdesk.store.queries import _dicts, in_period, period_params, quote_matches, stored_text
from watchdesk.store.store import Store

_PAIR = "old_doc_id = ? AND new_doc_id = ?"


def save_comparison(
    store: Store,
    *,
    old_doc_id: str,
    new_doc_id: str,
    sections: Sequence[dict[str, Any]],
    changes: Sequence[dict[str, Any]],
) -> int:
    """Replace what is stored for the newer document: a re-run writes the same rows once, and a re-comparison with
    another previous filing (an older watchdesk's, from another listing) leaves no rows of the old pair beside the
    new ones. One that stores no section (none in both filings) replaces only its own pair's."""
    replaced = "new_doc_id = ?" if sections else _PAIR
    params = [new_doc_id] if sections else [old_doc_id, new_doc_id]

    def write(con: duckdb.DuckDBPyConnection) -> int:
        for table in ("filing_comparisons", "filing_changes"):
            con.execute(f"DELETE FROM {table} WHERE {replaced}", params)
        upsert(con, "filing_comparisons", list(sections), key=["old_doc_id", "new_doc_id", "item"])
        return upsert(con, "filing_changes", list(changes), key=["old_doc_id", "new_doc_id", "item", "seq"])

    return store.transaction(write)


def period_changes(
    store: Store, *, tickers: Sequence[str], start: date, end: date, days: str | None = None
) -> list[dict[str, Any]]:
    """Changes (all but unchanged factors) whose newer filing is in the period, as the briefing's documents are (a
    late one too: queries.IN_PERIOD), each with the way its pair was compared (compare_version; NULL read as 1)."""
    sql = f"""
        SELECT c.*, o.form AS old_form, o.filed_at AS old_filed_at, coalesce(o.source_url, o.url) AS old_url,
               n.form AS new_form, n.filed_at AS new_filed_at, coalesce(n.source_url, n.url) AS new_url,
               (SELECT min(coalesce(s.compare_version, 1)) FROM filing_comparisons s
                WHERE s.old_doc_id = c.old_doc_id AND s.new_doc_id = c.new_doc_id) AS compare_version
        FROM filing_changes c
        JOIN documents o ON o.doc_id = c.old_doc_id
        JOIN documents n ON n.doc_id = c.new_doc_id
        WHERE list_contains(?, c.ticker) AND c.kind <> 'unchanged'
          AND c.new_doc_id IN (SELECT d.doc_id FROM documents d WHERE {in_period(days)})
        ORDER BY c.ticker, n.filed_at, c.item, c.seq
    """
    return _dicts(store, sql, [list(tickers), *period_params(start, end)])


def similarity_history(store: Store, *, tickers: Sequence[str], until: date | None = None) -> list[dict[str, Any]]:
    """Every stored comparison of the tickers' filings, oldest newer-filing first (for history and notebooks);
    with `until`, only those whose newer filing was filed by then (a briefing's history is no later than its
    period: a review found a 2024 week listing a 2025 comparison as "earlier")."""
    sql = """
        SELECT s.ticker, s.form, s.item, s.similarity, s.jaccard, s.n_old, s.n_new, s.note,
               s.old_doc_id, s.new_doc_id, o.filed_at AS old_filed_at, n.filed_at AS new_filed_at
        FROM filing_comparisons s
        JOIN documents o ON o.doc_id = s.old_doc_id
        JOIN documents n ON n.doc_id = s.new_doc_id
        WHERE list_contains(?, s.ticker) AND (CAST(? AS DATE) IS NULL OR n.filed_at <= ?)
        ORDER BY s.ticker, s.form, s.item, n.filed_at
    """
    return _dicts(store, sql, [list(tickers), until, until])


def change_quote_mismatches(store: Store, changes: Sequence[dict[str, Any]]) -> list[tuple[str, str, str, int]]:
    """Keys of changes whose quoted heading or sentence is not the stored text at its offsets in its document.

    Per pair of documents: its stored changes by key, the two texts by primary key, quotes compared in Python
    (as the findings' citations are, `queries.citation_mismatches`).
    """
    sql = f"""
        SELECT item, seq, old_start, old_end, old_heading, new_start, new_end, new_heading
        FROM filing_changes WHERE {_PAIR} ORDER BY item, seq
    """
    wanted = {(c["old_doc_id"], c["new_doc_id"], c["item"], c["seq"]) for c in changes}
    bad: list[tuple[str, str, str, int]] = []
    for old_doc_id, new_doc_id in sorted({key[:2] for key in wanted}):
        old, new = stored_text(store, old_doc_id), stored_text(store, new_doc_id)
        for item, seq, o_start, o_end, o_quote, n_start, n_end, n_quote in store.query(sql, [old_doc_id, new_doc_id]):
            ok = (o_start is None or quote_matches(old, o_start, o_end, o_quote)) and (
                n_start is None or quote_matches(new, n_start, n_end, n_quote)
            )
            if not ok and (old_doc_id, new_doc_id, item, seq) in wanted:
                bad.append((old_doc_id, new_doc_id, item, seq))
    return bad
