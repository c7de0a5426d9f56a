"""A briefing from the database alone (no fetching): which watchlist, which period, write it, deliver it."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from watchdesk.agents.briefing.agent import BriefingFiles, BriefingRequest, write_briefing
from watchdesk.agents.briefing.earlier_files import replaced_said
from watchdesk.agents.briefing.period import TREND_WEEKS, Period, between, iso_week
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist
from watchdesk.sources.errors import ConfigError
from watchdesk.store import queries
from watchdesk.store.store import Store

if TYPE_CHECKING:  # delivery (SMTP, httpx) is imported only when a briefing is delivered
    from watchdesk.agents.briefing.deliver import Outcome


EARLIEST = date.min + timedelta(weeks=TREND_WEEKS, days=queries.LATE_DAYS)  # the first day a briefing can start


@dataclass(frozen=True, kw_only=True)
class BriefResult:
    files: BriefingFiles
    deliveries: list[Outcome]
    resend_id: str | None = None  # the id a `--deliver` is audited under (`watchdesk runs RESEND_ID`)
    set_aside: Path | None = None  # where its outcomes wait, when the store stayed held past the reopen wait


def stored_watchlist(store: Store, *, name: str | None = None, db: Path | str = "DB") -> tuple[Watchlist, str]:
    """The watchlist of the latest finished run of watchlist `name` and the run's id, from the runs table. Without a
    name the store must hold one watchlist's runs: of several, briefing the latest run's would give one watchlist's
    week the companies, gaps and recipients of another. A run that was rejected, failed or still waits for approval
    is not one: its watchlist (its recipients) was never approved, and `brief --deliver` would have sent to them."""
    names = [row[0] for row in store.query("SELECT DISTINCT watchlist FROM runs WHERE status = 'done' ORDER BY 1")]
    held = ", ".join(repr(n) for n in names)
    if not names:
        raise ConfigError("no finished run in this database" + (_unfinished(store, name=name, db=db) or ": run "
                          "`watchdesk run WATCHLIST` (or `watchdesk demo`) first, or pass --db"))  # fmt: skip
    if name is None and len(names) > 1:
        raise ConfigError(
            f"{db} holds finished runs of {len(names)} watchlists: {held}. Say which to brief: add its name "
            f"(`--name {shlex.quote(names[0])}`) or give its file (`watchdesk brief WATCHLIST.toml ...`)"
        )
    if name is not None and name not in names:
        raise ConfigError(f"no finished run of a watchlist named {name!r} in {db}, which holds {held}"
                          + (_unfinished(store, name=name, db=db) or ": run it first (`watchdesk run WATCHLIST`), "
                             "or pass --db"))  # fmt: skip
    sql = "SELECT watchlist_json, run_id FROM runs WHERE status = 'done' AND watchlist = ? ORDER BY started_at DESC"
    rows = store.query(sql + " LIMIT 1", [name or names[0]])
    return Watchlist.model_validate_json(rows[0][0]), rows[0][1]


# what a run that has not finished is waiting for, and what finishes it (`watchdesk runs` names the statuses)
_UNFINISHED = {
    "awaiting_approval": "waits for approval: `watchdesk approve {run} --db {db}` answers it, and the approved run "
    "writes the briefing",
    "interrupted": "was interrupted: `watchdesk approve {run} --db {db}` resumes it",
    "running": "has not finished (`watchdesk runs --db {db}` says whether it still runs; `watchdesk approve {run} "
    "--db {db}` resumes one that was stopped)",
}


def _unfinished(store: Store, *, name: str | None, db: Path | str) -> str:
    """Why the watchlist's latest run (any watchlist's, without a name) is no finished one, and what finishes it: a
    user told to `watchdesk run` a watchlist whose run waits for approval would start another. "" when it has none,
    or when the latest ended otherwise (rejected, failed, abandoned): then it is to run again."""
    sql = "SELECT run_id, status FROM runs WHERE watchlist = ? OR ? IS NULL ORDER BY started_at DESC LIMIT 1"
    latest = store.query(sql, [name, name])
    if not latest or latest[0][1] not in _UNFINISHED:
        return ""
    run_id, status = latest[0]
    return f": its latest run, {run_id}, " + _UNFINISHED[status].format(run=shlex.quote(run_id),
                                                                       db=shlex.quote(str(db)))  # fmt: skip


def choose_period(
    store: Store, watchlist: Watchlist, *, week: str | None, since: date | None, until: date | None
) -> Period:
    """--week, else --since/--until, else the period last briefed, else the ISO week of the newest document."""
    if week is not None and (since or until):
        raise ConfigError("give either --week or --since/--until, not both")
    if week is not None:  # `--week ""` too: said, not taken for no week
        return _briefable(iso_week(week), f"--week {week!r}")
    if since or until:
        if not (since and until):
            raise ConfigError("--since and --until go together (e.g. --since 2025-08-25 --until 2025-08-31)")
        return _briefable(between(since, until), f"--since {since}")
    last = store.query(
        "SELECT period_start, period_end FROM briefings WHERE watchlist = ? ORDER BY period_end DESC LIMIT 1",
        [watchlist.name],
    )
    if last:
        return Period(last[0][0], last[0][1])
    newest = queries.latest_event_date(store, tickers=[t.symbol for t in watchlist.tickers])
    if newest is None:
        raise ConfigError("no documents stored for this watchlist yet: give --week or --since/--until")
    iso = newest.isocalendar()
    return iso_week(f"{iso.year}-W{iso.week:02d}")


def _briefable(period: Period, given: str) -> Period:
    """A period whose briefing can read the weeks before it (the trend's, late documents'): not year 1's first weeks."""
    if period.start < EARLIEST:
        raise ConfigError(f"{given}: give a day on or after {EARLIEST}: a briefing reads the {TREND_WEEKS} weeks "
                          "before its period")  # fmt: skip
    return period


def brief(
    store: Store,
    watchlist: Watchlist,
    *,
    run_id: str,
    period: Period,
    settings: Settings,
    formats: tuple[str, ...],
    out_dir: Path,
    deliver: bool,
    undelivered: bool = False,
    report: Callable[[str], None] = lambda _m: None,
) -> BriefResult:
    req = BriefingRequest(
        run_id=run_id,
        watchlist_name=watchlist.name,
        tickers=[t.symbol for t in watchlist.tickers],
        topics=list(watchlist.topics.watch) + [t.name for t in watchlist.topics.custom],
        period=period,
        out_dir=out_dir,
        formats=formats,
        sources={t.symbol: tuple(t.sources) for t in watchlist.tickers},
        closes=deliver,  # sent to its targets, it closes its period as a run's does; looked at alone, it does not
    )
    files = write_briefing(store, req)
    for old in files.replaced:
        report(replaced_said(old))
    sent: list[Outcome] = []
    resend_id = None
    if deliver:
        from watchdesk.graph.delivery import deliver_briefing

        # a send after the run is a person's act, audited apart: the run's own record stays as the run left it
        resend_id = f"{run_id}:resend:{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ}"
        sent = deliver_briefing(files, watchlist=watchlist, settings=settings, store=store, run_id=resend_id,
                                report=report, resend="undelivered" if undelivered else True)  # fmt: skip
    return BriefResult(files=files, deliveries=sent, resend_id=resend_id, set_aside=store.set_aside)
