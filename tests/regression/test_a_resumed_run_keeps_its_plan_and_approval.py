"""A review: a run resumed with `watchdesk approve` wrote its row anew with no plan and no approval, and kept them so
until it finished. Stopped again before then (Ctrl-C, a kill, a full disk), the approved run read ('running', None):
`approve --show` said "The plan (0 steps):", and under `approval = "first:1"` the next run asked again. Now a resumed
run's row keeps its plan, and the decision it was resumed with (or the approval its row held) from the start."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.regression.demo_slice import WATCHLIST, nvidia_pack, settings
from watchdesk.agents import filings
from watchdesk.graph import runner
from watchdesk.graph.resume import run_said
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.store.store import Store

FIRST_RUN_ASKS = parse_watchlist(WATCHLIST.replace('approval = "never"', 'approval = "first:1"'))


def ctrl_c(*_args: object, **_kw: object) -> Any:
    raise KeyboardInterrupt  # the person presses Ctrl-C while the run fetches


def row(db: Path, run_id: str) -> tuple[str, str | None, list[dict[str, Any]]]:
    with Store.open(db, read_only=True) as store:
        ((status, approval, plan),) = store.query("SELECT status, approval, plan FROM runs WHERE run_id = ?", [run_id])
    return status, approval, json.loads(plan or "[]")


def test_an_approved_run_stopped_while_it_fetches_stays_approved(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    s = settings(tmp_path, nvidia_pack(tmp_path / "pack"))
    waiting = runner.start_run(FIRST_RUN_ASKS, s, run_id="r1")
    steps = [step["id"] for step in row(s.db_path, "r1")[2]]
    assert waiting.status == "awaiting_approval" and "filings:NVDA" in steps
    monkeypatch.setattr(filings, "collect", ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        runner.resume_run("r1", s, decision="approve")
    status, approval, plan = row(s.db_path, "r1")
    assert (status, approval, [step["id"] for step in plan]) == ("running", "approved", steps)
    assert f"The plan ({len(steps)} steps):" in run_said("r1", s)
    # first:1 is satisfied by that approval: the next run does not ask, it goes to fetch (and is stopped there)
    with pytest.raises(runner.RunInterrupted):
        runner.start_run(FIRST_RUN_ASKS, s, run_id="r2")
    assert row(s.db_path, "r1")[:2] == ("interrupted", "approved")  # marked so by r2's start, approval kept

    # resumed from its checkpoint and stopped again: its row still holds the plan and the approval
    with pytest.raises(KeyboardInterrupt):
        runner.resume_run("r1", s, decision=None)
    status, approval, plan = row(s.db_path, "r1")
    assert (status, approval, [step["id"] for step in plan]) == ("running", "approved", steps)


def test_an_edited_plan_is_kept_as_edited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = settings(tmp_path, nvidia_pack(tmp_path / "pack"))
    runner.start_run(FIRST_RUN_ASKS, s, run_id="r1")
    steps = [step["id"] for step in row(s.db_path, "r1")[2]]
    kept = [i for i in steps if i != "briefing"]
    monkeypatch.setattr(filings, "collect", ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        runner.resume_run("r1", s, decision={"decision": "edit", "keep": kept})
    status, approval, plan = row(s.db_path, "r1")
    assert (status, approval, [step["id"] for step in plan]) == ("running", "edited", kept)


def test_a_fresh_run_stopped_before_any_approval_keeps_its_plan(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """A run started fresh (approval = "never") and stopped by Ctrl-C while it fetched stored its plan only at its end
    or at an approval: its row had none, and `approve --show` said "The plan (0 steps):". The plan is now stored as
    soon as it is made."""
    s = settings(tmp_path, nvidia_pack(tmp_path / "pack"))
    monkeypatch.setattr(filings, "collect", ctrl_c)
    with pytest.raises(runner.RunInterrupted):
        runner.start_run(parse_watchlist(WATCHLIST), s, run_id="r1")
    status, approval, plan = row(s.db_path, "r1")
    assert status == "running" and approval is None and "filings:NVDA" in [step["id"] for step in plan]
    assert f"The plan ({len(plan)} steps):" in run_said("r1", s)
