"""What `watchdesk run`, `approve` and `demo` say of a run's outcome, and the exit status it comes to: the counts, the
gaps and the briefing's paths; exit 1 for a bug, a source that failed or a delivery that did not arrive."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from watchdesk.graph.cli_group import EXIT_ERROR
from watchdesk.graph.console import err, escape
from watchdesk.graph.settings import Settings
from watchdesk.sources.redact import redact_text

if TYPE_CHECKING:
    from watchdesk.graph.runner import RunOutcome


def exit_on_bug(outcome: RunOutcome) -> None:
    """Exit 1 when a bug left a gap in the demo (a review: it exited 0, so `make demo` hid it); what the recording
    lacks is the demo's expected gaps, not a failure."""
    from watchdesk.graph.failures import said as failure_lines

    if bugs := [f for f in outcome.failures if f.bug]:
        for line in failure_lines(bugs):
            err.print(escape(redact_text(line)), soft_wrap=True)
        raise SystemExit(EXIT_ERROR)


def print_outcome(outcome: RunOutcome, settings: Settings, *, plan_shown: bool = False) -> None:
    if outcome.status == "awaiting_approval":
        plan = "" if plan_shown else f"\n{escape(redact_text(outcome.plan_text))}\n"
        err.print(
            f"{plan}\nrun {outcome.run_id} is awaiting approval: "
            f"watchdesk approve {outcome.run_id} --db {escape(str(settings.db_path))}",
            soft_wrap=True,
        )
        return
    mine = ", ".join(f"{v} {k if v != 1 else k.replace('filings', 'filing').rstrip('s')}{_once(outcome, k, v)}"
                     for k, v in outcome.this_run.items())
    total = ", ".join(f"{k} {v}" for k, v in outcome.counts.items() if k in {"documents", "findings", "gaps"})
    from watchdesk.agents.briefing.text import plural

    requests = plural(outcome.fetches, "request")
    detail = "; ".join(p for p in (mine and f"this run: {mine}", requests, total and f"database: {total}") if p)
    err.print(f"run {outcome.run_id}: {outcome.status} ({detail})")
    for gap in outcome.gaps:
        err.print(f"  [yellow]gap[/yellow] {escape(redact_text(gap))}")
    for path in outcome.briefing_paths or ([outcome.briefing_path] if outcome.briefing_path else []):
        click.echo(path)


def _once(outcome: RunOutcome, what: str, stored: int) -> str:
    """After this run's findings, how many a briefing counts where that is fewer: "971 findings (880 with a sentence
    said again within a document counted once, as a briefing counts)"."""
    counted = outcome.findings_counted
    if what != "findings" or counted is None or counted == stored:
        return ""
    return f" ({counted} with a sentence said again within a document counted once, as a briefing counts)"


def exit_on_failure(outcome: RunOutcome, settings: Settings) -> None:
    """Exit 1, as the README's table says, when every source of the run failed, when a source failed after its
    retries (or by a bug) and left a gap, when a document could not be flagged or the briefing not written (a bug),
    or when a delivery of this run failed or was refused, as `watchdesk brief --deliver` does: the run and what it read
    are stored either way. A source with nothing to read is no failure."""
    from watchdesk.graph.failures import said as failure_lines
    from watchdesk.graph.failures import what_then

    if outcome.status != "done":
        return
    if outcome.nothing_fetched:  # a cron job must not read a dead week as a quiet one
        for line in failure_lines([f for f in outcome.failures if f.agent in ("flagging", "briefing")]):
            err.print(escape(redact_text(line)), soft_wrap=True)
        again = what_then(outcome.gaps, replay=settings.mode == "replay")
        err.print(f"every source of this run failed ({', '.join(outcome.failed_steps)}; see the gaps above): nothing "
                  f"was fetched, and the briefing says so; {again}")
        raise SystemExit(EXIT_ERROR)
    from watchdesk.graph.delivery import not_delivered_said, undelivered

    missed = outcome.undelivered
    if missed is None:  # an outcome its run did not make (a test's): read from the store, as the run read it
        from watchdesk.store.store import Store

        with Store.open(settings.db_path, read_only=True) as store:
            missed = undelivered(store, outcome.run_id, db_path=settings.db_path)
    for line in failure_lines(outcome.failures):  # a cron job must see a hole in the week even when the rest was read
        err.print(escape(redact_text(line)), soft_wrap=True)
    for line in not_delivered_said(missed.rows, resend=missed.resend):
        err.print(escape(line), soft_wrap=True)
    if missed.rows or outcome.failures:
        raise SystemExit(EXIT_ERROR)

