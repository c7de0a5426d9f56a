"""`watchdesk brief`: render a briefing for a period from the database alone, and optionally deliver it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from watchdesk.graph.cli_input import DB_HELP, Day, GivenPath, writable_folder
from watchdesk.graph.paths import no_store_to_read
from watchdesk.graph.settings import Settings, today
from watchdesk.sources.errors import ConfigError

if TYPE_CHECKING:
    from watchdesk.agents.briefing.period import Period
    from watchdesk.store.store import Store

FORMATS = ("md", "html")


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise ConfigError(f"--format takes md, html or md,html (got {value!r})")
    return chosen


@click.command("brief")
@click.argument("watchlist", required=False, type=GivenPath(dir_okay=False, path_type=Path))
@click.option(
    "--name", metavar="NAME", help="The stored watchlist to brief, by its `name` (when the database holds several)."
)
@click.option(
    "--db",
    type=GivenPath(dir_okay=False, path_type=Path),
    help=DB_HELP,
)
@click.option("--week", metavar="YYYY-Www",
              help="An ISO week, e.g. 2025-W35 (or 2025W35, 2025-w35): documents dated Monday to Sunday, and those "
              "late into it (first stored after the briefing of their own days was written; then not in their own "
              "week), as `findings --week` lists them: each document in one week. A weekly run's own period is the 7 "
              "days ending on its run day instead (see README, Weekly briefings).")
@click.option("--since", type=Day(), help="First day of the period (with --until).")
@click.option("--until", type=Day(), help="Last day of the period (with --since).")
@click.option("--format", "fmt", multiple=True, default=("md,html",), show_default=True, metavar="[md|html|md,html]",
              help="The files to write: md, html or both (--format md --format html writes both too).")
@click.option(
    "--out", type=GivenPath(file_okay=False, path_type=Path), help="Folder for the files (default ./briefings)."
)
@click.option("--deliver", is_flag=True, help="Send it to the watchlist's [[delivery]] targets, again if sent before.")
@click.option("--undelivered", is_flag=True, help="With --deliver: only to the targets it has not reached yet (those "
              "it failed, or may not have reached), never again to one it was sent to.")
@click.pass_context
def brief(
    ctx: click.Context,
    watchlist: Path | None,
    name: str | None,
    db: Path | None,
    week: str | None,
    since: object,
    until: object,
    fmt: tuple[str, ...],
    out: Path | None,
    deliver: bool,
    undelivered: bool,
) -> None:
    """Write the briefing of one period from what is stored (nothing is fetched) and print the paths.

    Which watchlist: WATCHLIST (a watchlist file: its companies, topics and targets as the file now says), or
    --name NAME (the watchlist as its latest finished run stored it). Without either, the database must hold
    one watchlist's runs; when it holds several (one file shared by a "semis" and an "energy" watchlist) brief
    exits 2 and lists their names. Without --week or --since/--until the period is the latest briefed, the one
    ending last, whenever it was written (or the week of the newest document).

    The gaps shown are those that still leave something of the period unread, whichever finished run of the
    watchlist recorded them (up to its latest): a filing or comparison that failed, for its filing date; a
    document that could not be flagged, for its date; a failed step or an older listing page, for the days it
    would have read, while no run read them; a call source or a feed, up to its run. One that no longer holds
    (the filing stored since, the comparison made, the document flagged, the days read by another run) is left
    out, and so is one about another period (2026 filings' gaps in a 2024-W21 briefing). What was read, and so
    whether "nothing filed" can be said, comes from the same runs.

    \b
    Examples:
      watchdesk brief --db demo.duckdb --week 2025-W35 --format md,html --out briefings
      watchdesk brief --db desk.duckdb --name semis --week 2025-W35
      watchdesk brief watchlist.toml --since 2025-08-01 --until 2025-08-31
      watchdesk brief watchlist.toml --deliver     # re-send the latest briefing to its targets
      watchdesk brief watchlist.toml --deliver --undelivered     # only to those a failure left out
    """
    from watchdesk.agents.briefing.period import iso_week
    from watchdesk.graph.briefing_job import brief as run_brief
    from watchdesk.graph.briefing_job import choose_period, stored_watchlist
    from watchdesk.graph.watchlist import load_watchlist
    from watchdesk.store.store import Store

    if undelivered and not deliver:
        raise click.UsageError("--undelivered says which targets --deliver sends to: give both")
    settings: Settings = ctx.obj
    if watchlist is not None:  # what a resend command names: this file, as this brief read it
        settings = settings.with_(watchlist_path=watchlist)
    db_path = db or settings.db_path
    writable_folder(out or settings.out_dir, option="--out")
    if week is not None:  # said before the database is read: "2026-W60", "", "2099-W01"
        _begun(week, iso_week(week))
    if (first := _day(since)) is not None and first > today():  # as a week to come is: no briefing of it yet
        raise ConfigError(f"--since {first.isoformat()} is after today ({today().isoformat()}, UTC): give a period "
                          "that has begun")
    if why := no_store_to_read(Path(db_path), given=db):
        raise ConfigError(why)
    formats = _formats(",".join(fmt))  # repeated, each is kept: `--format md --format html` writes both
    wl = load_watchlist(watchlist) if watchlist else None
    if wl and name is not None and name != wl.name:
        raise ConfigError(f"{watchlist} names the watchlist {wl.name!r}, not {name!r}: give one or the other")
    if wl and deliver:  # as `run` says it: a file target "briefings" is the briefing folder, --out wherever it is
        from watchdesk.graph.watchlist_paths import briefing_folder_said

        if said := briefing_folder_said(wl, out_dir=out or settings.out_dir):
            click.echo(f"note: {said}", err=True)
    with Store.open(db_path) as store:
        if wl is not None:  # a file: not another one's of the same name (they would share its briefings and targets)
            from watchdesk.graph.watchlist_names import refuse_a_second_file_of_name

            refuse_a_second_file_of_name(store, name=wl.name, path=watchlist, db=db_path)
        stored, run_id = stored_watchlist(store, name=wl.name if wl else name, db=db_path)
        wl = wl or stored
        period = choose_period(store, wl, week=week, since=_day(since), until=_day(until))
        if undelivered and out is not None:
            _not_moved_away(store, name=wl.name, period=period, out=out)
        if deliver:  # what a run refuses is said as it says it: exit 2 (validate, and httpx, only to send)
            from watchdesk.graph.validate import delivery_problems, describe_problems

            if problems := delivery_problems(wl, smtp_url=settings.smtp_url, env=settings.env):
                raise ConfigError(describe_problems("nothing was written or sent", problems))
        result = run_brief(store, wl, run_id=run_id, period=period, settings=settings, formats=formats,
                           out_dir=out or settings.out_dir, deliver=deliver, undelivered=undelivered,
                           report=lambda m: click.echo(m, err=True))  # fmt: skip
    for path in result.files.paths.values():
        click.echo(str(path))
    if result.resend_id and any(o.status != "skipped" for o in result.deliveries):
        # the sends are audited under an id of their own, which no other output names (a user asked "who sent it?")
        from shlex import quote

        click.echo(f"delivery audited as {result.resend_id}: `watchdesk runs {quote(result.resend_id)} --db "
                   f"{quote(str(Path(db_path).absolute()))}` shows each attempt", err=True)  # fmt: skip
    if undelivered and result.deliveries and all(o.status == "skipped" for o in result.deliveries):
        # a retry that had nothing left to do said only "skipped" lines: whether it did anything was a guess
        click.echo("nothing sent: every target already has this period's briefing, or another process is sending "
                   "it now (each said above); --deliver without --undelivered sends it to every target again",
                   err=True)  # fmt: skip
    missed = [(o.kind, o.target, o.status, o.error) for o in result.deliveries
              if o.status in {"failed", "refused", "unconfirmed"}]  # fmt: skip
    if missed:
        from watchdesk.agents.briefing.delivery_rows import resend_line
        from watchdesk.graph.delivery import not_delivered_said

        data = result.files.data
        resend = resend_line(name=wl.name, path=watchlist, db=db_path, period=(data.period_start, data.period_end),
                             out=out or settings.out_dir)  # fmt: skip
        for line in not_delivered_said(missed, resend=resend):
            click.echo(line, err=True)
    if result.set_aside is not None:  # as `run` does: exit 3, the database held, saying where the outcomes wait
        from watchdesk.store.reopen import set_aside_error

        raise set_aside_error(str(db_path), result.set_aside)
    if missed:
        raise SystemExit(1)


def _not_moved_away(store: Store, *, name: str, period: Period, out: Path) -> None:
    """A resend's --out (the folder its run recorded, as every resend command names it) that is gone where the period's
    briefing was last written: the folder was moved or removed, and writing would make it again beside nothing."""
    if out.exists():
        return
    rows = store.query("SELECT path_md, path_html FROM briefings WHERE watchlist = ? AND period_start = ? AND "
                       "period_end = ?", [name, period.start, period.end])  # fmt: skip
    if any(p and Path(p).parent == out.absolute() for row in rows for p in row):
        raise ConfigError(f"--out {out}: the folder this period's briefing was last written to is gone (moved or "
                          "removed?); nothing was written or sent: give --out the folder its briefings are in now, "
                          f"or create {out} to write them there again")


def _begun(week: str, period: Period) -> None:
    """A week after today's has no data yet: a briefing of it would say "no gaps" of a week that has not come."""
    now = today()
    if period.start > now:
        this = now.isocalendar()
        raise ConfigError(f"--week {week!r} begins on {period.start.isoformat()}, after today ({now.isoformat()}, "
                          f"UTC): give a week that has begun, e.g. --week {this.year}-W{this.week:02d}")


def _day(value: object) -> date | None:
    return value.date() if hasattr(value, "date") else None  # click.DateTime gives a datetime
