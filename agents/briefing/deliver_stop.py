"""What a Ctrl-C during a delivery leaves recorded: the sends it stopped, as they may have gone, and the targets it
came before, as not sent, with the command that sends them."""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from contextlib import suppress

import duckdb

from watchdesk.agents.briefing.delivery_rows import key, record, resend_command, unsure_then
from watchdesk.agents.briefing.delivery_types import Message, Outcome, Target, target_names
from watchdesk.sources.errors import WatchdeskError
from watchdesk.store.store import Store


def stopped_sending(store: Store, msg: Message, ids: Mapping[tuple[str, str], str], *, handed_over: bool | None,
                    report: Callable[[str], None]) -> None:  # fmt: skip
    """The sends a Ctrl-C stopped during an attempt (begun, never recorded): `unconfirmed` when the message may have
    been handed over (or nothing says it was not), else `failed`; each said. Left `sending` (the next delivery calls
    it unconfirmed, with nobody told meanwhile) when the store refuses the row."""
    for (kind, target), delivery_id in ids.items():
        status, why = ("failed", "stopped (Ctrl-C) before the message was handed over, so not sent") if handed_over \
            is False else ("unconfirmed", "stopped (Ctrl-C) while it was being sent, so it may have arrived; "
                                          f"{unsure_then(msg, store.path)}")  # fmt: skip
        report(f"delivery {kind} {target}: {status} ({why})")
        record_stopping(store, msg, Outcome(kind=kind, target=target, status=status, attempts=1, error=why),
                        delivery_id=delivery_id)  # fmt: skip


def not_begun(store: Store, msg: Message, rest: Sequence[Target], *, said: Container[tuple[str, str]],
              report: Callable[[str], None]) -> None:  # fmt: skip
    """The targets a Ctrl-C came before (never begun): each said and recorded not sent (failed), with the command
    that sends them; those `said` already (an outcome, a send stopped, a target this briefing reached) are left out."""
    why = "not sent: the Ctrl-C stopped the delivery before its turn"
    left = list(dict.fromkeys((t.kind, name) for t in rest for name in target_names(t)
                              if key(t.kind, name) not in said))  # fmt: skip
    for kind, name in left:
        report(f"delivery {kind} {name}: {why}")
        record_stopping(store, msg, Outcome(kind=kind, target=name, status="failed", error=why))
    if left:
        report(f"not begun after the Ctrl-C: {'; '.join(f'{k} {n}' for k, n in left)}; "
               f"{resend_command(msg, store.path)} sends the briefing to each target it has not reached")


def record_stopping(store: Store, msg: Message, outcome: Outcome, *, delivery_id: str | None = None) -> None:
    """An outcome recorded as a Ctrl-C stops the delivery: left unrecorded when the store refuses it. The Ctrl-C's
    watcher (graph/signals.py) may interrupt this very statement as it stops the queries running: tried once more,
    after which the statement is this process's last."""
    for last in (False, True):
        try:
            with suppress(WatchdeskError, duckdb.Error):
                record(store, msg, kind=outcome.kind, target=outcome.target, status=outcome.status,
                       attempts=outcome.attempts, error=outcome.error, delivery_id=delivery_id)  # fmt: skip
            break
        except KeyboardInterrupt:
            if last:
                raise
