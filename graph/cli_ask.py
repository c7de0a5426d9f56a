"""The approval prompt: approve, reject, or keep some steps by number, range or id; asks again on a typo."""

from __future__ import annotations

from typing import Any

import click

from watchdesk.graph.console import err, escape
from watchdesk.graph.select import select_steps
from watchdesk.graph.state import Step
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.redact import redact_text


def ask(request: dict[str, Any]) -> Any:
    """An approver for runner.start_run; None (end of input, Ctrl-C) leaves the run awaiting approval."""
    err.print(f"\n[bold]Plan for run {escape(request['run_id'])}[/bold]\n{escape(redact_text(request['text']))}\n")
    try:
        # no default: pressing Enter at an approval gate approves nothing, it asks again
        answer = click.prompt("approve / reject / edit", type=click.Choice(["approve", "reject", "edit"]))
        return answer if answer != "edit" else {"decision": "edit", "keep": ask_keep(request["plan"])}
    except click.Abort:
        err.print("\nno answer: the run stays awaiting approval")
        return None


def ask_keep(plan: list[Step]) -> list[str]:
    """Step ids to keep, read as "1-3,7" (numbers as shown), ids, or both; a mistyped answer is asked again."""
    while True:
        keep = click.prompt("steps to keep (numbers, ranges like 1-3, or ids)", default=f"1-{len(plan)}")
        try:
            return select_steps(keep, plan)
        except ConfigError as exc:
            err.print(f"[yellow]{escape(str(exc))}[/yellow]; try again")
