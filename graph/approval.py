"""Human approval of the plan, when the watchlist's policy asks for it."""

from __future__ import annotations

from typing import Any, Literal

from langgraph.runtime import Runtime
from langgraph.types import Command, interrupt

from watchdesk.graph.deps import Deps
from watchdesk.graph.planner import describe
from watchdesk.graph.select import select_steps
from watchdesk.graph.state import RunState, Step
from watchdesk.sources.errors import ConfigError


def approval_due(mode: str, *, approved_before: int) -> bool:
    """`always`, `never`, or `first:N` (the first N runs of a watchlist, as its file now reads, need a person's
    yes)."""
    if mode == "always":
        return True
    if mode.startswith("first:"):
        return approved_before < int(mode.split(":", 1)[1])
    return False


def approval_node(state: RunState, runtime: Runtime[Deps]) -> Command[Literal["supervisor"]]:
    deps = runtime.context
    # `first:N` counts approved runs of this watchlist as it is now: a changed file (another recipient, domain or
    # source) is a new watchlist to approve, even under the same name.
    # Only approvals of the whole plan given before this run started count: the node runs again when the run is
    # resumed, and another run approved meanwhile must not turn this one's answer (an edit, say) into "not needed".
    approved, changed = deps.store.query(
        "SELECT count(*) FILTER (WHERE watchlist_hash = ?), count(*) FILTER (WHERE watchlist_hash <> ?) FROM runs "
        "WHERE watchlist = ? AND approval = 'approved' AND run_id <> ? "
        # an approved run later interrupted has no finished_at: it was approved before it started its steps
        "AND coalesce(finished_at, started_at) < coalesce((SELECT started_at FROM runs WHERE run_id = ?), now())",
        [fingerprint := deps.watchlist.fingerprint(), fingerprint, deps.watchlist.name, deps.run_id, deps.run_id],
    )[0]
    if not approval_due(deps.watchlist.policy.approval, approved_before=int(approved)):
        return Command(goto="supervisor", update={"approval": "not_needed"})
    if changed and not approved and deps.watchlist.policy.approval.startswith("first:"):
        deps.report("approval asked again: the watchlist changed since its last approved run")
    answer = interrupt({"run_id": deps.run_id, "plan": state["plan"], "text": describe(state["plan"])})
    decision, plan = apply_answer(answer, state["plan"])
    deps.report(f"plan {decision}")
    return Command(goto="supervisor", update={"approval": decision, "plan": plan})


def apply_answer(answer: Any, plan: list[Step]) -> tuple[Literal["approved", "edited", "rejected"], list[Step]]:
    """Read a resume value: "approve", "reject", or {"decision": "edit", "keep": [...]} where each kept item is a
    step id, a step number as shown at the prompt ("3") or a range ("1-3").

    An edit may only drop steps: a person can narrow the plan, never add targets to it here.
    """
    if answer in ("approve", "approved", True):
        return "approved", plan
    if answer in ("reject", "rejected", False, None):
        return "rejected", plan
    if isinstance(answer, dict) and answer.get("decision") == "edit":
        keep = set(select_steps(answer.get("keep", []), plan))
        # a narrowed plan is no approval of the watchlist's whole plan: first:N does not count it
        return ("approved" if keep >= {s["id"] for s in plan} else "edited"), [s for s in plan if s["id"] in keep]
    raise ConfigError(f"approval answer not understood: {answer!r} (use approve, reject or edit)")
