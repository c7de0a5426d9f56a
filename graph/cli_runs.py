"""`watchdesk runs`: the runs a store holds and their status, a run's audit trail, and the store's upgrade."""

from __future__ import annotations

import shlex
from pathlib import Path

import click

from watchdesk.graph.cli import _settings, db_option
from watchdesk.graph.console import err, escape
from watchdesk.graph.paths import no_store_to_read
from watchdesk.sources.errors import ConfigError


@click.command("runs")
@click.argument("run_id", required=False)
@db_option
@click.option("--upgrade", is_flag=True, help="First apply this watchdesk's migrations to the store (a store an "
              "older watchdesk wrote), writing nothing else; notebooks read it then.")
@click.option("--limit", type=click.IntRange(min=1), help="List the newest N runs only (every run without it).")
@click.pass_context
def runs(ctx: click.Context, run_id: str | None, db: Path | None, upgrade: bool, limit: int | None) -> None:
    """List runs with their status (newest first), and the row count of every table; with RUN_ID, that run's audit
    trail instead: every request, refusal, approval (who, when, the steps an edit left out) and delivery, oldest
    first.

    A run still marked running while no process holds the file was killed: it shows as stale, unless its process closed
    the file to wait (to try a delivery again), which it says. With --upgrade the
    store is migrated first (readers such as the notebooks never migrate a store; every writing command does).

    \b
    Examples:
      watchdesk runs --db demo.duckdb
      watchdesk runs demo-2026-09-01 --db demo.duckdb      # its audit trail
      watchdesk runs --db demo.duckdb --upgrade     # after upgrading watchdesk, before opening a notebook
      watchdesk runs --limit 5                      # the five newest runs
    """
    from watchdesk.graph.cli_audit import undelivered
    from watchdesk.store import lease, unrecorded
    from watchdesk.store.reader import RUN_STATUS, STALE_RUNNING
    from watchdesk.store.store import Store

    settings = _settings(ctx, db_path=db)
    if why := no_store_to_read(Path(settings.db_path), given=db):
        raise ConfigError(why)
    if upgrade:
        _upgrade(Path(settings.db_path))
    with Store.open(settings.db_path, read_only=True) as store:  # read-only: the run marked stale stays as it is
        if run_id is not None:
            from watchdesk.graph.cli_audit import print_audit

            print_audit(store, run_id, echo=click.echo, note=lambda line: click.echo(line, err=True))
            return
        waiting = lease.live(settings.db_path)  # a run whose process closed the file to wait is no stale one
        missed = undelivered(store)
        listed = store.query(f"SELECT run_id, {RUN_STATUS}, watchlist, started_at FROM runs ORDER BY started_at DESC")
        for run_id, status, watchlist, started in listed[:limit]:
            status = lease.run_status(status, run_id, stale=STALE_RUNNING, waiting=waiting) + missed.get(run_id, "")
            if status.startswith(STALE_RUNNING):  # the command as it can be typed: this run, this database
                resume = f"{shlex.quote(run_id)} --db {shlex.quote(str(settings.db_path))}"
                status = status.replace("approve RUN_ID`", f"approve {resume}`", 1)
            click.echo(f"{run_id}\t{status}\t{started:%Y-%m-%d %H:%M}\t{watchlist}")
        if limit is not None and len(listed) > limit:  # said, so a short list is not taken for all there is
            older = len(listed) - limit
            click.echo(f"{older} older run{'s' * (older != 1)} not listed (--limit {limit})", err=True)
        if not listed:  # said, where a screen of nothing but table counts left a new user wondering
            click.echo(f"No runs in {settings.db_path} yet: `watchdesk run WATCHLIST --db "
                       f"{shlex.quote(str(settings.db_path))}` fills it.", err=True)  # fmt: skip
        click.echo(" ".join(f"{k}={v}" for k, v in store.counts().items()), err=True)
        for line in unrecorded.pending(settings.db_path):  # read-only: said, recorded by the next writer
            click.echo(line, err=True)


def _upgrade(path: Path) -> None:
    """Apply the migrations a store lacks, saying from which schema version to which, and record the delivery outcomes
    kept beside it (unrecorded.py)."""
    from watchdesk.store import db, unrecorded

    with db.connect(path, read_only=True) as con:
        before = db.schema_version(con)
    with db.connect(path) as con:  # a writable open migrates (and refuses a newer store or another program's file)
        after = db.schema_version(con)
    said = "already at" if before == after else f"upgraded from schema version {before} to"
    err.print(f"{escape(str(path))}: {said} schema version {after}")
    for line in unrecorded.settled():  # delivery outcomes a process kept beside the store while it was held
        err.print(escape(line), soft_wrap=True)
