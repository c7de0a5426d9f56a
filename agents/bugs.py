"""A bug met on one item an agent reads (a filing, a call, a feed, a feed's item): that item's gap, never the end of the
agent's step. Said as the CLI says a bug and audited as a failed action, so the run exits 1 as a partial run."""

from __future__ import annotations

from datetime import UTC, datetime

from watchdesk.sources.errors import unexpected
from watchdesk.sources.redact import redact_text
from watchdesk.store.records import ActionRecord
from watchdesk.store.store import Store


def audit_bug(store: Store, exc: Exception, *, agent: str, action: str, run_id: str, target: str, doing: str) -> str:
    """The bug's text (secrets redacted: "unexpected KeyError in feeds.py:42 reading https://...: 'link'; please
    report it"), audited under `target`, which the item's gap must name for the run to count it as a failure."""
    reason = redact_text(unexpected(exc, doing=doing))
    audit_failed(store, run_id=run_id, agent=agent, action=action, target=redact_text(target), reason=reason)
    return reason


def audit_failed(
    store: Store, *, run_id: str, agent: str, action: str, target: str, reason: str, at: datetime | None = None
) -> None:
    """A failed action in the audit table (outcome "error"): what makes a run partial (graph/failures.py)."""
    store.record_actions([ActionRecord(run_id=run_id, agent=agent, action=action, target=target, attempt=1,
                                       outcome="error", detail=reason, at=at or datetime.now(UTC))])  # fmt: skip
