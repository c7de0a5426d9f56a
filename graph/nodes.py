"""Graph nodes: thin adapters between graph state and the agents."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Literal

from langgraph.runtime import Runtime
from langgraph.types import Command

from watchdesk.agents import filings, transcripts
from watchdesk.agents.briefing.agent import BriefingRequest, write_briefing
from watchdesk.agents.briefing.earlier_files import replaced_said
from watchdesk.agents.briefing.period import Period
from watchdesk.agents.briefing.text import plural
from watchdesk.agents.filings_compare import watched_topics
from watchdesk.agents.flagging.agent import flag_documents
from watchdesk.graph.companies import ticker_owner
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.deps import Deps
from watchdesk.graph.failures import record_failure
from watchdesk.graph.goal.names import clearly_named
from watchdesk.graph.planner import build_plan
from watchdesk.graph.run_judge import judge_host, planned_judge
from watchdesk.graph.state import RunState, Step, StepInput, StepResult
from watchdesk.sources.bounded import MIB
from watchdesk.sources.errors import (
    ConfigError,
    DiskFullError,
    ReplayCorruptError,
    ReplayMissError,
    WatchdeskError,
    disk_full,
    unexpected,
)
from watchdesk.sources.redact import redact_text
from watchdesk.store import queries


class BriefingNotWrittenError(ConfigError):
    """The briefing folder could not be written at the briefing step; the run stops resumable, not failed."""


def plan_node(state: RunState, runtime: Runtime[Deps]) -> Command[Literal["approval"]]:
    deps = runtime.context
    briefed = queries.last_briefed_until(deps.store, watchlist=deps.watchlist.name)
    plan = build_plan(
        deps.watchlist,
        deps.companies,
        as_of=deps.as_of,
        out_dir=deps.settings.out_dir,
        briefed_until=briefed,
        brief_since=deps.settings.brief_since,
        llm_host=judge_host(deps.judge),
    )
    deps.store.save_plan(run_id=deps.run_id, plan=plan)  # a run stopped before approval or its end still shows it
    deps.report(f"planned {len(plan)} steps")
    return Command(goto="approval", update={"plan": plan})


def filings_node(inp: StepInput, runtime: Runtime[Deps]) -> Command[Literal["supervisor"]]:
    deps, step = runtime.context, inp["step"]
    p = step["params"]
    req = filings.FilingsRequest(
        company=deps.companies[p["ticker"]],
        forms=tuple(p["forms"]),
        since=date.fromisoformat(p["since"]),
        until=date.fromisoformat(p["until"]),
        limit_per_form=p["limit_per_form"],
        accessions=tuple(p["accessions"]),
        max_documents=deps.watchlist.policy.max_documents_per_run,
        compare_previous=p.get("compare_previous", True),
        topics=watched_topics(deps.watchlist.topics.watch, [t.model_dump() for t in deps.watchlist.topics.custom]),
        http_max_bytes=int(deps.settings.http.max_mb * MIB),
        owner=ticker_owner,
    )
    try:
        res = filings.collect(req, fetcher=deps.fetcher, store=deps.store, run_id=deps.run_id)
    except Exception as exc:  # one failed step is a gap, never the end of the run
        return failed(step, exc, deps, ticker=p["ticker"])
    summary = (f"{plural(res.listed, 'filing')} in window, {plural(len(res.new_doc_ids), 'new document')}, "
               f"{res.skipped} already stored")
    summary += f", {len(res.compared)} compared with the previous filing" if res.compared else ""
    summary += "".join(f"; {note}" for note in res.notes)
    # the 6-Ks in the window of kinds not read (notices, monthly revenue): "0 filings in window" hid them
    if left := [kind for kind in res.six_k.values() if kind not in req.six_k_kinds]:
        from watchdesk.sources.six_k import LABELS

        counts = Counter(left)
        summary += ", 6-Ks left out by kind: " + ", ".join(
            f"{n} {LABELS[kind]}" if n == 1 or LABELS[kind].endswith("s") else plural(n, LABELS[kind])
            for kind, n in sorted(counts.items()))
    deps.report(f"{p['ticker']}: {summary}" + (f", {plural(len(res.gaps), 'gap')}" if res.gaps else ""))
    result = StepResult(step_id=step["id"], status="done", summary=summary, new_doc_ids=res.new_doc_ids, gaps=res.gaps)
    return Command(goto="supervisor", update={"results": [result]})


def transcripts_node(inp: StepInput, runtime: Runtime[Deps]) -> Command[Literal["supervisor"]]:
    deps, step = runtime.context, inp["step"]
    p = step["params"]
    # The chain comes from the watchlist, not the plan: the plan carries its URLs with secrets redacted.
    entry = next(t for t in deps.watchlist.tickers if t.symbol == p["ticker"])
    req = transcripts.TranscriptsRequest(
        company=deps.companies[p["ticker"]],
        aliases=tuple(p["aliases"]),
        chain=tuple(transcripts.Source(**src.model_dump(exclude_none=True)) for src in entry.transcripts),
        api_keys=deps.settings.api_keys,
        max_documents=deps.watchlist.policy.max_documents_per_run,
        as_of=deps.as_of,
        company_named=clearly_named,
    )
    try:
        res = transcripts.collect(req, fetcher=deps.fetcher, store=deps.store, run_id=deps.run_id)
    except Exception as exc:  # one failed step is a gap, never the end of the run
        return failed(step, exc, deps, ticker=p["ticker"])
    if res.gap:
        summary = res.gap
    else:
        summary = f"{plural(res.found, 'call')} from {res.provider}, {len(res.new_doc_ids)} new"
        if res.tried:
            summary += f" (after {len(res.tried)} failed: {'; '.join(res.tried)})"
    deps.report(f"{p['ticker']} transcripts: {summary}")
    result = StepResult(
        step_id=step["id"],
        status="done",
        summary=summary,
        new_doc_ids=res.new_doc_ids,
        gaps=[res.gap] if res.gap else [],
    )
    return Command(goto="supervisor", update={"results": [result]})


def failed(step: Step, exc: Exception, deps: Deps, *, ticker: str | None) -> Command[Literal["supervisor"]]:
    """A step that raised: a gap naming the step and why, and the supervisor goes on with the rest.
    KeyboardInterrupt and SystemExit are no Exception: they still stop the run."""
    # watchdesk's own messages are written for the reader; a bug is said as the CLI says one, audited as a failed
    # action (the run exits 1), and the rest still runs. A fetching step's own errors were audited by its requests.
    bug = not isinstance(exc, WatchdeskError)
    reason = redact_text(unexpected(exc, doing=f" in step {step['id']}") if bug else str(exc))
    record_failure(deps.store, run_id=deps.run_id, agent=step["agent"], action="step", target=step["target"],
                   reason=reason, ticker=ticker, audit=bug or step["agent"] == "flagging",
                   audit_target=step["id"])  # fmt: skip
    # a response the replay pack lacks is a gap but no failure (README): said so, not "failed"
    missed = isinstance(exc, ReplayMissError) and not isinstance(exc, ReplayCorruptError)
    deps.report(f"{ticker or step['id']}: {'' if missed else 'failed, '}recorded a gap ({reason})")
    # "target: reason", as a filing's or a feed's gap is said ("NVDA (CIK 1045810, ...): not in the recording: ...")
    gap = f"{redact_text(step['target'])}: {reason}"
    result = StepResult(step_id=step["id"], status="failed", summary=reason, new_doc_ids=[], gaps=[gap])
    return Command(goto="supervisor", update={"results": [result]})


def flagging_node(state: RunState, runtime: Runtime[Deps]) -> Command[Literal["supervisor"]]:
    deps = runtime.context
    step = _step(state, "flagging")
    tickers = [t.symbol for t in deps.watchlist.tickers]
    try:
        stats = flag_documents(
            deps.store,
            tickers=tickers,
            topics=list(step["params"]["topics"]),
            custom_topics=[t.model_dump() for t in deps.watchlist.topics.custom],
            run_id=deps.run_id,
            report=deps.report,
            judge=planned_judge(deps.judge, step, report=deps.report),
        )
    except WatchdeskError:
        raise  # a replay lacking an LLM answer, a bad answer file, the store: the run stops and says it (a review)
    except Exception as exc:  # a bug: nothing could be flagged, a gap; what was fetched is stored and still briefed
        return failed(step, exc, deps, ticker=None)
    gaps = [_unflagged(deps, doc_id, ticker, exc) for doc_id, ticker, exc in stats.failed]
    stored = deps.store.query("SELECT count(*) FROM documents WHERE list_contains(?, ticker)", [tickers])[0][0]
    already = stored - stats.documents - len(gaps)  # flagging takes every stored document this version has not read
    summary = (f"flagged {plural(stats.documents, 'document')}: {plural(stats.sentences, 'sentence')}, "
               f"{plural(stats.findings, 'finding')}")
    summary += f"; {len(gaps)} could not be flagged (gaps)" if gaps else ""
    summary += f"; {already} stored documents already flagged at this method version" if already else ""
    deps.report(summary)
    result = StepResult(step_id=step["id"], status="done", summary=summary, new_doc_ids=[], gaps=gaps)
    return Command(goto="supervisor", update={"results": [result]})


def _unflagged(deps: Deps, doc_id: str, ticker: str | None, exc: Exception) -> str:
    """A document whose flagging failed on a bug: its gap (it is flagged again by the next run), said as a gap is."""
    title, url = deps.store.query("SELECT title, url FROM documents WHERE doc_id = ?", [doc_id])[0]
    target = " ".join(part for part in ("flag", ticker, "document", doc_id) if part)
    reason = redact_text(unexpected(exc, doing=f" flagging {title or 'a document'} ({url})"))
    record_failure(deps.store, run_id=deps.run_id, agent="flagging", action="flag", target=target, reason=reason,
                   ticker=ticker)  # fmt: skip
    return f"{target}: {reason}"


def briefing_node(state: RunState, runtime: Runtime[Deps]) -> Command[Literal["supervisor"]]:
    deps = runtime.context
    step = _step(state, "briefing")
    params = step["params"]
    req = BriefingRequest(
        run_id=deps.run_id,
        watchlist_name=deps.watchlist.name,
        tickers=[t.symbol for t in deps.watchlist.tickers],
        topics=list(deps.watchlist.topics.watch) + [t.name for t in deps.watchlist.topics.custom],
        period=Period(date.fromisoformat(params["period_start"]), date.fromisoformat(params["period_end"])),
        out_dir=Path(step["target"]),
        llm_usage={k: float(v) for k, v in deps.usage.items()},
        plan=state["plan"],
        sources={t.symbol: tuple(t.sources) for t in deps.watchlist.tickers},
        as_of=deps.as_of,
    )
    try:
        files = write_briefing(deps.store, req)
    except OSError as exc:  # a folder that turned read-only or full since the run checked it
        if isinstance(exc, WatchdeskError):
            raise
        if (full := disk_full(exc)) is not None:  # said as a full disk anywhere else in the run is
            raise DiskFullError(full) from exc
        raise BriefingNotWrittenError(
            f"the briefing could not be written to {req.out_dir} ({exc.strerror or exc}); what was fetched and "
            f"flagged is stored: once the folder can be written, `watchdesk approve {deps.run_id} --db "
            f"{deps.settings.db_path}` writes it"
        ) from exc
    except Exception as exc:  # a bug (or a citation that failed its check): a gap; what was read stays stored
        # --deliver: written alone, as a look, it would leave the period open and reach none of the run's targets
        hint = (f"what was fetched and flagged is stored: `{_brief_command(deps)} --since {req.period.start} --until "
                f"{req.period.end} --out {req.out_dir} --deliver` writes it and sends it to the run's "
                "targets")  # fmt: skip
        gap = _briefing_gap(deps, exc, action="brief", target=f"briefing {req.period.label}", hint=hint)
        return Command(goto="supervisor", update={"results": [StepResult(
            step_id=step["id"], status="failed", summary=gap, new_doc_ids=[], gaps=[gap])]})  # fmt: skip
    for written in files.paths.values():
        deps.report(f"briefing written: {_from_here(written)}")
    for old in files.replaced:
        deps.report(replaced_said(old))
    gaps = []
    try:
        deliver_briefing(files, watchlist=deps.watchlist, settings=deps.settings, store=deps.store,
                         run_id=deps.run_id, report=deps.report, resend=False)  # fmt: skip
    except Exception as exc:  # a bug delivering: the briefing is written and stored all the same
        hint = f"the briefing is written and stored: `{_brief_command(deps)} --deliver` sends it again"
        gaps.append(_briefing_gap(deps, exc, action="deliver", target=f"delivery of briefing {req.period.label}",
                                  hint=hint))  # fmt: skip
    path = str(files.paths.get("md") or next(iter(files.paths.values())))
    result = StepResult(step_id=step["id"], status="done", summary=path, new_doc_ids=[], gaps=gaps)
    update = {"results": [result], "briefing_path": path, "briefing_paths": [str(p) for p in files.paths.values()]}
    return Command(goto="supervisor", update=update)


def _briefing_gap(deps: Deps, exc: Exception, *, action: str, target: str, hint: str) -> str:
    """The briefing (action "brief") or its delivery ("deliver") failed: a gap, and the run is partial."""
    doing = " writing the briefing" if action == "brief" else " delivering the briefing"
    why = str(exc) if isinstance(exc, WatchdeskError) else unexpected(exc, doing=doing)
    reason = redact_text(f"{why}; {hint}")
    record_failure(deps.store, run_id=deps.run_id, agent="briefing", action=action, target=target, reason=reason)
    deps.report(f"{target}: failed, recorded a gap ({reason})")
    return f"{target}: {reason}"


def _brief_command(deps: Deps) -> str:
    """`watchdesk brief` for this run's watchlist and database, as the user would type it."""
    path = deps.settings.watchlist_path
    return f"watchdesk brief{f' {path}' if path else ''} --db {deps.settings.db_path}"


def _step(state: RunState, step_id: str):  # type: ignore[no-untyped-def]
    return next(s for s in state["plan"] if s["id"] == step_id)


def _from_here(path: Path) -> Path:
    """A path as the person at the terminal would type it: relative when under the working folder."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
