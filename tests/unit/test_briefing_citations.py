"""The briefing's citation check: a quote must be the stored text at its offsets (characters, not bytes)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from watchdesk.agents.briefing.agent import verify_citations
from watchdesk.sources.errors import StoreError
from watchdesk.store import queries
from watchdesk.store.records import DocumentRecord, FindingRecord
from watchdesk.store.store import Store

NOW = datetime(2025, 9, 1, tzinfo=UTC)
# Accents, a euro sign and an emoji before the quotes: offsets count characters, as Python and DuckDB do.
TEXT = "Résumé: €5 bn 📦. Inventory rose sharply. Supply chains in Taiwan were tight. The end."

# What the check did before (one SQL join, DuckDB's substr): the oracle the faster check must agree with.
OLD = """
    SELECT f.finding_id FROM findings f LEFT JOIN documents d USING (doc_id)
    WHERE list_contains(?, f.finding_id)
      AND (d.text IS NULL OR substr(d.text, f.start + 1, f."end" - f.start) IS DISTINCT FROM f.sentence)
"""


def _finding(doc_id: str, quote: str, *, start: int | None = None, shift: int = 0) -> FindingRecord:
    at = (TEXT.index(quote) if start is None else start) + shift
    return FindingRecord(doc_id=doc_id, ticker="NVDA", topic="inventory", polarity="negative", score=-0.5,
                         sentence=quote, start=at, end=at + len(quote), method="rules", method_version="t",
                         created_at=NOW)  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "c.duckdb")
    doc = DocumentRecord(url="https://www.sec.gov/x.htm", source="edgar", text=TEXT, fetched_at=NOW, ticker="NVDA")
    s.upsert_document(doc)
    s.replace_findings(doc.doc_id, [
        _finding(doc.doc_id, "Inventory rose sharply."),
        _finding(doc.doc_id, "Supply chains in Taiwan were tight."),
        _finding(doc.doc_id, "Inventory rose sharply", shift=1),  # off by one character
        _finding(doc.doc_id, "The end.", start=len(TEXT) - 4),  # runs past the end of the text
        _finding("missing-document", "Inventory rose sharply."),
    ], method="rules", method_version="t")  # fmt: skip
    return s


def _ids(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT finding_id FROM findings ORDER BY start, doc_id")]


def test_only_quotes_that_differ_from_the_stored_text_are_reported(store: Store) -> None:
    ids = _ids(store)
    bad = set(queries.citation_mismatches(store, ids))
    assert bad == {r[0] for r in store.query(OLD, [ids])}
    rows = store.query('SELECT finding_id, doc_id, sentence, start, "end" FROM findings')
    good = {fid for fid, doc, quote, start, end in rows if doc != "missing-document" and TEXT[start:end] == quote}
    assert len(good) == 2 and bad == set(ids) - good


def test_verify_citations_stops_the_briefing_and_passes_good_quotes(store: Store) -> None:
    rows = store.query("SELECT finding_id, sentence, start FROM findings WHERE doc_id <> 'missing-document'")
    good = [fid for fid, sentence, start in rows if TEXT[start : start + len(sentence)] == sentence]
    verify_citations(store, good)
    verify_citations(store, [])
    with pytest.raises(StoreError, match="citation check failed"):
        verify_citations(store, _ids(store))


def test_the_briefing_checks_the_quotes_it_prints(store: Store, tmp_path: Path) -> None:
    """gather checks the rows it read (not the same findings read again by key): a bad quote still stops it."""
    from datetime import date

    from watchdesk.agents.briefing.agent import BriefingRequest, gather
    from watchdesk.agents.briefing.period import between

    req = BriefingRequest(run_id="r", watchlist_name="w", tickers=["NVDA"], topics=["inventory"],
                          period=between(date(2000, 1, 1), date(2100, 1, 1)), out_dir=tmp_path)  # fmt: skip
    with pytest.raises(StoreError, match="citation check failed"):
        gather(store, req)
    rows = store.query('SELECT finding_id, doc_id, start, "end", sentence FROM findings')
    assert set(queries.quote_mismatches(store, rows)) == set(queries.citation_mismatches(store, _ids(store)))
    bad = queries.quote_mismatches(store, rows)
    store.con.execute("DELETE FROM findings WHERE list_contains(?, finding_id)", [bad])
    assert {f.finding_id for f in gather(store, req).findings} == {r[0] for r in rows if r[0] not in bad} != set()
