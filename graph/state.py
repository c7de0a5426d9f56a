"""Typed graph state: one TypedDict per level, explicit reducers."""

from __future__ import annotations

import operator
from typing import Annotated, Any, Literal, TypedDict

AgentName = Literal["filings", "transcripts", "news", "flagging", "briefing"]


class Step(TypedDict):
    """One planned action: which agent does what to which target, under which permission."""

    id: str
    agent: AgentName
    action: str
    target: str
    permission: str
    params: dict[str, Any]


class StepResult(TypedDict):
    step_id: str
    status: Literal["done", "failed", "refused"]
    summary: str
    new_doc_ids: list[str]
    gaps: list[str]


class RunState(TypedDict, total=False):
    run_id: str
    plan: list[Step]
    approval: Literal["approved", "edited", "rejected", "not_needed"]
    results: Annotated[list[StepResult], operator.add]
    briefing_path: str | None
    briefing_paths: list[str]


class StepInput(TypedDict):
    """What the supervisor sends to one agent branch."""

    step: Step
