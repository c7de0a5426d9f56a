"""`watchdesk schedule install|show|remove WATCHLIST`: the crontab entry that runs a watchlist unattended."""

from __future__ import annotations

import functools
import shutil
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from watchdesk.agents.briefing.text import plural
from watchdesk.graph.cli_input import DB_DEFAULT, GivenPath
from watchdesk.graph.settings import Settings, today
from watchdesk.sources.errors import ConfigError


def _crontab_option(fn: Any, *, verb: str = "Edit") -> Any:
    return click.option(
        "--crontab-file",
        type=GivenPath(dir_okay=False, path_type=Path),
        help=f"{verb} this file instead of the user's crontab: one in the user crontab's format (what `crontab FILE` "
        "installs; tests), not an /etc/cron.d file, whose lines also name a user.",
    )(fn)


def _job(watchlist: Path, db: Path, out: Path) -> Any:
    from watchdesk.graph.schedule import Job

    return Job(watchlist=watchlist, db=db.resolve(), out=out.resolve(), log=watchlist.with_suffix(".log"),
               executable=shutil.which("watchdesk") or str(Path(sys.argv[0]).resolve()))  # fmt: skip


@click.group("schedule")
def schedule() -> None:
    """Run a watchlist on its [schedule] (cadence, day, time) from cron.

    The time is this machine's local time (cron fires by it); the period a run briefs is counted in UTC days.

    \b
    Example:
      watchdesk schedule install watchlist.toml
    """


@schedule.command("install")
@click.argument("watchlist", type=GivenPath(dir_okay=False, exists=True, path_type=Path))
@click.option("--db", type=GivenPath(dir_okay=False, path_type=Path),
              help=f"The store the runs write: a DuckDB file ({DB_DEFAULT}; the cron line names it absolute).")
@click.option("--out", type=GivenPath(file_okay=False, path_type=Path), help="Folder for briefings.")
@click.option("--write-env", is_flag=True, help="Copy the settings the runs need (SEC identity, SMTP URL, webhook "
              "variables) from this shell into ~/.config/watchdesk/env, readable by you only.")
@_crontab_option
@click.pass_context
def install(ctx: click.Context, watchlist: Path, db: Path | None, out: Path | None, write_env: bool,
            crontab_file: Path | None) -> None:  # fmt: skip
    """Add (or replace) the crontab line that runs WATCHLIST unattended at its scheduled time.

    The line sources ~/.config/watchdesk/env first: put WATCHDESK_SEC_IDENTITY, WATCHDESK_SMTP_URL and
    webhook variables there (never in the crontab), or pass --write-env to copy them from this shell. Cron
    passes a run none of this shell's variables: install checks the file as a run reads it and installs
    nothing while a setting the watchlist needs is missing there. A run that needs approval, or that cannot
    start, stops and notifies the delivery targets instead of sending a briefing.

    \b
    Example:
      watchdesk schedule install watchlist.toml --db ~/watchdesk.duckdb
    """
    from watchdesk.graph.schedule import Crontab, cron_line, schedule_notes, watchdesk_lines, with_entry
    from watchdesk.graph.validate import describe_problems, option_problems
    from watchdesk.graph.watchlist import horizon_ended, load_watchlist

    settings: Settings = ctx.obj
    wl = load_watchlist(watchlist)
    if ended := horizon_ended(wl, settings.as_of or today()):  # today as `run` counts it
        raise ConfigError(f"{watchlist}: {ended}; nothing installed.")
    if problems := option_problems(out_dir=out or settings.out_dir, db_path=db or settings.db_path,
                                   command="schedule install", db_named_by="--db" if db else settings.db_named_by):
        raise ConfigError(describe_problems("nothing installed; the scheduled runs would fail", problems))
    path = watchlist.resolve()
    job = _job(path, db or settings.db_path, out or settings.out_dir)
    line = cron_line(wl.schedule, job)
    table = Crontab(crontab_file)
    text = table.read()
    table.check_writable()
    _check_cron_env(wl, settings, crontab=text, write=write_env)
    table.write(with_entry(text, path, line))
    click.echo(line)
    for said in _installed_said(wl, job, replaced=bool(watchdesk_lines(text, path)),
                                where=str(crontab_file) if crontab_file else "your crontab"):  # fmt: skip
        click.echo(said)
    for note in schedule_notes(wl, path=watchlist):
        click.echo(note)
    _print_next(wl.schedule, until=wl.until)
    if wl.until is not None:
        click.echo(f"runs after {wl.until.isoformat()} (the watchlist's `until`) do nothing; "
                   f"`watchdesk schedule remove {watchlist}` takes the line out")  # fmt: skip


def _installed_said(wl: Any, job: Any, *, replaced: bool, where: str) -> list[str]:
    """What install did, and what each run will do with its briefing: where it is written and sent, where the run's
    output goes, and, where the policy asks approval, that `watchdesk approve` sends it, with which settings (a
    review: install printed the crontab line and run times alone, so a user who set delivery up learnt none of it)."""
    from watchdesk.graph.cron_env import env_file
    from watchdesk.graph.planner import describe_delivery

    # the file target naming no path is the folder the briefing is written to: said as that folder, not as the plan's
    # "file briefing folder" ("delivers it to file briefing folder" read garbled)
    folder = " (the briefing folder, its file target)" if any(d.kind == "file" and not d.path for d in wl.delivery) \
        else ""
    others = [describe_delivery(d) for d in wl.delivery if d.kind != "file" or d.path]
    sent = f" and delivers it to {' and '.join(others) or 'no target'}" if others or not folder else ""
    lines = [f"installed in {where}{' (its earlier line for this watchlist replaced)' if replaced else ''}: each run "
             f"writes its briefing to {job.out}{folder}{sent}; what it says goes to {job.log}"]  # fmt: skip
    if wl.policy.approval != "never":
        lines.append(f"a run the policy stops for approval (approval = \"{wl.policy.approval}\") sends no "
                     f"briefing: it leaves AWAITING-APPROVAL-RUN_ID.md in {job.out} and tells the e-mail and Slack "
                     "targets of the last approved run; `watchdesk approve RUN_ID` then sends it, with the settings "
                     f"of the shell it runs in and, for what that shell does not set, those of "
                     f"{env_file()}")  # fmt: skip
    return lines


@schedule.command("show")
@click.argument("watchlist", type=GivenPath(dir_okay=False, exists=True, path_type=Path))
@functools.partial(_crontab_option, verb="Read")
@click.pass_context
def show(ctx: click.Context, watchlist: Path, crontab_file: Path | None) -> None:
    """Print WATCHLIST's crontab line and the next three times it runs.

    Run times are on this machine's local clock (its zone is named); each run briefs UTC days, and show says
    which: the first run's time in UTC and its period, and when a run falls on another date in UTC.

    \b
    Example:
      watchdesk schedule show watchlist.toml
    """
    from watchdesk.graph.schedule import Crontab, cron_line, schedule_notes, watchdesk_lines
    from watchdesk.graph.watchlist import load_watchlist

    wl = load_watchlist(watchlist)
    settings: Settings = ctx.obj
    # the line `install` would write with the default --db and --out, shown when none is installed (a new user's
    # walkthrough: the README says show prints the line)
    would = cron_line(wl.schedule, _job(watchlist.resolve(), settings.db_path, settings.out_dir))
    if crontab_file is None and shutil.which("crontab") is None:  # nothing can be installed here: say so, still show
        click.echo("not installed: this machine has no `crontab` command (install cron, or pass --crontab-file); "
                   f"`watchdesk schedule install {watchlist}` would write:\n{would}")
    else:
        text = Crontab(crontab_file).read()
        lines = watchdesk_lines(text, watchlist.resolve())
        click.echo("\n".join(lines) if lines else
                   f"not installed; `watchdesk schedule install {watchlist}` would write:\n{would}")
        if lines:  # installed: what its runs would lack since (an env file edited after install)
            _warn_cron_env(wl, watchlist, crontab=text)
    for note in schedule_notes(wl, path=watchlist):
        click.echo(note)
    _print_next(wl.schedule, until=wl.until)


def _warn_cron_env(wl: Any, watchlist: Path, *, crontab: str) -> None:
    """A warning when the env file a scheduled run reads lacks a setting the watchlist needs, as install refuses."""
    from watchdesk.graph.cron_env import cron_environment, effects_said, env_file, env_file_said, missing_settings

    path = env_file()
    try:
        if open_to_others := env_file_said(path):
            click.echo(f"warning: {open_to_others}", err=True)
        env = cron_environment(path, crontab=crontab, home=str(Path.home()), done_said="its runs would not start")
    except ConfigError as exc:  # a file sh stops in: which line, never its text
        click.echo(f"warning: {exc}", err=True)
        return
    try:
        missing = missing_settings(wl, env)
    except ConfigError as exc:  # a value that does not read: said as install says it
        click.echo(f"warning: {path}: {exc}", err=True)
        return
    if missing:
        click.echo(f"warning: {path}, which each scheduled run reads (cron passes it no other variable), does not set "
                   f"{', '.join(missing)}: each run would {effects_said(missing)}; put "
                   f"{'it' if len(missing) == 1 else 'them'} there, or `watchdesk schedule install {watchlist} "
                   "--write-env` copies them from this shell", err=True)  # fmt: skip


@schedule.command("remove")
@click.argument("watchlist", type=GivenPath(dir_okay=False, path_type=Path))
@_crontab_option
def remove(watchlist: Path, crontab_file: Path | None) -> None:
    """Remove WATCHLIST's crontab line; every other line stays as it was.

    \b
    Example:
      watchdesk schedule remove watchlist.toml
    """
    from watchdesk.graph.schedule import Crontab, watchdesk_lines, with_entry

    table = Crontab(crontab_file)
    text = table.read()
    path = watchlist.resolve()
    gone = watchdesk_lines(text, path)
    table.write(with_entry(text, path, None))
    click.echo(f"removed {plural(len(gone), 'line')} for {path}" if gone
               else f"no watchdesk line for {path}: nothing removed")  # fmt: skip


def _check_cron_env(wl: Any, settings: Settings, *, crontab: str, write: bool) -> None:
    """Refuse (ConfigError) while the env file, read as a scheduled run reads it, lacks a setting the watchlist
    needs; with `write`, first copy the missing ones from this shell."""
    from watchdesk.graph.cron_env import (
        cron_environment,
        env_file,
        env_file_said,
        missing_said,
        missing_settings,
        write_env,
    )

    path, home = env_file(), str(Path.home())
    try:
        if open_to_others := env_file_said(path):  # used, and said; refused when others may write it
            click.echo(f"warning: {open_to_others}", err=True)
        missing = missing_settings(wl, cron_environment(path, crontab=crontab, home=home))
    except ConfigError as exc:  # a bad value (an identity with no address): said as the run would say it
        raise ConfigError(f"nothing installed: {path}: {exc}") from None
    if missing and write:
        write_env(path, missing, here=settings.env)
        click.echo(f"wrote {', '.join(missing)} to {path} (readable by you only)")
        missing = missing_settings(wl, cron_environment(path, crontab=crontab, home=home))
    if missing:
        raise ConfigError(missing_said(missing, path, here=settings.env))
    from watchdesk.graph.llm_env import model_env_note  # the LLM is optional: a note, installed all the same

    if note := model_env_note(cron_environment(path, crontab=crontab, home=home), where=str(path)):
        click.echo(f"note: {note}", err=True)


def _print_next(sched: Any, *, until: date | None = None) -> None:
    """The next runs on the local clock cron follows, then what they brief in UTC days, the zone of every period."""
    from watchdesk.graph.schedule import next_runs, zone_notes, zone_said

    runs = [w.astimezone() for w in next_runs(sched, after=datetime.now()) if until is None or w.date() <= until]
    click.echo(f"next runs, in this machine's local time ({zone_said(runs[0])}), which cron follows:" if runs
               else f"next runs: none (the horizon ends {until})")  # fmt: skip
    for when in runs:
        click.echo(f"  {when:%a %Y-%m-%d %H:%M}")
    for note in zone_notes(sched, runs):
        click.echo(note)
