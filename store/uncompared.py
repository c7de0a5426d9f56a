"""Filings of a compared form (10-K, 10-Q, 20-F) with no comparison stored, and why: `watchdesk changes` says them
beside the changes, so a comparison not made does not read as a filing that changed nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from watchdesk.store.queries import _dicts
from watchdesk.store.same_company import other_tickers
from watchdesk.store.store import Store

_FORMS = "upper(replace({form}, '/A', '')) IN ('10-K', '10-Q', '20-F')"
_ACCESSION = r"'(\d{10}-\d{2}-\d{6})'"
_GAP_FORM = _FORMS.format(form=r"regexp_extract(g.target, '^(\S+) ', 1)")  # "20-F 0001628280-26-025362"
_DOC_FORM = _FORMS.format(form="d.form")
# Three reasons, each filing's latest: a comparison's gap ("compare 10-Q NEW [with PREV]"), a filing of a compared
# form a run could not store ("20-F ACC"), a filing stored by a run (not as a reference) that no run compared.
_SQL = rf"""
    WITH said AS (
        SELECT g.ticker, g.unread_from AS filed, regexp_extract(g.target, '^compare (\S+) ', 1) AS form,
               regexp_extract(g.target, '^compare \S+ (\S+)', 1) AS accession,
               nullif(regexp_extract(g.target, ' with (\S+)$', 1), '') AS previous, g.reason, 'compare' AS why,
               g.created_at
        FROM gaps g WHERE g.agent = 'filings' AND starts_with(g.target, 'compare ')
        UNION ALL
        SELECT g.ticker, g.unread_from, regexp_extract(g.target, '^(\S+) ', 1),
               regexp_extract(g.target, {_ACCESSION}, 1), NULL, g.reason, 'fetch', g.created_at
        FROM gaps g WHERE g.agent = 'filings' AND regexp_matches(g.target, '^\S+ \d{{10}}-\d{{2}}-\d{{6}}$')
          AND {_GAP_FORM}
        UNION ALL
        SELECT d.ticker, d.filed_at, d.form, d.accession, NULL, NULL, 'none', d.first_stored_at
        FROM documents d WHERE d.parent_doc_id IS NULL AND d.run_id IS NOT NULL AND {_DOC_FORM}
    )
    SELECT * FROM said s
    WHERE (CAST(? AS VARCHAR[]) IS NULL OR list_contains(?, s.ticker))
      AND (CAST(? AS DATE) IS NULL OR s.filed >= ?) AND (CAST(? AS DATE) IS NULL OR s.filed <= ?)
      AND NOT EXISTS (SELECT 1 FROM filing_comparisons c JOIN documents d ON d.doc_id = c.new_doc_id
                      WHERE d.accession = s.accession)
      AND (s.why <> 'fetch' OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.accession = s.accession))
    QUALIFY row_number() OVER (PARTITION BY s.ticker, s.accession
                               ORDER BY s.why = 'none', s.created_at DESC) = 1
    ORDER BY s.filed DESC NULLS LAST, s.ticker, s.accession
"""


def comparisons_not_made(
    store: Store, *, tickers: Sequence[str] | None, start: date | None = None, end: date | None = None
) -> list[str]:
    """Each filing of a compared form, the newer filing's date in the period, that has no comparison stored, and why
    (its latest gap): "NVDA 10-Q filed 2025-08-27 (0001045810-25-000209) not compared with 0001045810-25-000116:
    <why>", "TSM 20-F filed ... not stored, so not compared: <why>", "... not compared: no run compared it with an
    earlier 10-Q"."""
    asked = None if tickers is None else list(tickers)
    if asked:  # GOOGL's filings stored under GOOG (one company): GOOG's are GOOGL's, as `changes` reads them
        asked += [t for _, others in other_tickers(store.con, asked).values() for t in others]
    said = []
    for r in _dicts(store, _SQL, [asked, asked, start, start, end, end]):
        filing = f"{r['ticker']} {r['form']}" + (f" filed {r['filed']}" if r["filed"] else "") + f" ({r['accession']})"
        if r["why"] == "compare":
            previous = f" with {r['previous']}" if r["previous"] else " with the one before it"
            said.append(f"{filing} not compared{previous}: {r['reason']}")
        elif r["why"] == "fetch":
            said.append(f"{filing} not stored, so not compared: {r['reason']}")
        else:
            said.append(f"{filing} not compared: no run compared it with an earlier {r['form']}")
    return said


# agents/filings_compare.COMPARE_VERSION from which a comparison stores the sentences the newer filing no longer says
REMOVALS_SINCE = 8
_OLDER_WAY = """
    SELECT DISTINCT c.ticker, d.form, d.filed_at AS filed, d.accession
    FROM filing_comparisons c JOIN documents d ON d.doc_id = c.new_doc_id
    WHERE coalesce(c.compare_version, 1) < ? AND (CAST(? AS VARCHAR[]) IS NULL OR list_contains(?, c.ticker))
      AND (CAST(? AS DATE) IS NULL OR d.filed_at >= ?) AND (CAST(? AS DATE) IS NULL OR d.filed_at <= ?)
    ORDER BY d.filed_at DESC NULLS LAST, c.ticker, d.accession
"""


def compared_before_removals(
    store: Store, *, tickers: Sequence[str] | None, start: date | None = None, end: date | None = None
) -> list[str]:
    """Each filing, the newer filing's date in the period, whose comparison an older watchdesk made, before it looked
    for sentences removed: its changes list none, which must not read as "nothing removed"."""
    asked = None if tickers is None else list(tickers)
    if asked:
        asked += [t for _, others in other_tickers(store.con, asked).values() for t in others]
    rows = _dicts(store, _OLDER_WAY, [REMOVALS_SINCE, asked, asked, start, start, end, end])
    return [
        f"{r['ticker']} {r['form']}" + (f" filed {r['filed']}" if r["filed"] else "") + f" ({r['accession']}) was "
        "compared by an older watchdesk, which did not look for sentences removed (a run compares each company's "
        "newest 10-K, 10-Q or 20-F again)"
        for r in rows
    ]
