"""The supervisor: routes planned steps to agents, fans out per ticker, and replans on failure."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal, cast

from langgraph.runtime import Runtime
from langgraph.types import Command, Send

from watchdesk.graph.deps import Deps
from watchdesk.graph.policy import check_step
from watchdesk.graph.state import RunState, Step, StepResult
from watchdesk.sources.redact import redact_text
from watchdesk.store.records import ActionRecord, GapRecord

Route = Literal["supervisor", "filings", "transcripts", "news", "flagging", "briefing", "__end__"]
_FETCHERS = ("filings", "transcripts", "news")


def supervisor(state: RunState, runtime: Runtime[Deps]) -> Command[Route]:
    deps = runtime.context
    deps.audit.flush(deps.store, run_id=state["run_id"])
    if state.get("approval") == "rejected":
        return Command(goto="__end__")
    finished = {r["step_id"] for r in state.get("results", [])}
    pending = [s for s in state["plan"] if s["id"] not in finished]
    refused = [_refuse(s, deps, run_id=state["run_id"]) for s in pending if _refusal(s, deps)]
    if refused:
        # Refused steps are finished (with a gap); route again without them.
        return Command(goto="supervisor", update={"results": refused})
    fetch = _not_held([s for s in pending if s["agent"] in _FETCHERS])
    if fetch:
        return Command(goto=[Send(s["agent"], {"step": s}) for s in fetch])
    for agent in ("flagging", "briefing"):
        step = next((s for s in pending if s["agent"] == agent), None)
        if step is not None:
            return Command(goto=cast(Route, agent))
    return Command(goto="__end__")


def _not_held(fetch: list[Step]) -> list[Step]:
    """The fetch steps to send now: a filings step of a company an earlier pending step also fetches (GOOG, GOOGL:
    one CIK) waits for it, so the company's filings are stored once under the ticker listed first, not under whichever
    thread stored them first (which changed from run to run), and are not fetched twice at once."""
    ciks: set[object] = set()
    now = []
    for step in fetch:
        cik = step["params"].get("cik") if step["agent"] == "filings" else None
        if cik and cik in ciks:
            continue
        ciks.add(cik)
        now.append(step)
    return now


def _refusal(step: Step, deps: Deps) -> str | None:
    return check_step(step, policy=deps.watchlist.policy, out_dir=deps.settings.out_dir)


def _refuse(step: Step, deps: Deps, *, run_id: str) -> StepResult:
    reason = f"refused by policy: {_refusal(step, deps)}"
    deps.store.record_gap(
        GapRecord(
            run_id=run_id,
            agent=step["agent"],
            target=step["target"],
            reason=reason,
            ticker=step["params"].get("ticker"),
            created_at=datetime.now(UTC),
        )
    )
    # a refusal is an action like any other: the audit table shows what the sandbox stopped, and why
    deps.store.record_actions([ActionRecord(
        run_id=run_id, agent=step["agent"], action=f"step.{step['action']}", target=redact_text(step["target"]),
        attempt=1, outcome="refused", detail=reason, at=datetime.now(UTC))])  # fmt: skip
    deps.report(f"refused {step['id']}: {reason}")
    return StepResult(step_id=step["id"], status="refused", summary=reason, new_doc_ids=[], gaps=[reason])
