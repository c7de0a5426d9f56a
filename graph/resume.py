"""Runs that stopped: waiting for approval, or interrupted (killed, crashed). Resume or close them.

A stopped run resumes as it started: a replayed run from the same pack (never live, never asking for
an SEC identity), a recording run still recording. Rejecting or abandoning one touches no network.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from watchdesk.graph.paths import no_database
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.redact import REDACTED
from watchdesk.store import lease
from watchdesk.store.records import ActionRecord
from watchdesk.store.store import Store

# A run still `running` in a file this process may open has no process left (DuckDB: one writer).
RESUMABLE = frozenset({"awaiting_approval", "interrupted", "running"})


@dataclass(frozen=True, kw_only=True)
class StoppedRun:
    run_id: str
    thread_id: str
    status: str
    watchlist_json: str
    started_at: datetime
    plan: list[dict[str, object]]
    mode: str
    replay_dir: str | None
    record_dir: str | None
    out_dir: str | None
    as_of: date | None
    watchlist_path: str | None = None
    approval: str | None = None  # as its row holds it: None while it waits

    @property
    def waiting(self) -> bool:
        return self.status == "awaiting_approval"


def stopped_watchlist(stopped: StoppedRun, *, db: Path | str = "DB") -> Watchlist:
    """The watchlist a stopped run resumes with. The database keeps it with the secrets in its URLs redacted; the
    real ones are read from the file it came from, which must still say the same thing."""
    from watchdesk.graph.watchlist import load_watchlist
    from watchdesk.graph.watchlist_paths import anchored

    stored = Watchlist.model_validate_json(stopped.watchlist_json)
    path = Path(stopped.watchlist_path) if stopped.watchlist_path else None
    if path is not None:  # a run stored before its relative paths were read from its file's folder: now they are
        stored = anchored(stored, base=path.parent)
    if REDACTED not in stopped.watchlist_json:
        return stored  # nothing was withheld: no secret, or a run stored before they were (migration 012)
    state = "not recorded"
    if path is not None:
        try:
            loaded = load_watchlist(path)
        except ConfigError:
            loaded, state = None, "missing or unreadable"
        if loaded is not None and loaded.redacted().model_dump() == _as_read(stored, loaded).model_dump():
            return loaded
        state = state if loaded is None else "changed since the plan"
    raise ConfigError(
        f"run {stopped.run_id}'s watchlist has secrets in its URLs, which the database does not keep; they are read "
        f"again from its file ({path or 'none recorded'}), which is {state}. Start it anew with "
        f"`watchdesk run {path or 'WATCHLIST'}`, or close this one with "
        f"`watchdesk approve {stopped.run_id} --reject --db {db}`"
    )


def _as_read(stored: Watchlist, loaded: Watchlist) -> Watchlist:
    """`stored` as its file reads now: a run stored before a file target "briefings" was the briefing folder named
    the folder beside the watchlist (watchlist_paths.as_briefing_folder)."""
    from watchdesk.graph.watchlist_paths import as_briefing_folder

    folder = loaded._briefing_folder
    return stored if folder is None else as_briefing_folder(stored, folder=folder)


def webhook_variables(stopped: StoppedRun) -> tuple[str, ...]:
    """The webhook variables the stopped run's watchlist names (read as stored, whatever version stored it)."""
    try:
        delivery = json.loads(stopped.watchlist_json or "{}").get("delivery", [])
    except (ValueError, AttributeError):
        return ()
    return tuple(str(d["webhook_env"]) for d in delivery if isinstance(d, dict) and d.get("webhook_env"))


@contextmanager
def reading(settings: Settings) -> Iterator[Store]:
    """The store of the runs that stopped, open read-only; a ConfigError where there is none."""
    if why := no_database(Path(settings.db_path)):
        raise ConfigError(f"{why}: {_the_run_db(settings)}")
    with Store.open(settings.db_path, read_only=True) as store:
        yield store


def load_stopped(run_id: str, settings: Settings, *, store: Store | None = None) -> StoppedRun:
    """The run as recorded, read without writing (in `store`, open already, or in reading()'s); a ConfigError when it
    cannot be resumed."""
    if store is None:
        with reading(settings) as probe:
            return load_stopped(run_id, settings, store=probe)
    cursor = store.con.execute("SELECT * FROM runs WHERE run_id = ?", [run_id])
    names = [d[0] for d in cursor.description or []]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    if not rows:
        raise ConfigError(f"no run {run_id!r} in {settings.db_path} (see `watchdesk runs`)")
    row = rows[0]  # read by name: a file not yet migrated (no watchlist_path) resumes too
    thread_id, status, wl_json, started, plan_json, mode = (
        row[k] for k in ("thread_id", "status", "watchlist_json", "started_at", "plan", "mode"))
    replay_dir, record_dir, out_dir, as_of = (row.get(k) for k in ("replay_dir", "record_dir", "out_dir", "as_of"))
    if status == "superseded":
        raise ConfigError(f"run {run_id} was {row.get('error') or 'superseded'} (a later run of the same watchlist "
                          "and period): approve that one (`watchdesk runs` lists them)")  # fmt: skip
    if status not in RESUMABLE:
        raise ConfigError(f"run {run_id} is {status}, not awaiting approval or interrupted")
    if status == "running" and (held := lease.holder(settings.db_path, run_id=run_id)) is not None:
        raise ConfigError(f"run {run_id} is still running: its {held.said()}; it records its outcome when it ends "
                          "(`watchdesk runs` shows it)")  # fmt: skip
    return StoppedRun(
        run_id=run_id,
        thread_id=thread_id,
        status=status,
        watchlist_json=wl_json,
        started_at=started,
        plan=json.loads(plan_json or "[]"),
        mode=mode,
        replay_dir=replay_dir,
        record_dir=record_dir,
        out_dir=out_dir,
        as_of=as_of,
        watchlist_path=row.get("watchlist_path"),
        approval=row.get("approval"),
    )


def recorded_settings(run: StoppedRun, settings: Settings) -> Settings:
    """`settings` with the run's own mode, pack, recording folder, output folder and date."""
    if run.mode == "replay":
        if not run.replay_dir or not Path(run.replay_dir).is_dir():
            raise ConfigError(
                f"run {run.run_id} replayed {run.replay_dir}, which is gone: it resumes only from that pack "
                f"(abandon it with `watchdesk approve {run.run_id} --reject`)"
            )
        settings = settings.with_(mode="replay", replay_dir=Path(run.replay_dir))
    else:
        settings = settings.with_(mode="live", replay_dir=None)
    settings = settings.with_(record_dir=Path(run.record_dir) if run.record_dir else None)
    if run.as_of is not None:
        settings = settings.with_(as_of=run.as_of)
    # The plan writes where it said it would; the sandbox checks against that folder.
    briefing = [str(s["target"]) for s in run.plan if s.get("agent") == "briefing"]
    out_dir = briefing[0] if briefing else run.out_dir
    return settings.with_(out_dir=Path(out_dir)) if out_dir else settings


def mark_orphans(
    store: Store, *, db_path: Path, report: Callable[[str], None], resuming: str | None = None
) -> list[str]:
    """On every start: runs left `running` by a dead process become `interrupted`, and are named, with the
    database they are in (the commands fail on any other)."""
    orphans = store.mark_interrupted()
    for run_id in orphans:
        if run_id != resuming:
            report(
                f"run {run_id} was interrupted (its process ended mid-run): resume it with "
                f"`watchdesk approve {run_id} --db {db_path}`, or abandon it with "
                f"`watchdesk approve {run_id} --reject --db {db_path}`"
            )
    return orphans


def close_stopped(run: StoppedRun, settings: Settings, *, report: Callable[[str], None]) -> str:
    """Reject a waiting plan or abandon an interrupted run: a status change, no network, no graph."""
    status = "rejected" if run.waiting else "abandoned"
    with Store.open(settings.db_path) as store:
        mark_orphans(store, db_path=settings.db_path, report=report, resuming=run.run_id)
        store.query(
            "UPDATE runs SET status = ?, approval = CASE WHEN ? THEN 'rejected' ELSE approval END,"
            " finished_at = ? WHERE run_id = ?",
            [status, run.waiting, datetime.now(UTC), run.run_id],
        )
    report(f"run {run.run_id} {status}")
    return status


def waiting_said(store: Store, *, run_id: str, watchlist: str, db_path: Path) -> str:
    """The notice of a run awaiting approval: why it waits, its plan, and the commands that answer it."""
    from watchdesk.graph.approval import plan_said, why_waiting

    ((plan,),) = store.query("SELECT plan FROM runs WHERE run_id = ?", [run_id])
    steps = json.loads(plan or "[]")
    return (f"watchdesk: the run {run_id} of {watchlist} is awaiting approval; nothing was fetched or briefed.\n"
            f"Why: {why_waiting(store, run_id)}.\n\n{plan_said(steps)}\n\n"
            f"See it again with: watchdesk approve {run_id} --show --db {_db_said(db_path)}\n"
            f"{_answer_said(run_id, db_path)}")


def _answer_said(run_id: str, db_path: Path) -> str:
    return (f"Approve it with: watchdesk approve {run_id} --db {_db_said(db_path)} (at a terminal it shows the plan "
            "and asks; --reject rejects it; --edit STEPS keeps only those steps)")


def _db_said(db_path: Path) -> str:
    """The database as a command pasted in any folder reads it: whole (the notice is read, and its command pasted, far
    from the folder a relative --db was given in), quoted for a shell."""
    import os
    import shlex

    return shlex.quote(os.path.abspath(os.path.expanduser(db_path)))


def run_said(run_id: str, settings: Settings) -> str:
    """`watchdesk approve RUN_ID --show`: a stored run's status and plan, and why it waits if it does; read only."""
    from watchdesk.graph.approval import plan_said, why_waiting
    from watchdesk.store.reader import RUN_STATUS, STALE_RUNNING

    if why := no_database(Path(settings.db_path)):
        raise ConfigError(f"{why}: {_the_run_db(settings)}")
    with Store.open(settings.db_path, read_only=True) as store:
        rows = store.query(f"SELECT watchlist, {RUN_STATUS}, started_at, plan FROM runs WHERE run_id = ?", [run_id])
        if not rows:
            raise ConfigError(f"no run {run_id!r} in {settings.db_path} (see `watchdesk runs`)")
        ((name, status, started, plan),) = rows
        status = lease.run_status(status, run_id, stale=STALE_RUNNING, waiting=lease.live(settings.db_path))
        waiting = status == "awaiting_approval"
        why = f"Why: {why_waiting(store, run_id)}.\n" if waiting else ""
    from watchdesk.graph.planner import approver_email_note

    head = f"run {run_id} of {name}: {status.replace('_', ' ')} (started {started:%Y-%m-%d %H:%M} UTC)"
    answer = f"\n{_answer_said(run_id, settings.db_path)}" if waiting else ""
    steps = json.loads(plan or "[]")
    note = approver_email_note(steps, smtp_url=settings.smtp_url) if waiting else ""
    return f"{head}\n{why}\n{plan_said(steps)}{note}{answer}"


def briefed_period(plan: list[dict[str, object]]) -> tuple[str, str] | None:
    """The period a plan briefs (its briefing step's), or None for a plan without one."""
    for step in plan:
        params = step.get("params")
        if step.get("agent") == "briefing" and isinstance(params, dict):
            return str(params.get("period_start")), str(params.get("period_end"))
    return None


def _same_period(store: Store, run_id: str, *, statuses: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """Other runs of `run_id`'s watchlist in one of `statuses` whose plan briefs the same period, oldest first:
    (run id, briefing folder)."""
    ((name, plan),) = store.query("SELECT watchlist, plan FROM runs WHERE run_id = ?", [run_id])
    period = briefed_period(json.loads(plan or "[]"))
    rows = store.query(
        f"SELECT run_id, plan, out_dir FROM runs WHERE watchlist = ? AND run_id <> ? "
        f"AND status IN ({', '.join('?' * len(statuses))}) ORDER BY started_at",
        [name, run_id, *statuses],
    )
    return [(other, out) for other, other_plan, out in rows
            if period is not None and briefed_period(json.loads(other_plan or "[]")) == period]  # fmt: skip


def supersede_waiting(store: Store, run_id: str, *, report: Callable[[str], None]) -> list[str]:
    """Older runs of the same watchlist waiting for approval of the same period are superseded by `run_id`, which
    has just come to wait: one plan to answer per period, one notice (theirs are removed)."""
    from watchdesk.graph.delivery import approval_notice

    older = _same_period(store, run_id, statuses=("awaiting_approval",))
    for other, out_dir in older:
        store.query("UPDATE runs SET status = 'superseded', error = ?, finished_at = ? WHERE run_id = ?",
                    [f"superseded by run {run_id}", datetime.now(UTC), other])  # fmt: skip
        if out_dir:
            approval_notice(Path(out_dir), other).unlink(missing_ok=True)
        report(f"run {other} superseded by run {run_id}: both waited for approval of the same watchlist and period; "
               "answer the newer one")  # fmt: skip
    return [other for other, _ in older]


def briefed_already(store: Store, run_id: str) -> str | None:
    """A done run of the same watchlist that briefed the period `run_id` would brief, if any (the latest)."""
    done = _same_period(store, run_id, statuses=("done",))
    return done[-1][0] if done else None


def _the_run_db(settings: Settings) -> str:
    """Where to say the run's database is, as its path was given: WATCHDESK_DB when the user typed no --db."""
    if settings.db_named_by == "WATCHDESK_DB":
        return "set WATCHDESK_DB to the file the run used, or pass --db with it"
    return "pass --db with the file the run used"


RESUMED = "run.resume"  # the audit row a run resumed after an interruption starts its second attempt with


def resume_row(run_id: str, *, watchlist: str, asked_before: int) -> ActionRecord:
    """The audit row of a resume: a step the interruption cut short runs again, and asks again what it had asked
    (a listing; a filing that failed is tried again), so the trail holds more requests than an uninterrupted run's;
    `watchdesk runs RUN` says so, where the row stands."""
    return ActionRecord(run_id=run_id, agent="runner", action=RESUMED, target=watchlist, attempt=1, outcome="resumed",
                        detail=f"after it was interrupted, {asked_before} requests in: the steps it had not finished "
                        "run again", at=datetime.now(UTC))  # fmt: skip
