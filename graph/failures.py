"""What failed in a run and left a gap: recorded (a gap and an audit row), read back, and said to the user.

A run with such a failure is still `done` (what it could read is stored and briefed) but partial: it exits 1 and its
record says so, so a cron job sees the hole in the week.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import NamedTuple

from watchdesk.agents.bugs import audit_failed
from watchdesk.store.records import GapRecord
from watchdesk.store.store import Store


class Failure(NamedTuple):
    agent: str  # filings, transcripts, news, flagging, briefing
    action: str  # http.get, step, filing, flag, brief, deliver
    target: str
    why: str
    bug: bool  # raised by a bug (an audit row with outcome "error"), not a source that did not answer

    def __str__(self) -> str:
        return f"{self.agent} ({self.target}: {self.why})"


def record_failure(
    store: Store,
    *,
    run_id: str,
    agent: str,
    action: str,
    target: str,
    reason: str,
    ticker: str | None = None,
    audit: bool = True,
    audit_target: str | None = None,
) -> None:
    """A gap naming `target` and why, and (with `audit`) a failed action, which makes the run partial."""
    now = datetime.now(UTC)
    if audit:
        audit_failed(store, run_id=run_id, agent=agent, action=action, target=audit_target or target, reason=reason,
                     at=now)  # fmt: skip
    tried = ("edgar",) if agent == "filings" else ()
    store.record_gap(GapRecord(run_id=run_id, agent=agent, target=target, reason=reason, ticker=ticker, tried=tried,
                               created_at=now))  # fmt: skip


def run_failures(store: Store, run_id: str) -> list[Failure]:
    """What failed and left a gap: a request whose last attempt in the run timed out, could not connect or got a
    server error (5xx, 429), or anything that raised a bug (a step, a filing, a document's flagging, the briefing). A
    source with nothing to read (404, a missing folder, a response not in the replay pack) is a gap, not a failure.
    Only since the run started (a resumed run: its first start): an earlier run of the same id (the demo's) is not
    this one."""
    rows = store.query(
        """
        WITH start AS (SELECT min(started_at) AS t FROM runs WHERE run_id = ?),
        last AS (
            SELECT * FROM actions WHERE run_id = ? AND "at" >= (SELECT t FROM start)
            QUALIFY row_number() OVER (PARTITION BY agent, action, target ORDER BY "at" DESC, attempt DESC) = 1
        )
        SELECT a.agent, a.action, a.target, coalesce('HTTP ' || a.status, nullif(a.detail, ''), a.outcome),
               a.outcome = 'error'
        FROM last a
        WHERE (a.outcome IN ('error', 'timeout') OR (a.outcome = 'http_error' AND (a.status >= 500 OR a.status = 429)))
          AND EXISTS (SELECT 1 FROM gaps g
                      WHERE g.run_id = a.run_id AND g.created_at >= (SELECT t FROM start)
                        AND contains(g.target || ': ' || g.reason, a.target))
        ORDER BY a.agent, a.target
        """,
        [run_id, run_id],
    )
    return [Failure(*row) for row in rows]


def partial_note(failures: list[Failure]) -> str | None:
    """What a done run's record says when something failed: "partial: flagging (...); filings (...)"."""
    return "partial: " + "; ".join(str(f) for f in failures) if failures else None


def said(failures: list[Failure]) -> list[str]:
    """One line per failure for the person at the terminal: what failed, and what that means for the rest."""
    briefed = not any(f.agent == "briefing" and f.action == "brief" for f in failures)
    rest = "stored and briefed" if briefed else "stored"
    lines = []
    for f in failures:
        if f.agent == "briefing":
            lines.append(f"the briefing could not be {'written' if f.action == 'brief' else 'delivered'}: {f.why}")
        elif f.agent == "flagging" and f.action == "step":
            lines.append(f"flagging failed: {f.why}; what was fetched is {rest}, unflagged, and the next run flags "
                         "it")  # fmt: skip
        elif f.agent == "flagging":
            lines.append(f"a document could not be flagged: {f}; the other documents are flagged, {rest}; the next "
                         "run flags it again")  # fmt: skip
        else:
            how = "on a bug" if f.bug else "after its retries"
            lines.append(f"a source failed {how}: {f}; the rest of the run is {rest}, and the next run fetches what "
                         "is missing")  # fmt: skip
    return lines


def what_then(gaps: Sequence[str], *, replay: bool) -> str:
    """What to do when every source of a run failed, as its gaps say why: a replay pack that lacks what was asked, a
    request budget spent, a cik that is another company's, or (live) sources that did not answer."""
    from watchdesk.agents.filing_identity import OTHER_COMPANY
    from watchdesk.sources.gateway import BUDGET_SPENT
    from watchdesk.sources.replay import NOT_RECORDED

    if gaps and all(OTHER_COMPANY in gap for gap in gaps):
        return "correct the watchlist's cik as the gaps say"  # SEC answered: another filer's listing
    if gaps and all(BUDGET_SPENT in gap for gap in gaps):
        return "raise the policy's max_requests_per_run, as the gaps say"  # nothing was asked of the sources
    if not replay:
        return "run it again when the sources answer"
    if all(NOT_RECORDED in gap for gap in gaps):
        return "the replay pack holds none of what they asked for (a live run with --record DIR adds it)"
    return ("a replay answers the same each time: do as the gaps above say (a live run with --record DIR asks the "
            "sources again and records their answers)")
