"""A scheduled run that cannot start says so where its briefing would have been, as a run awaiting approval does:
a notice file in the briefing folder and a message to the chat and e-mail targets, not only a line in cron's log.

The notice is one file per watchlist, rewritten by each failed start and removed by the next run that starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from watchdesk.graph.settings import Settings, today
from watchdesk.graph.watchlist import Watchlist
from watchdesk.sources.errors import (
    ConfigError,
    DatabaseInUseError,
    StoreDamagedError,
    TransportError,
    WatchdeskError,
)
from watchdesk.sources.redact import redact_text

if TYPE_CHECKING:
    from watchdesk.agents.briefing.deliver import Outcome, Target

T = TypeVar("T")
REACHED = ("sent", "skipped")  # skipped: told earlier the same day


def cannot_run_notice(out_dir: Path, watchlist: str) -> Path:
    """The file telling a watchlist's scheduled run could not start, in the briefing folder, named as its briefings
    are ("ASML - calls, filings" -> CANNOT-RUN-asml-calls-filings.md)."""
    from watchdesk.agents.briefing.agent import slug

    return Path(out_dir) / f"CANNOT-RUN-{slug(watchlist)}.md"


def _notice_named_before(out_dir: Path, watchlist: str) -> Path:
    """The name a notice took before it was named as the briefings are (session 44: "ASML - calls, filings" ->
    CANNOT-RUN-ASML---calls-filings.md, "Chips" -> CANNOT-RUN-Chips.md): one left by a start that failed before the
    upgrade is removed with the new one, or it would say for good that the watchlist cannot run."""
    return Path(out_dir) / f"CANNOT-RUN-{re.sub(r'[^A-Za-z0-9._-]+', '-', watchlist).strip('-.') or 'watchlist'}.md"


def started_or_noticed(
    start: Callable[[], T], *, watchlist: Watchlist, settings: Settings, report: Callable[[str], None]
) -> T:
    """`start()`; a run refused before it started (a setting missing as cron runs it, the database held by another
    program or damaged, SEC out of reach as the tickers resolve) leaves the notice, then the error goes on to the log
    and the exit status; a run that starts removes an earlier notice."""
    try:
        started = start()
    except (ConfigError, DatabaseInUseError, TransportError) as exc:
        # a setting missing as cron runs it may be why (a ConfigError), but never a store file refused (StoreFileError),
        # a store held by another program or a server out of reach: the error says which it is
        notify_cannot_run(watchlist=watchlist, settings=settings, reason=str(exc), report=report,
                          settings_advice=exc.settings_advice)  # fmt: skip
        raise
    cannot_run_notice(settings.out_dir, watchlist.name).unlink(missing_ok=True)
    _notice_named_before(settings.out_dir, watchlist.name).unlink(missing_ok=True)
    return started


def notify_cannot_run(*, watchlist: Watchlist, settings: Settings, reason: str, report: Callable[[str], None],
                      settings_advice: bool = True) -> None:  # fmt: skip
    """The notice, with where scheduled runs read their settings when those may be why (`settings_advice`), and the
    targets it did not reach."""
    from watchdesk.graph.cron_env import env_file

    again = f"watchdesk run {settings.watchlist_path or 'WATCHLIST'} --scheduled"
    advice = (f"Scheduled runs read their settings from {env_file()} (cron passes them none of your shell's "
              f"variables). `watchdesk schedule install {settings.watchlist_path or 'WATCHLIST'} --write-env` checks "
              f"that file and copies what is missing from your shell; `{again}`" if settings_advice else f"`{again}`")
    text = (f"watchdesk: the scheduled run of {watchlist.name} on {today()} could not start; nothing was fetched or "
            f"briefed.\nWhy: {redact_text(reason)}\n\n{advice} tries the run now as cron runs it, and removes this "
            "notice once it starts.")
    not_told = _tell(text, watchlist=watchlist, settings=settings, report=report)
    write_notice(cannot_run_notice(settings.out_dir, watchlist.name), text + _not_told_said(not_told), what="notice",
                 report=report)  # fmt: skip


def _tell(text: str, *, watchlist: Watchlist, settings: Settings, report: Callable[[str], None]) -> list[Outcome]:
    """Send the notice to the e-mail and Slack targets it may go to, saying those it may not go to as the file does;
    the outcome of each target it did not reach."""
    from watchdesk.agents.briefing.deliver import Message, Outcome, deliver
    from watchdesk.graph.delivery import channels_for, targets_of
    from watchdesk.store.store import Store

    targets = [t for t in targets_of(watchlist) if t.kind != "file"]
    if not targets:
        return []
    not_told: list[Outcome] = []
    if watchlist.policy.approval != "never":  # an edit to its targets needs a person's yes before they are told
        targets, not_told = _approved(targets, watchlist=watchlist, settings=settings, report=report)
    text += _not_told_said(not_told)  # those told learn who was not, in the file's words (a send failing is not known)
    msg = Message(briefing_id=f"cannot-run:{watchlist.name}:{today()}", run_id="", watchlist=watchlist.name,
                  period=(None, None), period_label="could not start", paths={}, text=text, html=None,
                  headline=text)  # fmt: skip
    # deliveries are recorded in the run's database when it exists; a first run's failure creates none
    # (a store that cannot be opened, damaged or newer, may be why the run could not start: sent all the same)
    stores: list[Path | str] = [settings.db_path, ":memory:"] if Path(settings.db_path).is_file() else [":memory:"]
    outcomes: list[Outcome] = []
    for where in stores if targets else []:
        try:
            with Store.open(where) as store:
                outcomes = deliver(msg, targets, channels_=channels_for(watchlist, settings), store=store,
                                   report=report)  # fmt: skip
            break
        except (WatchdeskError, OSError) as exc:  # the notice is a courtesy: the run's own error is what is raised
            failed = exc
        except StoreDamagedError as exc:  # found damaged by a query rather than at open: as at open
            failed = exc.error
    else:
        if targets:
            report(f"notice not sent: {redact_text(str(failed))}")
            outcomes = [Outcome(kind=t.kind, target=where, status="not sent", error=redact_text(str(failed)))
                        for t in targets for where in (t.to if t.kind == "email" else [f"webhook ${t.webhook_env}"])]
    if not any(o.status in REACHED for o in outcomes):
        said = cannot_run_notice(settings.out_dir, watchlist.name)
        report(f"the notice reached no e-mail or Slack target: only {said} and this log say the run could not start")
    return not_told + [o for o in outcomes if o.status not in REACHED]


def _approved(targets: list[Target], *, watchlist: Watchlist, settings: Settings,
              report: Callable[[str], None]) -> tuple[list[Target], list[Outcome]]:  # fmt: skip
    """The targets a notice may go to when the policy asks approval: those of the watchlist's last approved run, as the
    database holds them or, when it cannot be read, as the copy beside it does; each one left out said, and why."""
    from watchdesk.graph.approved_targets import last_approved, only_approved, recalled, record_file, remember
    from watchdesk.store.store import Store

    db, name = Path(settings.db_path), watchlist.name
    later = "it gets nothing until a run of the watchlist with it is approved"
    unread = f"there is no database at {db}"
    if db.is_file():
        try:
            with Store.open(db) as store:
                remember(store, watchlist=name, db_path=db)  # a store approved before the copy was kept
                approved = last_approved(store, name)
            why = ("not a target of the watchlist's last approved run" if approved else
                   "no run of this watchlist was approved yet")  # fmt: skip
            return only_approved(targets, approved, why=why, report=report, notice="notice", then=later)
        except (WatchdeskError, OSError, StoreDamagedError):  # damaged, held by another program: the copy says
            unread = f"the database {db}, which holds the targets of the watchlist's approved runs, cannot be read"
    copy = record_file(db)
    try:
        approved = recalled(db, name)
    except ConfigError as exc:
        approved, unread = None, f"{unread}, and {exc}"
    if approved is not None:
        report(f"{unread}: the notice goes to the targets of the watchlist's last approved run ({approved.run_id}) "
               f"as {copy} keeps them")  # fmt: skip
        why = f"not a target of the watchlist's last approved run, as {copy} keeps them"
        return only_approved(targets, approved, why=why, report=report, notice="notice", then=later)
    if not db.exists() and not copy.exists():  # a first run: nothing was ever approved here
        return only_approved(targets, None, why=f"no run of this watchlist was approved yet ({unread})",
                             report=report, notice="notice", then=later)  # fmt: skip
    why = f"{unread}, and no copy of the approved targets of this watchlist was kept beside it ({copy})"
    return only_approved(targets, None, why=why, report=report, notice="notice", then="the notice file says it")


def _not_told_said(outcomes: list[Outcome]) -> str:
    """The notice's list of the e-mail and Slack targets it did not reach, and why."""
    lines = [f"- {o.kind} {o.target}: {o.status} ({redact_text(o.error or 'no reason given')})" for o in outcomes]
    return "\n\nNot told by e-mail or Slack:\n" + "\n".join(lines) if lines else ""


def write_notice(path: Path, text: str, *, what: str, report: Callable[[str], None]) -> None:
    """A notice file beside the briefings; one that cannot be written is said, never raised."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {text}\n", encoding="utf-8")
    except OSError as exc:
        report(f"{what} not written to {path}: {exc}")
    else:
        report(f"{what} written: {path}")
