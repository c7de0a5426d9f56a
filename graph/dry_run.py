"""`watchdesk run --dry-run`: validate a watchlist fully and show the plan it would run; write nothing.

Every problem is reported at once. Tickers are checked against SEC's ticker map from the replay pack
when replaying, else with one request for the map (live, with an identity); they are not checked when
neither is possible, and the output says so.
"""

from __future__ import annotations

from collections.abc import Callable

from watchdesk.graph.companies import cik_doubts, match_companies
from watchdesk.graph.planner import build_plan, describe, no_sender_said, smtp_unset_said
from watchdesk.graph.settings import Settings, today
from watchdesk.graph.validate import (
    describe_problems,
    folder_problems,
    setting_problems,
    watchlist_problems,
    webhook_policy_problems,
)
from watchdesk.graph.watchlist import Watchlist, horizon_ended
from watchdesk.sources.errors import ConfigError, TransportError
from watchdesk.sources.models import CompanyRef


def dry_run(watchlist: Watchlist, settings: Settings, *, origin: str, echo: Callable[[str], None]) -> None:
    """Print the plan and a verdict; raise ConfigError listing every problem found."""
    from watchdesk.agents.flagging.topics import shipped_topics

    problems = watchlist_problems(watchlist, topic_names=[s.name for s in shipped_topics()])
    # the local checks come before the one that may ask SEC: a path a run cannot use is said at once, not after the
    # request's retries offline (~10 s)
    as_of = settings.as_of or today()
    later = [f"until: {ended}"] if (ended := horizon_ended(watchlist, as_of)) else []
    later += webhook_policy_problems(watchlist, env=settings.env)
    store = _store_problems(settings)
    folders = folder_problems(watchlist, out_dir=settings.out_dir, db_path=settings.db_path,
                              record_dir=settings.record_dir, db_named_by=settings.db_named_by)  # fmt: skip
    # a CIK the shipped snapshot doubts is looked up in SEC's current map too, where it can be read
    doubted = bool(cik_doubts(watchlist.tickers, {}))
    ticker_map, how, unread = _ticker_map(watchlist, settings, doubted=doubted, paths_refused=bool(store or folders))
    if unread and settings.mode == "replay":  # no pack, or one without the map: the run stops on it too
        problems.append(f"--replay: {unread}")
    companies, unknown = match_companies(watchlist.tickers, ticker_map or {})
    if ticker_map is not None:
        problems += [f"tickers: {exc}" for exc in unknown]
    missing = "unknown" if ticker_map is not None else "not checked"
    for t in watchlist.tickers:  # unchecked or unknown: planned under the symbol alone
        companies.setdefault(t.symbol, CompanyRef(ticker=t.symbol, cik=t.cik or 0, name=missing))
    # a run refuses them before fetching: say so now
    problems += later + store + setting_problems(watchlist, smtp_url=settings.smtp_url, env=settings.env) + folders
    llm_host, model_line = model_said(watchlist, settings)
    plan = build_plan(watchlist, companies, as_of=as_of, out_dir=settings.out_dir, llm_host=llm_host)
    n = len(watchlist.tickers)
    echo(f"plan for {origin} ({n} ticker{'s' * (n != 1)}; tickers {how}):")
    echo(describe(plan))
    for warning in cik_doubts(watchlist.tickers, ticker_map or {}) if doubted else []:
        echo(f"warning: tickers: {warning}")
    for warning in _missing_folders(watchlist):
        echo(f"warning: {warning}")
    if model_line:
        echo(model_line)
    if to := [a for d in watchlist.delivery if d.kind == "email" for a in d.to]:
        said = no_sender_said(settings.smtp_url) if settings.smtp_url else smtp_unset_said(to)
        if said:
            echo(f"warning: {said}")
    # the run refuses to start without it, exit 2: so does the dry run (a user's walkthrough: "valid", exit 0)
    stop = _IDENTITY_STOP if _needs_identity(watchlist, settings) else ""
    if problems:
        raise ConfigError(describe_problems(origin, problems + [f"`watchdesk run` here would stop before fetching: "
                                                                f"{stop}"] * bool(stop)))  # fmt: skip
    if stop:
        raise ConfigError(f"{origin}: the watchlist and its plan are valid, but `watchdesk run` here would stop before "
                          f"fetching (exit 2): {stop}")  # fmt: skip
    echo(f"{origin}: valid")


_IDENTITY_STOP = ("WATCHDESK_SEC_IDENTITY is not set; set it to 'Your Name you@example.com' (scheduled runs read it "
                  "from ~/.config/watchdesk/env, which `watchdesk schedule install` checks)")


def _store_problems(settings: Settings) -> list[str]:
    """The --db file, when it exists, must be a watchdesk store the run can open: not another file, not damaged, not
    a newer watchdesk's (read-only: the dry run writes nothing; one held by a run is no problem of the watchlist)."""
    from pathlib import Path

    from watchdesk.sources.errors import DatabaseInUseError
    from watchdesk.store.store import Store

    if str(settings.db_path) == ":memory:" or not Path(settings.db_path).is_file():
        return []
    try:
        Store.open(settings.db_path, read_only=True).close()
    except DatabaseInUseError:
        return []
    except ConfigError as exc:
        if "older than this watchdesk" in str(exc):  # a run migrates it: no problem
            return []
        return [f"{settings.db_named_by}: {exc}"]
    return []


def model_said(watchlist: Watchlist, settings: Settings) -> tuple[str | None, str | None]:
    """The host the run's LLM judge (WATCHDESK_MODEL) sends its requests to (its flagging step's net: permission) and
    a line saying so, or None and why it will not be used. (None, None) without a model, or for a replay of recorded
    answers (no network)."""
    from watchdesk.agents.flagging.llm_judge import chat_model, model_host
    from watchdesk.agents.flagging.llm_record import REPLAY_PREFIX
    from watchdesk.sources.redact import redact_text

    if not settings.model or settings.model.startswith(REPLAY_PREFIX):
        return None, None
    try:
        model = chat_model(settings.model, allowed=watchlist.policy.allowed_domains)
    except ConfigError as exc:
        return None, f"warning: LLM judge not used, polarity stays rule-based: {redact_text(str(exc))}"
    host = model_host(model)
    return host, f"LLM judge: {settings.model}, its requests to {host} (an audit row each)"


def _needs_identity(watchlist: Watchlist, settings: Settings) -> bool:
    """A live run that would ask SEC something without the identity SEC requires: `run` refuses it before fetching
    (a warning, not a problem: it may be set only for cron, as WATCHDESK_SMTP_URL may)."""
    from watchdesk.graph.run_gateway import needs_sec

    return settings.mode == "live" and not settings.sec_identity and needs_sec(watchlist)


def _missing_folders(watchlist: Watchlist) -> list[str]:
    """Transcript folders that do not exist: not a problem (the chain goes on, a folder may be filled later), but
    every run records a gap for each until it does."""
    from pathlib import Path

    return [f"tickers.{t.symbol}.transcripts[{n}]: folder {src.path} does not exist: each run records a gap for it "
            "until it does (create it and put the calls there)"
            for t in watchlist.tickers if "transcripts" in t.sources
            for n, src in enumerate(t.transcripts) if src.kind == "folder" and src.path
            and not Path(src.path).expanduser().is_dir()]


def _ticker_map(
    watchlist: Watchlist, settings: Settings, *, doubted: bool = False, paths_refused: bool = False
) -> tuple[dict[str, CompanyRef] | None, str, str | None]:
    """SEC's ticker map if it can be had without writing anything, how the tickers were checked, and why the map
    could not be read where it was asked for. Tickers all given by CIK are not looked up unless `doubted`; SEC is not
    asked while the run's own paths are refused (`paths_refused`: a replay pack's map is read all the same)."""
    from watchdesk.graph.deps import AuditBuffer
    from watchdesk.graph.run_gateway import gateway_for
    from watchdesk.sources import edgar

    by_cik = all(t.cik is not None for t in watchlist.tickers)  # a run of it reads no map: its lack is no problem
    if by_cik and not doubted:
        return {}, "given by CIK, not looked up", None
    # paths refused: fixed first, as the run stops on them before it fetches anything
    if settings.mode == "live" and (not settings.sec_identity or paths_refused):
        if by_cik:
            return {}, "given by CIK, checked against the snapshot of SEC's map shipped with watchdesk alone", None
        if not settings.sec_identity:
            return None, "NOT checked: set WATCHDESK_SEC_IDENTITY or pass --replay PACK to check them", None
        return None, ("NOT checked: SEC is not asked for its ticker map until the paths refused below are fixed "
                      "(then run the dry run again)"), None  # fmt: skip
    try:
        with gateway_for(settings.with_(record_dir=None), watchlist, AuditBuffer(), require_identity=False) as gw:
            found = edgar.fetch_ticker_map(gw, agent="planner")
    except (ConfigError, TransportError) as exc:
        if by_cik:
            return {}, f"given by CIK; SEC's ticker map could not be read ({exc}): checked against its snapshot", None
        return None, f"NOT checked: SEC's ticker map could not be read ({exc})", str(exc)
    where = "the replay pack" if settings.mode == "replay" else "SEC's ticker map (1 request)"
    return found, f"checked against {where}", None
