"""Runs the graph: wires gateway, store and checkpointer, handles approval, records the run."""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import uuid
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NoReturn, cast

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.graph.state import CompiledStateGraph
from langgraph.types import Command

from watchdesk.graph.approval import apply_answer
from watchdesk.graph.approved_targets import remember
from watchdesk.graph.builder import build_graph
from watchdesk.graph.companies import resolve_companies, stored_companies
from watchdesk.graph.delivery import Undelivered, approval_notice, undelivered
from watchdesk.graph.deps import AuditBuffer, Deps
from watchdesk.graph.failures import Failure, partial_note, run_failures
from watchdesk.graph.nodes import BriefingNotWrittenError
from watchdesk.graph.paths import checkpoint_file
from watchdesk.graph.resume import (
    StoppedRun,
    briefed_already,
    close_stopped,
    load_stopped,
    mark_orphans,
    reading,
    recorded_settings,
    resume_row,
    stopped_watchlist,
)
from watchdesk.graph.run_counts import stored_by
from watchdesk.graph.run_gateway import gateway_for, needs_sec
from watchdesk.graph.run_judge import llm_judge
from watchdesk.graph.select import select_steps
from watchdesk.graph.settings import Settings, today
from watchdesk.graph.state import Step
from watchdesk.graph.validate import ensure_valid, writable_paths
from watchdesk.graph.watchlist import Watchlist
from watchdesk.graph.watchlist_names import refuse_a_second_file_of_name
from watchdesk.graph.watchlist_paths import anchored
from watchdesk.sources.errors import ConfigError, DiskFullError, PolicyError, StoreDamagedError, disk_full, no_room
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store

Approver = Callable[[dict[str, Any]], Any]  # returns the resume value; None leaves the run awaiting approval
# Called with the run's store, before it closes, and its outcome when the run stops to wait for approval: a DuckDB
# open costs ~30-40 ms of CPU (a database instance made, then dropped)
OnWait = Callable[[Store, "RunOutcome"], None]


FETCH_AGENTS = frozenset({"filings", "transcripts", "news"})


@dataclass(kw_only=True)
class RunOutcome:
    run_id: str
    status: str
    briefing_path: str | None = None
    briefing_paths: list[str] = field(default_factory=list)
    plan_text: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    gaps: list[str] = field(default_factory=list)
    fetches: int = 0
    requested: list[str] = field(default_factory=list)
    this_run: dict[str, int] = field(default_factory=dict)  # rows this run wrote: documents, findings, gaps
    # this run's findings as a briefing counts them: a sentence said again within a document once (queries.SAID_AGAIN)
    findings_counted: int | None = None
    # every step that fetches (filings, transcripts, news) failed: the briefing then has nothing it could read
    nothing_fetched: bool = False
    failed_steps: list[str] = field(default_factory=list)  # fetching steps that failed as a whole, e.g. filings:ASML
    # what failed after its retries or on a bug and so left a gap: a source, a document's flagging, the briefing
    failures: list[Failure] = field(default_factory=list)
    # a done run's targets its briefing did not surely reach, read before the run closed its store (its end says them;
    # None: not read, and exit_on_failure reads them from the store)
    undelivered: Undelivered | None = None



def checkpoint_path(db_path: Path) -> str:
    return ":memory:" if str(db_path) == ":memory:" else str(checkpoint_file(db_path))


def _check_saved_state(stopped: StoppedRun, settings: Settings) -> None:
    """ConfigError, with nothing written, when the run's checkpoint is gone: resumed without it, a waiting run
    planned again and waited again (the approval lost), and the next approve failed on a KeyError. An interrupted
    run whose checkpoint file is there but holds none of it was killed before its first step, and starts over."""
    path = checkpoint_path(settings.db_path)
    if _holds_thread(path, stopped.thread_id) or (not stopped.waiting and Path(path).is_file()):
        return
    raise ConfigError(
        f"run {stopped.run_id} cannot resume: its saved state is missing (the checkpoint file {path}, beside the "
        f"database, is gone or does not hold this run); reject it with `watchdesk approve {stopped.run_id} --reject "
        f"--db {settings.db_path}` and start a new `watchdesk run`"
    )


def _check_checkpoints(settings: Settings) -> None:
    """ConfigError, before anything is asked or written, when the checkpoint file beside the store cannot be read: a
    run found it only once it had recorded itself, and said it as a bug."""
    path = checkpoint_path(settings.db_path)
    if not Path(path).is_file():
        return
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            problem = conn.execute("PRAGMA quick_check").fetchall()[0][0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        problem = str(exc)
    if problem == "ok":
        return
    raise ConfigError(
        f"the checkpoint file {path} is damaged ({problem}): it holds only the saved state that interrupted runs and "
        f"runs awaiting approval resume from, none of the store's data. Move it aside (`mv {path} {path}.damaged`), "
        "then run again; a run it held can no longer be resumed or approved: reject it with `watchdesk approve RUN_ID "
        f"--reject --db {settings.db_path}` (`watchdesk runs` lists it)."
    )


def _holds_thread(path: str, thread_id: str) -> bool:
    if not Path(path).is_file():
        return False
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            return bool(conn.execute("SELECT 1 FROM checkpoints WHERE thread_id = ? LIMIT 1", [thread_id]).fetchall())
        finally:
            conn.close()
    except sqlite3.Error:  # not a checkpoint file (or no table yet): it holds nothing to resume
        return False


def start_run(
    watchlist: Watchlist,
    settings: Settings,
    *,
    run_id: str | None = None,
    approver: Approver | None = None,
    report: Callable[[str], None] = lambda _m: None,
    judge_model: Any = None,
    on_wait: OnWait | None = None,
) -> RunOutcome:
    """Plan and run a watchlist. Bad input fails here, before the database is opened.

    `judge_model` injects a chat model for the polarity judge (tests); otherwise Settings.model decides. `on_wait`
    is called with the run's store, still open, and its outcome when the run stops to wait for approval.
    """
    ensure_valid(watchlist)
    # The plan names the output folder as an absolute path: it is what the approver sees, and `watchdesk approve`
    # from another folder must write (and be allowed to write) where the plan said. So are a watchlist's own paths
    # (a file's are already read from its folder; a goal's "briefings" from this one).
    settings = settings.with_(out_dir=settings.out_dir.resolve())
    watchlist = anchored(watchlist, base=Path.cwd())
    as_of = settings.as_of or today()
    run_id = run_id or f"{as_of.isoformat()}-{uuid.uuid4().hex[:8]}"
    run = RunRecord(
        run_id=run_id,
        thread_id=f"{run_id}:{uuid.uuid4().hex[:6]}",
        watchlist=watchlist.name,
        watchlist_hash=watchlist.fingerprint(),
        # stored where notebooks read it: secrets in its URLs redacted; approve reads them from the file again
        watchlist_json=watchlist.redacted().model_dump_json(),
        watchlist_path=str(settings.watchlist_path.resolve()) if settings.watchlist_path else None,
        mode=settings.mode,
        status="running",
        started_at=datetime.now(UTC),
        # absolute, so `watchdesk approve` from another folder resumes with the same pack and folders
        replay_dir=str(settings.replay_dir.resolve()) if settings.mode == "replay" and settings.replay_dir else None,
        record_dir=str(settings.record_dir.resolve()) if settings.record_dir else None,
        out_dir=str(settings.out_dir),
        as_of=settings.as_of,
    )
    first_input = {"run_id": run_id, "results": []}
    return _execute(
        watchlist,
        settings,
        run,
        as_of=as_of,
        first_input=first_input,
        approver=approver,
        report=report,
        judge_model=judge_model,
        on_wait=on_wait,
    )


def _execute(
    watchlist: Watchlist,
    settings: Settings,
    run: RunRecord,
    *,
    as_of: date,
    first_input: Any,
    approver: Approver | None,
    report: Callable[[str], None],
    judge_model: Any = None,
    on_wait: OnWait | None = None,
    resumed: str | None = None,
) -> RunOutcome:
    """`resumed`: how a resumed run had stopped ("interrupted", or "awaiting_approval"); None for a new run."""
    writable_paths(watchlist, out_dir=Path(settings.out_dir), db_path=settings.db_path, record_dir=settings.record_dir,
                   smtp_url=settings.smtp_url, env=settings.env, db_named_by=settings.db_named_by)  # fmt: skip
    _check_checkpoints(settings)
    audit = AuditBuffer()
    usage: Counter[str] = Counter()
    with ExitStack() as stack:
        # An existing file may be held by another run: take its one-writer lock before any request. A new
        # file is created only once the tickers resolve, so a bad watchlist leaves no empty database behind.
        held = Path(settings.db_path).exists()
        store = stack.enter_context(Store.open(settings.db_path)) if held else None
        if store is not None:  # another file of this name ran here: the two would share its briefings and targets
            refuse_a_second_file_of_name(store, name=watchlist.name, path=run.watchlist_path, db=settings.db_path)
        # a resumed run's requests before this start (its summary said "0 requests" after a Ctrl-C and `approve`)
        asked_before = _requests_made(store, run.run_id) if store is not None else 0
        gateway = stack.enter_context(gateway_for(settings, watchlist, audit, require_identity=needs_sec(watchlist)))
        # a resumed run goes on with the companies its start resolved and stored (its plan names their CIKs)
        companies = stored_companies(store, watchlist) if resumed is not None and store is not None else None
        try:
            if companies is None:
                report("resolving tickers")
                companies = resolve_companies(watchlist, fetcher=gateway)
        except PolicyError as exc:
            # The sandbox stopped the run before its plan: in an existing database the refusal is audited and the
            # run recorded as failed (bad input, a ConfigError, leaves the file untouched)
            if store is not None and not store.query("SELECT 1 FROM runs WHERE run_id = ?", [run.run_id]):
                audit.attach(store, run_id=run.run_id)
                run.status, run.error, run.finished_at = "failed", f"{type(exc).__name__}: {exc}", datetime.now(UTC)
                store.save_run(run)
            raise
        if store is None:
            store = stack.enter_context(Store.open(settings.db_path))
        mark_orphans(store, db_path=settings.db_path, report=report, resuming=run.run_id)
        audit.attach(store, run_id=run.run_id)
        for ref in companies.values():
            store.upsert_company(cik=ref.cik, ticker=ref.ticker, name=ref.name)
        deps = Deps(
            settings=settings,
            watchlist=watchlist,
            companies=companies,
            store=store,
            fetcher=gateway,
            audit=audit,
            as_of=as_of,
            run_id=run.run_id,
            report=report,
            judge=llm_judge(settings, usage, report, model=judge_model, topics=watchlist.topics.watch,
                            allowed=watchlist.policy.allowed_domains, audit=audit, gateway=gateway),
            usage=usage,
        )
        store.save_run(run)
        if resumed == "interrupted":  # its trail says where the second attempt begins (`watchdesk runs RUN`)
            store.record_actions([resume_row(run.run_id, watchlist=watchlist.name, asked_before=asked_before)])
        outcome = _drive(deps, run, stack, first_input=first_input, approver=approver)
        outcome.fetches = asked_before + gateway.stats.network + gateway.stats.replayed
        outcome.requested = list(audit.urls)
        if on_wait is not None and outcome.status == "awaiting_approval":
            on_wait(store, outcome)  # what the caller does of a waiting run, in this store: no open of its own
        return outcome


def _requests_made(store: Store, run_id: str) -> int:
    """The requests a run's audit holds, as the gateway counts them: sent or replayed (a refusal, a replay miss or a
    cache hit asked nothing of anyone)."""
    sql = ("SELECT count(*) FROM actions WHERE run_id = ? AND action = 'http.get' "
           "AND outcome NOT IN ('refused', 'replay_miss', 'replay_corrupt', 'cache_hit')")
    return int(store.query(sql, [run_id])[0][0])


class RunInterrupted(KeyboardInterrupt):
    """Ctrl-C during a run, naming it and its database so the CLI can say how to resume it."""

    def __init__(self, *, run_id: str, db_path: Path) -> None:
        super().__init__(run_id)
        self.run_id = run_id
        self.db_path = db_path


def _drive(deps: Deps, run: RunRecord, stack: ExitStack, *, first_input: Any, approver: Approver | None) -> RunOutcome:
    conn = sqlite3.connect(checkpoint_path(deps.settings.db_path), check_same_thread=False)
    stack.callback(conn.close)
    # The saver commits each step's checkpoint and writes (~20 a run); in the WAL mode it sets, NORMAL syncs the log
    # to the disk only as SQLite merges it, not at each commit: ~100 ms of CPU and more of waiting off a run. A commit
    # still survives the process killed; only a power cut may take the last steps back, which a resumed run does again
    # (every store write is idempotent), and the file stays consistent either way.
    conn.execute("PRAGMA synchronous = NORMAL")
    app = _compiled().copy({"checkpointer": SqliteSaver(conn)})
    config: RunnableConfig = {"configurable": {"thread_id": run.thread_id}, "recursion_limit": 200}
    payload: Any = first_input
    if payload is None and not app.get_state(config).values:  # interrupted before its first step
        payload = {"run_id": run.run_id, "results": []}
    try:
        while True:
            result = app.invoke(payload, config, context=deps)
            interrupts = result.get("__interrupt__") or []
            if not interrupts:
                break
            request = interrupts[0].value
            _save(deps, run, result, status="awaiting_approval")
            answer = None if approver is None else approver(request)
            if answer is None:  # nobody to ask, or no answer (end of input): `watchdesk approve` resumes it
                return _outcome(deps, run, result)
            payload = Command(resume=answer)
    except KeyboardInterrupt as exc:  # Ctrl-C: the run stays as it is, and the hint can name it
        raise RunInterrupted(run_id=run.run_id, db_path=deps.settings.db_path) from exc
    except BriefingNotWrittenError as exc:  # all before the briefing is stored and checkpointed: `approve` resumes it
        run.error = str(exc)
        _save(deps, run, dict(app.get_state(config).values), status="interrupted")
        raise
    except DiskFullError as exc:  # in a step or the checkpoint: what is stored is kept, `approve` resumes it
        _stop_on_full_disk(deps, run, exc.why, exc)
    except StoreDamagedError as exc:  # found by a step's query: nothing more is written into the file
        run.error = str(exc.error)
        with contextlib.suppress(StoreDamagedError, Exception):  # its record may be where the damage is
            _save(deps, run, {}, status="failed")
        raise exc.error from exc
    except Exception as exc:
        if (full := disk_full(exc)) is not None:
            _stop_on_full_disk(deps, run, full, exc)
        run.error = f"{type(exc).__name__}: {exc}"
        _save(deps, run, {}, status="failed")
        raise
    status = "rejected" if result.get("approval") == "rejected" else "done"
    failures = None
    if status == "done":  # what failed on the way is in the run's record: it is done, but partial
        deps.audit.flush(deps.store, run_id=run.run_id)  # as _save would: the outcome says the same failures
        failures = run_failures(deps.store, run.run_id)
        run.error = partial_note(failures)
    _save(deps, run, result, status=status)
    return _outcome(deps, run, result, failures=failures)


@functools.cache
def _compiled() -> CompiledStateGraph[Any, Any, Any, Any]:
    """The run graph, compiled once a process (~15-20 ms of CPU: LangGraph reads each node's code for subgraphs it
    calls); each run gets a copy holding its own checkpointer. Its nodes look their helpers up when called, so a test
    that patches one (nodes.write_briefing) still reaches every run."""
    return build_graph().compile()


def _stop_on_full_disk(deps: Deps, run: RunRecord, why: str, exc: BaseException) -> NoReturn:
    """The run stops interrupted, to be resumed once there is room. Saying so may not fit on the disk either: the run
    is then left `running`, which the next start marks interrupted all the same."""
    run.error = no_room(why)
    with contextlib.suppress(DiskFullError, Exception):
        _save(deps, run, {}, status="interrupted")
    raise DiskFullError(why, run_id=run.run_id, db_path=deps.settings.db_path) from exc


def _save(deps: Deps, run: RunRecord, result: dict[str, Any], *, status: str) -> None:
    deps.audit.flush(deps.store, run_id=run.run_id)
    run.status = status
    if result.get("plan"):
        run.plan = [dict(s) for s in result["plan"]]
    if result.get("approval"):
        run.approval = result["approval"]
    if deps.usage:
        run.cost = {k: float(v) for k, v in sorted(deps.usage.items())}
    if status in {"done", "failed", "rejected"}:
        run.finished_at = datetime.now(UTC)
        run.counts = {k: v for k, v in deps.store.counts().items() if k != "schema_migrations"}
    deps.store.save_run(run)
    if run.finished_at is not None:  # who a notice may tell when the database cannot be read, kept beside it
        remember(deps.store, watchlist=run.watchlist, db_path=deps.settings.db_path)


def _outcome(deps: Deps, run: RunRecord, result: dict[str, Any], *,
             failures: list[Failure] | None = None) -> RunOutcome:  # fmt: skip
    """What the run did, as its end says it; `failures`: run_failures() read already (a done run's record names them),
    not read again (~10-20 ms of CPU a run)."""
    from watchdesk.graph.planner import describe

    gaps = [g for r in result.get("results", []) for g in r["gaps"]]
    fetching = [r for r in result.get("results", []) if r["step_id"].split(":")[0] in FETCH_AGENTS]
    answered = {r["step_id"] for r in fetching if r["status"] == "done"}  # a step retried after a replan
    this_run, counted_once = stored_by(deps.store, run.run_id)
    return RunOutcome(
        nothing_fetched=bool(fetching) and all(r["status"] != "done" for r in fetching),
        failed_steps=sorted({r["step_id"] for r in fetching if r["status"] != "done"} - answered),
        run_id=run.run_id,
        status=run.status,
        briefing_path=result.get("briefing_path"),
        briefing_paths=list(result.get("briefing_paths") or []),
        plan_text=describe(result.get("plan", [])),
        counts=run.counts,
        gaps=gaps,
        this_run=this_run,
        findings_counted=counted_once,
        failures=run_failures(deps.store, run.run_id) if failures is None else failures,
        undelivered=undelivered(deps.store, run.run_id, db_path=deps.settings.db_path) if run.status == "done"
        else None,
    )


def resume_run(
    run_id: str,
    settings: Settings,
    *,
    decision: Any,
    report: Callable[[str], None] = lambda _m: None,
) -> RunOutcome:
    """Continue a run waiting for approval, or an interrupted one, from its checkpoint, as it started.

    Rejecting (or abandoning an interrupted run) only records the decision: no network, no graph.
    """
    rejecting = decision in ("reject", "rejected", False)
    with reading(settings) as store:  # one read-only open for what the resume reads before it starts
        stopped = load_stopped(run_id, settings, store=store)
        # a done run that briefed the period this one briefs: said before it briefs it again
        briefed = briefed_already(store, run_id) if stopped.waiting and not rejecting else None
    notice = approval_notice(Path(stopped.out_dir or settings.out_dir), run_id)  # a scheduled run's, if any
    if rejecting:
        status = close_stopped(stopped, settings, report=report)
        notice.unlink(missing_ok=True)
        return RunOutcome(run_id=run_id, status=status)
    _check_saved_state(stopped, settings)
    settings = recorded_settings(stopped, settings)
    watchlist = stopped_watchlist(stopped, db=settings.db_path)
    if isinstance(decision, dict) and decision.get("decision") == "edit":  # a typo fails here, the run still waits
        decision = {**decision, "keep": select_steps(decision.get("keep") or [], cast("list[Step]", stopped.plan))}
    # The row keeps its plan and approval while it runs (stopped again, it must not read as unapproved with no plan):
    # a waiting run's are those the decision makes of its plan, as the approval node makes them; an interrupted one's
    # its row's.
    approval, plan = stopped.approval, cast("list[Step]", stopped.plan)
    if stopped.waiting:
        approval, plan = apply_answer(decision, plan)
    run = RunRecord(
        run_id=run_id,
        thread_id=stopped.thread_id,
        watchlist=watchlist.name,
        watchlist_hash=watchlist.fingerprint(),
        watchlist_json=stopped.watchlist_json,
        watchlist_path=stopped.watchlist_path,
        mode=settings.mode,
        status="running",
        started_at=stopped.started_at,
        replay_dir=stopped.replay_dir,
        record_dir=stopped.record_dir,
        out_dir=str(settings.out_dir),
        as_of=stopped.as_of,
        plan=[dict(step) for step in plan],
        approval=approval,
    )
    # A waiting run gets the decision; an interrupted one continues where its checkpoint left it.
    first_input: Command[Any] | None = Command(resume=decision) if stopped.waiting else None
    if not stopped.waiting:
        report(f"resuming interrupted run {run_id} from its checkpoint")
    elif briefed:
        report(f"the period this run briefs was already briefed by run {briefed}: it is briefed again, and the "
               "targets that received that briefing are skipped")  # fmt: skip
    as_of = settings.as_of or today()
    outcome = _execute(watchlist, settings, run, as_of=as_of, first_input=first_input, approver=None, report=report,
                       resumed="awaiting_approval" if stopped.waiting else "interrupted")  # fmt: skip
    if outcome.status != "awaiting_approval":
        notice.unlink(missing_ok=True)
    return outcome
