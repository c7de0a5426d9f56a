"""`watchdesk runs RUN_ID`: one run's audit trail, as the actions table holds it (requests, refusals, approvals,
deliveries), oldest first. Secrets were redacted before the rows were written; fetched text is shown inert."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from watchdesk.agents.briefing.delivery_rows import TARGET_KEY
from watchdesk.graph.resume import RESUMED
from watchdesk.sources.errors import ConfigError, did_you_mean
from watchdesk.sources.redact import printable
from watchdesk.store.store import Store


def print_audit(store: Store, run_id: str, *, echo: Callable[[str], None], note: Callable[[str], None]) -> None:
    """Each action of `run_id`: when (UTC), agent, action, outcome, target and what it says; then the outcomes
    counted, and the resends of the run's briefing by id (each one's trail is shown by its id). An unknown run id is
    refused with the nearest ones."""
    # a resend (`watchdesk brief --deliver`) has no run of its own: its rows carry RUN_ID:resend:TIME
    if not store.query("SELECT 1 FROM runs WHERE run_id = ? UNION ALL SELECT 1 FROM actions WHERE run_id = ?",
                       [run_id, run_id]):  # fmt: skip
        import difflib

        known = [r[0] for r in store.query("SELECT run_id FROM runs ORDER BY started_at DESC")]
        if ":resend:" in run_id:  # a resend's id, mistyped or of another time: the resends are the ids to offer
            known = [r[0] for r in store.query("SELECT DISTINCT run_id FROM actions WHERE contains(run_id, ':resend:') "
                                               "ORDER BY run_id DESC")] + known  # fmt: skip
        # a start of an id ("demo", a day's date) names the runs it starts first, newest first: difflib passes them by
        close = [*dict.fromkeys([k for k in known if k.startswith(run_id)] + difflib.get_close_matches(run_id, known))]
        close = close[:3]
        hint = did_you_mean(close) or " (`watchdesk runs` lists them)"
        raise ConfigError(f"no run {run_id!r} in this store{hint}")
    rows = store.query(
        'SELECT "at", agent, action, outcome, target, detail FROM actions WHERE run_id = ? '
        'ORDER BY "at", action_id',
        [run_id],
    )
    for at, agent, action, outcome, target, detail in rows:
        said = f"\t{printable(detail)}" if detail else ""
        echo(f"{at:%Y-%m-%d %H:%M:%S}\t{agent}\t{action}\t{outcome}\t{printable(target)}{said}")
    counted = Counter(r[3] for r in rows)
    resends = [r[0] for r in store.query("SELECT DISTINCT run_id FROM actions WHERE starts_with(run_id, ?) "
                                         "ORDER BY run_id", [f"{run_id}:resend:"])]  # fmt: skip
    later = f"; sent again later by `watchdesk brief --deliver`: {', '.join(resends)}" if resends else ""
    note(f"{run_id}: {len(rows)} action{'s' * (len(rows) != 1)}" + (" (" + ", ".join(
        f"{n} {outcome}" for outcome, n in counted.most_common()) + ")") * bool(rows) + _resumed(rows)
         + later)  # fmt: skip
    if hosts := _llm_hosts(store, run_id):
        note(f"{run_id}: its plan let the LLM judge reach {', '.join(hosts)} (agent llm above)")
    for line in _sending(store, run_id):
        note(line)


def _llm_hosts(store: Store, run_id: str) -> list[str]:
    """The hosts the run's stored plan let its LLM judge reach (WATCHDESK_MODEL's), or []."""
    import json

    from watchdesk.graph.planner import llm_hosts

    stored = store.query("SELECT plan FROM runs WHERE run_id = ?", [run_id])
    plan = json.loads(stored[0][0]) if stored and stored[0][0] else []
    return llm_hosts(plan) if isinstance(plan, list) else []


def _resumed(rows: list[tuple[Any, ...]]) -> str:
    """What the count holds of a run resumed after an interruption (each resume a row of the trail): a step cut short
    ran again and asked again, so it counts more requests than the same run uninterrupted."""
    resumes = sum(1 for r in rows if r[2] == RESUMED)
    if not resumes:
        return ""
    times = "once" if resumes == 1 else f"{resumes} times"
    return (f"; resumed {times} after an interruption (the `{RESUMED}` rows): the steps it had not finished ran again, "
            "and what they had asked is asked again after it")


def _sending(store: Store, run_id: str) -> list[str]:
    """The run's deliveries begun and never recorded (`sending`): being tried again by its process (its lease), or
    left so by a process that ended, each said with what follows, since the trail ends at its last attempt."""
    from watchdesk.store import lease

    rows = store.query("SELECT kind, target FROM deliveries d WHERE run_id = ? AND status = 'sending' AND NOT EXISTS "
                       "(SELECT 1 FROM deliveries r WHERE r.status = 'removed' AND r.briefing_id = d.briefing_id AND "
                       "r.kind = d.kind AND lower(r.target) = lower(d.target) AND r.\"at\" > d.\"at\") "
                       "ORDER BY kind, target", [run_id])  # fmt: skip
    held = lease.holder(store.path, run_id=run_id) if rows and store.path not in (None, ":memory:") else None
    if held is not None:
        return [f"delivery {kind} {printable(target)}: being sent now: {held.said()}" for kind, target in rows]
    resend = _resend_of(store, run_id) if rows else ""
    return [f"delivery {kind} {printable(target)}: its process ended before the outcome was recorded, so it may have "
            f"arrived: check with the recipient before sending it again (`{resend}` does); no run of the watchlist "
            "sends it again unasked" for kind, target in rows]  # fmt: skip


def _resend_of(store: Store, run_id: str) -> str:
    """The resend command of the briefing a run (or a resend, RUN:resend:TIME) delivered, as every delivery message
    says it (delivery_rows.resend_line); the bare command for a notice, which has no period."""
    from watchdesk.agents.briefing.delivery_rows import resend_line

    found = store.query("SELECT d.watchlist, d.period_start, d.period_end, r.watchlist_path, r.out_dir "
                        "FROM deliveries d LEFT JOIN runs r ON r.run_id = split_part(d.run_id, ':resend:', 1) "
                        "WHERE d.run_id = ? AND d.period_start IS NOT NULL LIMIT 1", [run_id])  # fmt: skip
    if not found:
        return "watchdesk brief --deliver --undelivered"
    name, start, end, path, out = found[0]
    return resend_line(name=name, path=path, db=store.path, period=(start, end), out=out)


# a run's briefing deliveries whose latest outcome says they did not surely arrive: each target of a briefing as it
# last went, whichever run or resend made that attempt (a run resumed after Ctrl-C that failed it again is one failed
# target, not two; a failure a later send put right, by a resend or the next run of the week, is none); a send begun
# whose outcome is not recorded yet (`sending`) leaves the target as it stood before
_MISSED = f"""
SELECT run, status, count(*) FROM (
  SELECT split_part(run_id, ':resend:', 1) AS run, status FROM deliveries
  WHERE status <> 'sending' AND NOT starts_with(coalesce(briefing_id, ''), 'approval:')
  QUALIFY row_number() OVER (PARTITION BY briefing_id, kind, {TARGET_KEY} ORDER BY "at" DESC) = 1
)
WHERE status IN ('failed', 'refused', 'unconfirmed')
GROUP BY ALL ORDER BY 2
"""


def undelivered(store: Store) -> dict[str, str]:
    """What `watchdesk runs` adds to the status of each run whose briefing did not surely reach a target (failed,
    refused, may have arrived), counting its resends: run id -> " (delivery: 1 failed; `watchdesk runs RUN` says
    which)"."""
    counted: dict[str, list[str]] = {}
    for run_id, status, n in store.query(_MISSED):
        counted.setdefault(run_id, []).append(f"{n} {status}")
    return {run_id: f" (delivery: {', '.join(said)}; `watchdesk runs {run_id}` says which)"
            for run_id, said in counted.items() if run_id}  # fmt: skip
