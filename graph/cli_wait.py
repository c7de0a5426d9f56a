"""How `watchdesk run` and `watchdesk approve` wait: for a database another run holds, for approval with the
database closed (at the prompt, or unattended with a notice left), and what the prompt shows of a waiting run."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from watchdesk.graph.cli import progress
from watchdesk.graph.console import err
from watchdesk.graph.settings import Settings
from watchdesk.sources.errors import DatabaseInUseError, HeldByWatchdeskError

if TYPE_CHECKING:
    from watchdesk.agents.briefing.delivery_types import Outcome
    from watchdesk.graph.runner import OnWait, RunOutcome
    from watchdesk.graph.state import Step
    from watchdesk.graph.watchlist import Watchlist
    from watchdesk.store.store import Store


def when_free(start: Callable[[], RunOutcome], *, budget: float,
              sleep: Callable[[float], None] = time.sleep) -> RunOutcome:  # fmt: skip
    """A scheduled run that finds the database held by another watchdesk run waits and tries again, up to
    WATCHDESK_LOCK_WAIT_S seconds (a new user's walkthrough: two watchlists installed for Monday 07:00 on one database
    and the second failed with exit 3 every week). Held by anything else (a notebook), or past the wait: exit 3.
    `budget` is Settings.lock_wait_s: a WATCHDESK_LOCK_WAIT_S of "abc" was read only here, as the run met a held
    database, and stopped it as a bug ("unexpected ValueError")."""
    waited = 0.0
    while True:
        try:
            return start()
        except DatabaseInUseError as exc:
            if waited >= budget or not isinstance(exc, HeldByWatchdeskError):
                raise
            err.print(f"the database is in use by another watchdesk run; waiting ({waited:.0f} of {budget:.0f} s)")
            sleep(15.0)
            waited += 15.0


def left_waiting(wl: Watchlist, settings: Settings, told: list[Outcome]) -> OnWait:
    """What a run left waiting unattended does in its store before closing it: says how to approve it, supersedes the
    older runs waiting for the same period, and leaves its notice, telling the targets (`told`: how that went)."""
    from watchdesk.graph.cli_outcome import print_outcome
    from watchdesk.graph.delivery import notify_awaiting_approval
    from watchdesk.graph.resume import supersede_waiting

    def left(store: Store, outcome: RunOutcome) -> None:
        print_outcome(outcome, settings)
        supersede_waiting(store, outcome.run_id, report=progress())
        told.extend(notify_awaiting_approval(watchlist=wl, settings=settings, store=store, run_id=outcome.run_id,
                                             report=progress()))  # fmt: skip

    return left


def run_then_ask(wl: Watchlist, settings: Settings) -> RunOutcome:
    """Run up to the approval, stop there (everything stored, the database closed), ask, then resume as
    `watchdesk approve` would: a person may take minutes to answer, and a notebook or `watchdesk runs` must be
    able to open the file meanwhile."""
    from watchdesk.graph import runner
    from watchdesk.graph.cli_ask import ask
    from watchdesk.graph.delivery import notify_awaiting_approval
    from watchdesk.graph.resume import load_stopped, supersede_waiting

    request: dict[str, Any] = {}

    def before_asking(store: Store, outcome: RunOutcome) -> None:  # in the run's store, before it closes
        supersede_waiting(store, outcome.run_id, report=progress())  # it waits now, as an unattended run: one a period
        # and leaves its notice file before asking, so one left at the prompt (a closed terminal too) has its trace;
        # the answer removes it. The targets are not told: the person asked is here.
        notify_awaiting_approval(watchlist=wl, settings=settings, store=store, run_id=outcome.run_id,
                                 report=progress(), tell_targets=False)  # fmt: skip
        plan = cast("list[Step]", load_stopped(outcome.run_id, settings, store=store).plan)
        request.update(asking(outcome.run_id, plan, settings, store=store))

    outcome = runner.start_run(wl, settings, approver=None, report=progress(), on_wait=before_asking)
    if outcome.status != "awaiting_approval":
        return outcome
    try:
        answer = ask(request)
    except KeyboardInterrupt as exc:  # Ctrl-C at the prompt: exit 130, naming the waiting run and its database
        exc.run_id, exc.db_path = outcome.run_id, settings.db_path  # type: ignore[attr-defined]
        raise
    if answer is None:
        return outcome
    return runner.resume_run(outcome.run_id, settings, decision=answer, report=progress())


def ask_first(run_id: str, settings: Settings) -> Any:
    """A waiting run's plan, shown, and the prompt's answer (None: no answer, the run keeps waiting); an interrupted
    run was approved before: it resumes without asking."""
    from watchdesk.graph.cli_ask import ask
    from watchdesk.graph.resume import load_stopped, reading

    with reading(settings) as store:  # closed while the prompt waits
        stopped = load_stopped(run_id, settings, store=store)
        if not stopped.waiting:
            return "approve"
        request = asking(run_id, cast("list[Step]", stopped.plan), settings, store=store, approving=True)
    return ask(request)


def asking(run_id: str, plan: list[Step], settings: Settings, *, store: Store,
           approving: bool = False) -> dict[str, Any]:  # fmt: skip
    """What the prompt shows of a waiting run: its plan, and why it waits (the policy's rule), as its notice says."""
    from watchdesk.graph.approval import why_waiting
    from watchdesk.graph.planner import approver_email_note, describe, email_setting_note

    why = why_waiting(store, run_id)
    # `approve` delivers from this shell, whatever environment the waiting run had
    note = approver_email_note(plan, smtp_url=settings.smtp_url) if approving else \
        email_setting_note(plan, smtp_url=settings.smtp_url)
    text = describe(plan) + note
    return {"run_id": run_id, "plan": plan, "text": text, "why": why}
