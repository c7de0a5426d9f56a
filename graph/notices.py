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
    from watchdesk.agents.briefing.deliver import Target
    from watchdesk.store.store import Store

T = TypeVar("T")


def cannot_run_notice(out_dir: Path, watchlist: str) -> Path:
    """The file telling a watchlist's scheduled run could not start, in the briefing folder."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", watchlist).strip("-.") or "watchlist"
    return Path(out_dir) / f"CANNOT-RUN-{slug}.md"


def started_or_noticed(
    start: Callable[[], T], *, watchlist: Watchlist, settings: Settings, report: Callable[[str], None]
) -> T:
    """`start()`; a run refused before it started (a setting missing as cron runs it, the database held by another
    program or damaged, SEC out of reach as the tickers resolve) leaves the notice, then the error goes on to the log
    and the exit status; a run that starts removes an earlier notice."""
    try:
        started = start()
    except (ConfigError, DatabaseInUseError, TransportError) as exc:
        notify_cannot_run(watchlist=watchlist, settings=settings, reason=str(exc), report=report,
                          settings_advice=isinstance(exc, ConfigError))  # fmt: skip
        raise
    cannot_run_notice(settings.out_dir, watchlist.name).unlink(missing_ok=True)
    return started


def notify_cannot_run(*, watchlist: Watchlist, settings: Settings, reason: str, report: Callable[[str], None],
                      settings_advice: bool = True) -> None:  # fmt: skip
    """The notice, with where scheduled runs read their settings when those may be why (`settings_advice`)."""
    from watchdesk.agents.briefing.deliver import Message, deliver
    from watchdesk.graph.cron_env import env_file
    from watchdesk.graph.delivery import channels_for, targets_of
    from watchdesk.store.store import Store

    again = f"watchdesk run {settings.watchlist_path or 'WATCHLIST'} --scheduled"
    advice = (f"Scheduled runs read their settings from {env_file()} (cron passes them none of your shell's "
              f"variables). `watchdesk schedule install {settings.watchlist_path or 'WATCHLIST'} --write-env` checks "
              f"that file and copies what is missing from your shell; `{again}`" if settings_advice else f"`{again}`")
    text = (f"watchdesk: the scheduled run of {watchlist.name} on {today()} could not start; nothing was fetched or "
            f"briefed.\nWhy: {redact_text(reason)}\n\n{advice} tries the run now as cron runs it, and removes this "
            "notice once it starts.")
    targets = [t for t in targets_of(watchlist) if t.kind != "file"]
    asks = watchlist.policy.approval != "never"  # an edit to its targets needs a person's yes before they are told
    if targets:
        msg = Message(briefing_id=f"cannot-run:{watchlist.name}:{today()}", run_id="", watchlist=watchlist.name,
                      period=(None, None), period_label="could not start", paths={}, text=text, html=None,
                      headline=text)  # fmt: skip
        # deliveries are recorded in the run's database when it exists; a first run's failure creates none
        # (a store that cannot be opened, damaged or newer, may be why the run could not start: sent all the same)
        stores: list[Path | str] = [settings.db_path, ":memory:"] if Path(settings.db_path).is_file() else [":memory:"]
        for where in stores:
            try:
                with Store.open(where) as store:
                    unread = None if where != ":memory:" else (
                        "the database, which holds the targets of the watchlist's approved runs, cannot be read"
                        if Path(settings.db_path).is_file() else "no run of this watchlist was approved yet")
                    told = _approved(targets, watchlist, store=store, unread=unread, report=report) if asks else targets
                    deliver(msg, told, channels_=channels_for(watchlist, settings), store=store, report=report)
                break
            except (WatchdeskError, OSError) as exc:  # the notice is a courtesy: the run's own error is what is raised
                failed = exc
            except StoreDamagedError as exc:  # found damaged by a query rather than at open: as at open
                failed = exc.error
        else:
            report(f"notice not sent: {redact_text(str(failed))}")
    write_notice(cannot_run_notice(settings.out_dir, watchlist.name), text, what="notice", report=report)


def _approved(targets: list[Target], watchlist: Watchlist, *, store: Store, unread: str | None,
              report: Callable[[str], None]) -> list[Target]:  # fmt: skip
    """The targets a notice may go to when the policy asks approval: those of the watchlist's last approved run, or
    none when the run's database cannot say which (`unread`, why), each left out said."""
    from watchdesk.graph.delivery import approved_targets

    if unread is None:
        return approved_targets(store, watchlist, run_id="", report=report, notice="notice",
                                until="a run of the watchlist with it is approved")[0]  # fmt: skip
    for t in targets:
        for where in t.to if t.kind == "email" else [f"webhook ${t.webhook_env}"]:
            report(f"notice {t.kind} {where}: not told ({unread}; the notice file says it)")
    return []


def write_notice(path: Path, text: str, *, what: str, report: Callable[[str], None]) -> None:
    """A notice file beside the briefings; one that cannot be written is said, never raised."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {text}\n", encoding="utf-8")
    except OSError as exc:
        report(f"{what} not written to {path}: {exc}")
    else:
        report(f"{what} written: {path}")
