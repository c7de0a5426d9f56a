"""Approval by number: the prompt and `approve --edit` take step numbers and ranges as shown ("1-3,7"), as well
as ids; a typo is asked again; end of input leaves the run waiting instead of failing it."""

from __future__ import annotations

from typing import Any

import click
import pytest
from click.testing import CliRunner

from watchdesk.graph.approval import apply_answer
from watchdesk.graph.cli_ask import ask
from watchdesk.graph.select import select_steps
from watchdesk.graph.state import Step
from watchdesk.sources.errors import ConfigError

IDS = ["filings:NVDA", "filings:TSM", "transcripts:NVDA", "transcripts:TSM", "flagging", "briefing", "extra:1"]
PLAN: list[Step] = [
    Step(id=i, agent=i.split(":")[0], action="act", target="t", permission="p", params={}) for i in IDS
]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("1-3,7", ["filings:NVDA", "filings:TSM", "transcripts:NVDA", "extra:1"]),
        ("5, 6", ["flagging", "briefing"]),
        (" 2 - 4 ", ["filings:TSM", "transcripts:NVDA", "transcripts:TSM"]),
        ("filings:TSM,5-6", ["filings:TSM", "flagging", "briefing"]),
        ("6,1,6", ["briefing", "filings:NVDA"]),
    ],
)
def test_numbers_ranges_and_ids_select_steps(typed: str, kept: list[str]) -> None:
    assert select_steps(typed, PLAN) == kept


@pytest.mark.parametrize("typed", ["0", "8", "3-9", "5-2", "filings:AMD", "one"])
def test_a_step_that_was_not_planned_is_refused(typed: str) -> None:
    with pytest.raises(ConfigError, match=r"not planned.*step numbers 1-7"):
        select_steps(typed, PLAN)


def test_an_edit_with_numbers_narrows_the_plan_in_its_order() -> None:
    decision, plan = apply_answer({"decision": "edit", "keep": ["6", "1-2"]}, PLAN)
    assert decision == "edited" and [s["id"] for s in plan] == ["filings:NVDA", "filings:TSM", "briefing"]


def prompt(typed: str) -> list[Any]:
    """Run the approval prompt with `typed` as standard input; what it returned."""
    return prompted(typed)[0]


def prompted(typed: str) -> tuple[list[Any], str]:
    """Run the approval prompt with `typed` as standard input; what it returned, and what it printed."""
    got: list[Any] = []

    @click.command()
    def probe() -> None:
        got.append(ask({"run_id": "r1", "plan": PLAN, "text": "1. ...\n7. ..."}))

    result = CliRunner().invoke(probe, input=typed)
    assert result.exit_code == 0, result.output
    return got, result.output


def test_prompt_edit_by_range() -> None:
    assert prompt("edit\n1-3,7\n") == [{"decision": "edit", "keep": [*IDS[:3], "extra:1"]}]


def test_prompt_asks_again_after_a_mistyped_edit() -> None:
    assert prompt("edit\n1-9\nfilings:AMD\n5-6\n") == [{"decision": "edit", "keep": ["flagging", "briefing"]}]


def test_end_of_input_leaves_the_decision_open() -> None:
    assert prompt("") == [None]
    assert prompt("edit\n") == [None]  # end of input in the middle of an edit too


def test_plain_answers_pass_through() -> None:
    assert prompt("reject\n") == ["reject"] and prompt("approve\n") == ["approve"]


def test_enter_alone_approves_nothing() -> None:
    """The runs review: Enter at the approval gate approved the plan (the prompt's default)."""
    assert prompt("\n") == [None] and prompt("\n\nreject\n") == ["reject"]


@pytest.mark.parametrize("typed", ["", ",", " , "])
def test_an_edit_keeping_no_step_is_refused(typed: str) -> None:
    with pytest.raises(ConfigError, match="the edit keeps no step"):
        select_steps(typed, PLAN)


def test_ctrl_c_at_the_prompt_is_an_interrupt_not_a_quiet_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new user's walkthrough (session 22): Ctrl-C at the approval prompt printed "no answer", printed the plan again
    and exited 0; the README says 130. End of input still leaves the run waiting quietly (above)."""
    import os
    import signal

    def ctrl_c(*_args: object, **_kw: object) -> str:
        try:  # as click.prompt does: the interrupt becomes Abort, like end of input
            os.kill(os.getpid(), signal.SIGINT)
        except KeyboardInterrupt:
            raise click.Abort() from None
        raise AssertionError("unreachable")

    monkeypatch.setattr(click, "prompt", ctrl_c)
    with pytest.raises(KeyboardInterrupt) as info:
        ask({"run_id": "r1", "plan": PLAN, "text": "1. ..."})
    assert getattr(info.value, "run_id", None) == "r1"


def test_a_scheduled_run_waits_for_another_run_to_free_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new user's walkthrough (session 22): two watchlists installed for Monday 07:00 on one database, and the
    second failed with exit 3 every week. A scheduled run now waits for another watchdesk run, not for a notebook."""
    from watchdesk.graph.cli_wait import when_free
    from watchdesk.graph.settings import from_env
    from watchdesk.sources.errors import DatabaseInUseError, HeldByWatchdeskError

    held = "database in use: w.duckdb is held by a watchdesk process (PID 7). Wait for that run to finish."
    tries: list[int] = []
    slept: list[float] = []

    def start() -> str:
        tries.append(1)
        if len(tries) < 3:
            raise HeldByWatchdeskError(held)
        return "done"

    waited = when_free(start, budget=600.0, sleep=slept.append)  # type: ignore[arg-type]
    assert waited == "done" and slept == [15.0, 15.0]
    monkeypatch.setenv("WATCHDESK_LOCK_WAIT_S", "15")
    tries.clear()
    with pytest.raises(DatabaseInUseError):
        when_free(lambda: (_ for _ in ()).throw(HeldByWatchdeskError(held)),
                  budget=from_env().lock_wait_s, sleep=slept.append)  # fmt: skip
    with pytest.raises(DatabaseInUseError):  # a notebook holding it: no waiting
        when_free(lambda: (_ for _ in ()).throw(DatabaseInUseError("held by another program")),
                  budget=600.0, sleep=lambda _s: pytest.fail("waited for a notebook"))  # fmt: skip
