"""What a run stored, as its end says it ("this run: 17 documents, 931 findings (840 with a sentence said again within
a document counted once, ...), 8 gaps"): counted in one statement as its store's last reads."""

from __future__ import annotations

from watchdesk.store.queries import SAID_AGAIN
from watchdesk.store.store import Store

EARLIER = "earlier filings stored for comparison"

# Rows carrying the run's id, stored since it started (a resumed run since its first start; the demo reuses its id, and
# a second demo counted the first one's rows as its own), and the earlier filings it stored only to compare a new one
# with: they carry no run id (so no briefing quotes last year's 10-K as new), but their findings are this run's, and
# the summary must add up. A document by when it was fetched: an undated one an --as-of run stores counts as first
# stored on the run's as-of day, before the run started. Then its findings with a sentence said again within a
# document counted once, where it is first said: what a briefing, Slack and `watchdesk findings` count. One statement,
# not five (~3 ms of CPU each to plan and send).
_STORED = f"""
WITH since AS (SELECT min(started_at) AS started FROM runs WHERE run_id = $1)
SELECT
    (SELECT count(*) FROM documents, since WHERE run_id = $1 AND fetched_at >= since.started),
    (SELECT count(*) FROM findings, since WHERE run_id = $1 AND created_at >= since.started),
    (SELECT count(*) FROM gaps, since WHERE run_id = $1 AND created_at >= since.started),
    (SELECT count(DISTINCT d.doc_id) FROM documents d JOIN filing_comparisons c ON c.old_doc_id = d.doc_id, since
      WHERE c.run_id = $1 AND d.run_id IS NULL AND d.first_stored_at >= since.started),
    (SELECT count(*) FROM (SELECT f.* FROM findings f, since WHERE f.run_id = $1 AND f.created_at >= since.started
      QUALIFY NOT {SAID_AGAIN}))
"""


def stored_by(store: Store, run_id: str) -> tuple[dict[str, int], int]:
    """(how many documents, findings and gaps the run stored, and the earlier filings where it stored any; how many of
    its findings a briefing counts). run.counts are the whole database's."""
    ((documents, findings, gaps, earlier, once),) = store.query(_STORED, [run_id])
    counts = {"documents": int(documents), "findings": int(findings), "gaps": int(gaps)}
    return counts | ({EARLIER: int(earlier)} if earlier else {}), int(once)
