"""The approval prompt: approve, reject, or keep some steps by number, range or id; asks again on a typo."""

from __future__ import annotations

import signal
from typing import Any

import click

from watchdesk.graph.console import err, escape
from watchdesk.graph.select import select_steps
from watchdesk.graph.state import Step
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.redact import redact_text


def ask(request: dict[str, Any]) -> Any:
    """An approver for runner.start_run; None (end of input, Ctrl-C) leaves the run awaiting approval."""
    why = f"Why: {escape(request['why'])}.\n" if request.get("why") else ""
    err.print(f"\n[bold]Plan for run {escape(request['run_id'])}[/bold]\n{why}{escape(redact_text(request['text']))}\n")
    pressed: list[bool] = []  # Ctrl-C, told apart from end of input (click turns both into Abort)

    def on_ctrl_c(_signum: int, _frame: Any) -> None:
        pressed.append(True)
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGINT, on_ctrl_c)
    except ValueError:  # not the main thread: no handler of ours
        previous = None
    try:
        # no default: pressing Enter at an approval gate approves nothing, it asks again
        answer = click.prompt("approve / reject / edit", value_proc=_answer)
        return answer if answer != "edit" else {"decision": "edit", "keep": ask_keep(request["plan"])}
    except (click.Abort, KeyboardInterrupt) as exc:
        # Ctrl-C: exit 130 as the README says, the run left waiting (a new user's walkthrough, session 22)
        if pressed or isinstance(exc, KeyboardInterrupt):
            stop = KeyboardInterrupt()
            stop.run_id = request["run_id"]  # type: ignore[attr-defined]
            raise stop from None
        err.print("\nno answer: the run stays awaiting approval")
        return None
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


_ANSWERS = {"approve": "approve", "yes": "approve", "reject": "reject", "no": "reject", "edit": "edit"}


def _answer(typed: str) -> str:
    """An answer from what was typed: a word, or its start ("a", "rej", "e"; any case), or yes/no."""
    word = typed.strip().lower()
    found = {answer for name, answer in _ANSWERS.items() if word and name.startswith(word)}
    if len(found) != 1:
        raise click.UsageError(f"{typed.strip()!r} is not an answer: type approve (or a, y), reject (r, n) or edit (e)")
    return found.pop()


def ask_keep(plan: list[Step]) -> list[str]:
    """Step ids to keep, read as "1-3,7" (numbers as shown), ids, or both; a mistyped answer is asked again."""
    while True:
        keep = click.prompt("steps to keep (numbers, ranges like 1-3, or ids)", default=f"1-{len(plan)}")
        try:
            return select_steps(keep, plan)
        except ConfigError as exc:
            err.print(f"[yellow]{escape(str(exc))}[/yellow]; try again")
