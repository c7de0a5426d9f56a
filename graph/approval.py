"""Human approval of the plan, when the watchlist's policy asks for it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from langgraph.runtime import Runtime
from langgraph.types import Command, interrupt

from watchdesk.graph.deps import Deps
from watchdesk.graph.planner import describe, email_setting_note
from watchdesk.graph.select import select_steps
from watchdesk.graph.state import RunState, Step
from watchdesk.sources.errors import ConfigError
from watchdesk.store.store import Store


def approval_due(mode: str, *, approved_before: int) -> bool:
    """`always`, `never`, or `first:N` (runs of a watchlist, as its file now reads, need a person's yes until N of
    them are approved)."""
    if mode == "always":
        return True
    if mode.startswith("first:"):
        return approved_before < int(mode.split(":", 1)[1])
    return False


CHANGED = "approval asked again: the watchlist changed since its last approved run"


# A trial: a run --as-of a day before the day it ran (a past week replayed from recorded data). Its approval was for
# the trial: it counts only for other trials, never for the watchlist run for real.
TRIAL = "coalesce(as_of < started_at::DATE, false)"
TRIAL_RULE = "an approved run --as-of a past day (a trial on recorded data) counts only for other such runs"


def approval_counts(
    store: Store, *, watchlist: str, fingerprints: Sequence[str], run_id: str, trial: bool | None = None
) -> tuple[int, int]:
    """(approved runs of the watchlist as its file now reads, approved runs of it as it read before), counting only
    approvals given before `run_id` started, and those of trials (TRIAL) only when the run asking is one (`trial`,
    read from `run_id`'s row when None). `fingerprints` are those of the watchlist as it now reads (with its relative
    paths read from its folder, and as written, as runs stored them before)."""
    # `first:N` counts approved runs of this watchlist as it is now: a changed file (another recipient, domain or
    # source) is a new watchlist to approve, even under the same name.
    # Only approvals of the whole plan given before this run started count: the node runs again when the run is
    # resumed, and another run approved meanwhile must not turn this one's answer (an edit, say) into "not needed".
    if trial is None:
        trial = is_trial(store, run_id)
    same = f"watchlist_hash IN ({', '.join('?' * len(fingerprints))})"
    approved, changed = store.query(
        f"SELECT count(*) FILTER (WHERE {same}), count(*) FILTER (WHERE NOT {same}) FROM runs "
        f"WHERE watchlist = ? AND approval = 'approved' AND run_id <> ? AND (? OR NOT {TRIAL}) "
        # an approved run later interrupted has no finished_at: it was approved before it started its steps
        "AND coalesce(finished_at, started_at) < coalesce((SELECT started_at FROM runs WHERE run_id = ?), now())",
        [*fingerprints, *fingerprints, watchlist, run_id, trial, run_id],
    )[0]
    return int(approved), int(changed)


def is_trial(store: Store, run_id: str) -> bool:
    """Is the stored run `run_id` a trial (TRIAL)? False for none."""
    rows = store.query(f"SELECT {TRIAL} FROM runs WHERE run_id = ?", [run_id])
    return bool(rows and rows[0][0])


def trials_approved(store: Store, *, watchlist: str, fingerprints: Sequence[str], run_id: str) -> int:
    """How many approved trials of the watchlist (as it now reads or read before: a goal's dates move, and a trial did
    not count either way) do not count for `run_id`, a run for real."""
    if is_trial(store, run_id):
        return 0
    counts = [sum(approval_counts(store, watchlist=watchlist, fingerprints=fingerprints, run_id=run_id, trial=t))
              for t in (True, False)]  # fmt: skip
    return counts[0] - counts[1]


def approval_reason(
    mode: str, *, approved: int, changed: int, since: int = 0, trials: int = 0, goal: bool = False
) -> str:
    """Why a run waits for a person's yes, in the words of the notice and `approve --show`: `approved` runs of the
    watchlist as it now reads were approved before the run started, `changed` of it as it read before, `since`
    of it since the run started (which it asks all the same: it asks as things stood when it started), and `trials`
    approved trials of it, which count only for other trials. A `goal` run on the spot (`run "GOAL"`) has no file:
    its runs are those of the goal, planned on any day."""
    if not mode.startswith("first:"):
        return f'the policy wants a person\'s yes on every run (approval = "{mode}")'
    from watchdesk.agents.briefing.text import plural

    n = int(mode.split(":", 1)[1])
    # approvals, not runs: a rejected run, or an edited (narrowed) plan, does not count towards N
    whose = "of this goal" if goal else "of the watchlist as its file now reads"
    rule = (f"the policy wants a person's yes until {plural(n, 'run')} {whose} "
            f"{'is' if n == 1 else 'are'} approved (approval = \"{mode}\")")  # fmt: skip
    if changed and not approved and n == 1:
        return CHANGED
    said = f"{CHANGED}; {rule}" if changed and not approved else rule
    later = f", {since} since (this run asks all the same: it asks as things stood when it started)" if since else ""
    return f"{said}; {approved} approved before this run started{later}{trials_said(trials)}"


def trials_said(trials: int) -> str:
    """Approved trials that did not count, said after the approvals that did."""
    if not trials:
        return ""
    from watchdesk.agents.briefing.text import plural

    return (f"; {plural(trials, 'approved run')} --as-of a past day not counted: a trial on recorded data counts "
            "only for other such runs")


def why_waiting(store: Store, run_id: str) -> str:
    """Why a stored run waits for approval, as its policy and the approvals before it say, counted as the run counted
    them: runs stored before its file's relative paths were read from the file's folder are the same watchlist, and
    so are a goal's runs planned on other days (its dates, and with them its fingerprint, move with the day)."""
    import json

    sql = "SELECT watchlist, watchlist_hash, watchlist_json, watchlist_path FROM runs WHERE run_id = ?"
    ((name, fingerprint, stored, path),) = store.query(sql, [run_id])
    mode = str(json.loads(stored or "{}").get("policy", {}).get("approval", "never"))
    fingerprints = [fingerprint, *_as_written(store, name=name, fingerprint=fingerprint, path=path)]
    goal = not path and str(name).startswith("goal-")
    if goal:  # a goal run on the spot: its runs of other days count (as_before)
        from watchdesk.graph.goal.earlier import same_goal

        fingerprints += same_goal(store, name=name, stored=stored)
    approved, changed = approval_counts(store, watchlist=name, fingerprints=fingerprints, run_id=run_id)
    now, _ = approval_counts(store, watchlist=name, fingerprints=fingerprints, run_id="",
                             trial=is_trial(store, run_id))  # fmt: skip
    trials = trials_approved(store, watchlist=name, fingerprints=fingerprints, run_id=run_id)
    return approval_reason(mode, approved=approved, changed=changed, since=now - approved, trials=trials, goal=goal)


def _as_written(store: Store, *, name: str, fingerprint: str, path: str | None) -> list[str]:
    """The fingerprints of approved runs of the watchlist stored with its relative paths as written, which are this
    run's watchlist read from its file's folder (as the run counted them: graph/watchlist_paths.anchored)."""
    from pydantic import ValidationError

    from watchdesk.graph.watchlist import Watchlist
    from watchdesk.graph.watchlist_paths import BRIEFING_FOLDER_NAME, anchored, as_briefing_folder

    if not path:
        return []
    rows = store.query("SELECT DISTINCT watchlist_hash, watchlist_json FROM runs WHERE watchlist = ? "
                       "AND approval = 'approved' AND watchlist_hash <> ?", [name, fingerprint])  # fmt: skip
    same = []
    for other, stored in rows:
        try:
            read = anchored(Watchlist.model_validate_json(stored or "{}"), base=Path(path).parent)
            # its file target "briefings" made absolute, before that was the briefing folder (as the run counted it)
            folder = as_briefing_folder(read, folder=str(Path(path).parent.resolve() / BRIEFING_FOLDER_NAME))
            same += [str(other)] if fingerprint in (read.fingerprint(), folder.fingerprint()) else []
        except ValidationError:  # a watchlist stored by a version that read it otherwise: not this one
            continue
    return same


def plan_said(plan: list[Step]) -> str:
    """A plan as the prompt shows it (steps, companies, sources, delivery targets), any secret in a URL redacted."""
    from watchdesk.agents.briefing.text import plural
    from watchdesk.sources.redact import redact_text

    return f"The plan ({plural(len(plan), 'step')}):\n{redact_text(describe(plan))}"


def approval_node(state: RunState, runtime: Runtime[Deps]) -> Command[Literal["supervisor"]]:
    deps = runtime.context
    approved, changed = approval_counts(deps.store, watchlist=deps.watchlist.name,
                                        fingerprints=deps.watchlist.fingerprints(), run_id=deps.run_id)  # fmt: skip
    if not approval_due(deps.watchlist.policy.approval, approved_before=approved):
        return Command(goto="supervisor", update={"approval": "not_needed"})
    if changed and not approved and deps.watchlist.policy.approval.startswith("first:"):
        deps.report(CHANGED)
    text = describe(state["plan"]) + email_setting_note(state["plan"], smtp_url=deps.settings.smtp_url)
    answer = interrupt({"run_id": deps.run_id, "plan": state["plan"], "text": text})
    decision, plan = apply_answer(answer, state["plan"])
    _audit_decision(deps, decision, asked=state["plan"], kept=plan)
    deps.report(f"plan {decision}")
    return Command(goto="supervisor", update={"approval": decision, "plan": plan})


def _audit_decision(deps: Deps, decision: str, *, asked: list[Step], kept: list[Step]) -> None:
    """The decision as an audit row: who answered (the account the answer came from), when, and the steps an edit
    left out, by id (the stored plan is the edited one: the row keeps what was asked)."""
    import getpass
    from datetime import UTC, datetime

    from watchdesk.store.records import ActionRecord

    try:
        who = getpass.getuser()
    except (OSError, KeyError):  # no login name in a container
        who = "unknown account"
    ids = {s["id"] for s in kept}
    dropped = [s["id"] for s in asked if s["id"] not in ids]
    detail = (f"by {who}; the plan of {len(asked)} steps rejected" if decision == "rejected" else
              f"by {who}; {len(kept)} of {len(asked)} steps kept" + f", left out: {', '.join(dropped)}" * bool(dropped))
    deps.store.record_actions([ActionRecord(run_id=deps.run_id, agent="approval", action=f"plan.{decision}",
                                            target=deps.watchlist.name, attempt=1, outcome=decision, detail=detail,
                                            at=datetime.now(UTC))])  # fmt: skip


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
