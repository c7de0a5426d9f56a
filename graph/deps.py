"""What graph nodes receive at run time (LangGraph `Runtime[Deps]`): injected, never global."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist
from watchdesk.sources.models import AuditEvent, CompanyRef, Fetcher
from watchdesk.store.records import ActionRecord
from watchdesk.store.store import Store


class AuditBuffer:
    """The gateway's audit events: held until the run's store is open, then written as they happen.

    Written at once, not at the next supervisor step, so a killed run never holds a stored document
    whose request left no audit row (the row is committed before the document it fetched).
    """

    def __init__(self) -> None:
        self._events: list[ActionRecord] = []
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._run_id: str | None = None
        self.urls: list[str] = []  # every URL requested, in order (tests count fetches with it)

    def __call__(self, event: AuditEvent) -> None:
        record = ActionRecord(
            run_id=event.run_id,
            agent=event.agent,
            action=f"http.{event.method.lower()}",
            target=event.url,
            host=event.host,
            attempt=event.attempt,
            outcome=event.outcome,
            status=event.status,
            nbytes=event.nbytes,
            ms=round(event.ms, 1),
            detail=event.detail,
            at=datetime.now(UTC),
        )
        with self._lock:
            self.urls.append(event.url)
            if self._store is None or self._run_id is None:
                self._events.append(record)
                return
            self._store.record_actions([record if record.run_id else _with_run(record, self._run_id)])

    def attach(self, store: Store, *, run_id: str) -> int:
        """Write what was held (ticker map requests) and every later event straight to `store`."""
        with self._lock:
            self._store, self._run_id = store, run_id
        return self.flush(store, run_id=run_id)

    def flush(self, store: Store, *, run_id: str) -> int:
        with self._lock:
            events, self._events = self._events, []
        # Events from before the run id existed (ticker map) belong to this run too.
        fixed = [e if e.run_id else _with_run(e, run_id) for e in events]
        return store.record_actions(fixed)


def _with_run(event: ActionRecord, run_id: str) -> ActionRecord:
    from dataclasses import replace

    return replace(event, run_id=run_id)


@dataclass(kw_only=True)
class Deps:
    settings: Settings
    watchlist: Watchlist
    companies: dict[str, CompanyRef]
    store: Store
    fetcher: Fetcher
    audit: AuditBuffer
    as_of: date
    run_id: str
    report: Callable[[str], None] = field(default=lambda _msg: None)
    # The optional LLM polarity judge (None: rules only) and the tokens it used, for the run's cost.
    judge: Callable[[list[Any], str, Callable[[int], bool], list[Any]], list[Any] | None] | None = None  # agent.Judge
    usage: Counter[str] = field(default_factory=Counter)
