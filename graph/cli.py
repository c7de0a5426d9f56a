"""The `watchdesk` command line: a thin layer over graph.runner and the agents."""

from __future__ import annotations

import atexit
import gc
import os
import shlex
import signal
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from watchdesk.graph.cli_group import EXIT_CONFIG as EXIT_CONFIG
from watchdesk.graph.cli_group import EXIT_ERROR as EXIT_ERROR
from watchdesk.graph.cli_group import EXIT_IN_USE as EXIT_IN_USE
from watchdesk.graph.cli_group import EXIT_INTERRUPTED as EXIT_INTERRUPTED
from watchdesk.graph.cli_group import EXIT_PIPE as EXIT_PIPE
from watchdesk.graph.cli_group import Group, terminate
from watchdesk.graph.cli_input import DB_HELP, GivenPath, PastDay, new_file, replay_option, write_text
from watchdesk.graph.console import err, escape
from watchdesk.graph.settings import Settings, from_env, today
from watchdesk.graph.signals import queries_stop_on_signals
from watchdesk.sources.errors import (
    SIZE_LIMIT,
    ConfigError,
    no_room,
)
from watchdesk.sources.redact import redact_text

if TYPE_CHECKING:
    from watchdesk.agents.briefing.delivery_types import Outcome


def progress(enabled: bool = True) -> Callable[[str], None]:
    started = time.monotonic()

    def report(message: str) -> None:
        if enabled:
            err.print(f"[dim]{time.monotonic() - started:6.1f}s[/dim]  {escape(redact_text(message))}")

    return report


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="watchdesk")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """watchdesk: SEC filings and earnings calls, flagged by topic, briefed weekly.

    \b
    Quick tour:
      watchdesk demo                      # offline run over recorded SEC data
      watchdesk init watchlist.toml       # write an example watchlist
      watchdesk run watchlist.toml        # live run (needs WATCHDESK_SEC_IDENTITY)
    """
    ctx.obj = from_env()
    ctx.with_resource(queries_stop_on_signals())  # Ctrl-C stops a DuckDB query on several threads at once
    ctx.call_on_close(_say_unmerged_logs)
    if ctx.obj.cache_dir is not None:  # compiled flagging regexes, so the next command starts fast
        from watchdesk.agents.flagging.regex_cache import use_dir

        use_dir(ctx.obj.cache_dir / "flagging")
    if ctx.obj.store_template is not None:  # the tests' (store/template.py)
        from watchdesk.store import template

        template.use(ctx.obj.store_template)


def _say_unmerged_logs() -> None:
    """A store whose log could not be merged into it as it closed (its file at a size limit, a full disk) is said on
    stderr, whatever the command's outcome: it would otherwise grow run after run while each run says done."""
    if (store := sys.modules.get("watchdesk.store.store")) is None:  # no store opened: not imported for nothing
        return
    for path, why in store.unmerged_logs().items():
        room = "raise the limit" if why == SIZE_LIMIT else "free some space"
        click.echo(f"warning: {path}.wal could not be merged into {path}: {no_room(why)}. What was written is kept "
                   f"in {path}.wal and read back at the next open; {room}, then run any watchdesk command on the "
                   "database to merge it.", err=True)  # fmt: skip


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        type=GivenPath(dir_okay=False, path_type=Path),
        help=DB_HELP,
    )(fn)


def out_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--out",
        type=GivenPath(file_okay=False, path_type=Path),
        help="Folder for briefings (default ./briefings).",
    )(fn)


def _settings(ctx: click.Context, **changes: Any) -> Settings:
    settings: Settings = ctx.obj
    if changes.get("db_path") is not None:  # --db given: the messages about the database name it, not WATCHDESK_DB
        changes["db_named_by"] = "--db"
    return settings.with_(**{k: v for k, v in changes.items() if v is not None})



@cli.command()
@click.argument("watchlist", type=GivenPath(dir_okay=False))
@db_option
@out_option
@replay_option
@click.option(
    "--record",
    type=GivenPath(file_okay=False, path_type=Path),
    help="Also save every response into a replay pack here.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Validate everything and print the plan; write nothing, fetch at most SEC's ticker map.",
)
@click.option("--yes", is_flag=True, help="Approve the plan without asking (when the policy wants approval).")
@click.option(
    "--as-of",
    "as_of",
    type=PastDay(example="--as-of 2026-07-17"),
    help="Run as if today were this day (YYYY-MM-DD): the briefing's period and dates, the filings window and the "
    "horizon count from it, to replay recorded data; what is fetched is what the source (or pack) serves now. Such a "
    "run (a trial) starts a goal's horizon, and its approval counts for policy approval = \"first:N\", only for other "
    "runs --as-of a past day, not for the run today.",
)
@click.option(
    "--scheduled",
    is_flag=True,
    help="Unattended (cron): never ask; a plan awaiting approval sends a notice to the delivery targets.",
)
@click.pass_context
def run(
    ctx: click.Context,
    watchlist: str,
    db: Path | None,
    out: Path | None,
    replay: Path | None,
    record: Path | None,
    dry_run: bool,
    yes: bool,
    as_of: datetime | None,
    scheduled: bool,
) -> None:
    """Run a watchlist (or a goal in quotes): plan, approve if the policy says so, fetch, flag, brief.

    \b
    Examples:
      WATCHDESK_SEC_IDENTITY='Jane Analyst jane@example.com' watchdesk run watchlist.toml
      watchdesk run watchlist.toml --replay my-pack --db test.duckdb
      watchdesk run .watchdesk/demo-watchlist.toml --replay .watchdesk/demo-replay-* --as-of 2026-07-17
                                                  # a week the demo recorded, as a weekly run briefs it
      watchdesk run "Monitor NVIDIA and AMD filings for inventory and export controls weekly"
    """

    from watchdesk.graph.cli_plan import load_or_plan, on_disk
    from watchdesk.graph.watchlist import horizon_ended
    from watchdesk.graph.watchlist_paths import briefing_folder_said

    if scheduled:  # cron's shell sourced the env file: one open to others is said in the run's log, or refused
        from watchdesk.graph.cron_env import env_file, env_file_said

        if open_to_others := env_file_said(env_file()):
            click.echo(f"warning: {open_to_others}", err=True)
    if as_of is not None:  # before a goal is planned: its horizon counts from this day too
        ctx.obj = _settings(ctx, as_of=as_of.date())
    settings = _settings(ctx, db_path=db, out_dir=out, record_dir=record)
    # a goal is planned as `watchdesk plan --db` would: the same goal as its earlier runs in this database, by name,
    # approval and horizon
    wl = load_or_plan(watchlist, settings)
    if not on_disk(watchlist):  # a goal: what it cannot say is fixed in a file, which `plan --out` writes
        from watchdesk.graph.validate import ensure_valid

        try:
            ensure_valid(wl, origin=str(watchlist))
        except ConfigError as exc:
            raise ConfigError(f"{exc}\nA goal has no file to fix this in: `watchdesk plan {shlex.quote(watchlist)} "
                              "--out watchlist.toml` writes it as a watchlist; edit that, then `watchdesk run "
                              "watchlist.toml`.") from None  # fmt: skip
    if on_disk(watchlist, file=True):  # `approve` reads the secrets the database does not keep from it again
        settings = settings.with_(watchlist_path=Path(watchlist))
    if said := briefing_folder_said(wl, out_dir=settings.out_dir):
        click.echo(f"note: {said}", err=True)
    if replay is not None:
        settings = settings.with_(mode="replay", replay_dir=replay)
    ended = horizon_ended(wl, settings.as_of or today())
    if ended and not on_disk(watchlist):  # a goal has no `until` to move, nor a schedule of its own to remove
        ended = ended.replace("Move or remove `until`", "Give the goal a later end date ('until YYYY-MM-DD')")
    if ended and not dry_run:
        if not scheduled:
            raise ConfigError(f"{watchlist}: {ended}.")
        # cron: nothing to run is no failure, but say how to stop these runs
        stop = f"watchdesk schedule remove {watchlist}" if on_disk(watchlist) else "remove its line from your crontab"
        click.echo(f"{watchlist}: {ended}, or stop these runs: {stop}", err=True)
        return
    if dry_run:
        from watchdesk.graph.dry_run import dry_run as check

        check(wl, settings, origin=str(watchlist), echo=click.echo)
        return
    from watchdesk.graph import runner
    from watchdesk.graph.cli_ask import ask
    from watchdesk.graph.cli_wait import left_waiting, run_then_ask, when_free

    approver = (lambda _req: "approve") if yes else (ask if _at_terminal() and not scheduled else None)
    told: list[Outcome] = []  # whom the notice of a run left waiting reached, or not
    on_wait = left_waiting(wl, settings, told) if approver is None else None

    if approver is ask:  # the prompt waits with the database closed, so notebooks and `runs` can read it
        outcome = run_then_ask(wl, settings)
    elif scheduled:  # two watchlists scheduled at the same minute on one database: the second waits its turn
        from watchdesk.graph.notices import started_or_noticed  # one that cannot start says so beside the briefings

        outcome = started_or_noticed(lambda: when_free(lambda: runner.start_run(wl, settings, approver=approver,
                                                                                report=progress(), on_wait=on_wait),
                                                       budget=settings.lock_wait_s),
                                     watchlist=wl, settings=settings, report=progress())  # fmt: skip
    else:
        outcome = runner.start_run(wl, settings, approver=approver, report=progress(), on_wait=on_wait)
    from watchdesk.graph.cli_outcome import exit_on_failure, print_outcome

    if not (on_wait and outcome.status == "awaiting_approval"):  # a run left waiting said it as it was left
        print_outcome(outcome, settings, plan_shown=approver is ask)  # the prompt showed it
    exit_on_failure(outcome, settings)
    if outcome.status == "awaiting_approval" and approver is None:
        from watchdesk.graph.delivery import approval_notice

        # nobody told (a failure, or no target approved yet): a cron monitor must not read it as a success
        if told and not any(o.status == "sent" for o in told):
            said = "; ".join(f"{o.kind} {o.target}: {o.status}" for o in told)
            err.print(f"the approval notice reached nobody ({escape(redact_text(said))}): the run waits for approval "
                      f"all the same, as {approval_notice(settings.out_dir, outcome.run_id)} says", soft_wrap=True)
            raise SystemExit(EXIT_ERROR)


@cli.command()
@click.argument("run_id")
@db_option
@click.option("--reject", is_flag=True, help="Reject the plan (or abandon an interrupted run); no network.")
@click.option("--edit", "keep", metavar="STEPS", help='Approve only these steps: numbers, ranges or ids ("1-3,7").')
@click.option("--show", is_flag=True, help="Print the run's stored plan (and why it waits); change nothing.")
@click.option("--yes", is_flag=True, help="Approve without showing the plan and asking (at a terminal it asks).")
@click.pass_context
def approve(ctx: click.Context, run_id: str, db: Path | None, reject: bool, keep: str | None, show: bool,
            yes: bool) -> None:  # fmt: skip
    """Approve (or reject, or narrow) a run waiting for approval, or an interrupted one, and resume it from its
    checkpoint.

    At a terminal a waiting run's plan is shown first and you answer approve / reject / edit, as `watchdesk run`
    asks (--yes skips that); elsewhere (a script) the run goes ahead at once. A run resumes as it started: a
    --replay run from the same pack, a --record run still recording. It delivers with this shell's settings and,
    for each one this shell does not set (WATCHDESK_SMTP_URL, a webhook variable, WATCHDESK_SEC_IDENTITY, and
    WATCHDESK_MODEL's provider key, e.g. OPENAI_API_KEY), with that of ~/.config/watchdesk/env, as a scheduled run
    reads it, so it sends what the scheduled run would have.

    \b
    Examples:
      watchdesk approve 2026-11-23-1a2b3c4d --show     # the plan, and why it waits
      watchdesk approve 2026-11-23-1a2b3c4d
      watchdesk approve 2026-11-23-1a2b3c4d --edit 1-3,7
      watchdesk approve 2026-11-23-1a2b3c4d --reject
    """
    if reject and keep:
        raise click.UsageError("--reject and --edit contradict each other: reject the plan, or approve some steps")
    if show and (reject or keep or yes):
        raise click.UsageError("--show changes nothing: give it alone, or approve, --reject or --edit without it")
    settings = _settings(ctx, db_path=db)
    if not reject:  # it sends what the scheduled run would have: what this shell lacks, from the scheduled runs' file
        settings = _with_scheduled_settings(run_id, settings, show=show)
    if show:
        from watchdesk.graph.resume import run_said

        click.echo(run_said(run_id, settings))
        return
    from watchdesk.graph import runner

    # `--edit ""` is an edit that keeps nothing (refused, the run keeps waiting), not a plain approval
    decision: Any = "reject" if reject else {"decision": "edit", "keep": keep} if keep is not None else "approve"
    if decision == "approve" and not yes and _at_terminal():
        from watchdesk.graph.cli_wait import ask_first

        decision = ask_first(run_id, settings)
        if decision is None:
            return
    outcome = runner.resume_run(run_id, settings, decision=decision, report=progress())
    from watchdesk.graph.cli_outcome import exit_on_failure, print_outcome

    print_outcome(outcome, settings)
    exit_on_failure(outcome, settings)


def _with_scheduled_settings(run_id: str, settings: Settings, *, show: bool) -> Settings:
    """`settings` completed from the scheduled runs' env file for a run that can resume, saying what was read. A run
    that cannot (no database, no such run, one done) is said first, as the only line (`--show` shows it as it is)."""
    from watchdesk.graph.cron_env import env_file, scheduled_settings
    from watchdesk.graph.llm_env import model_variables
    from watchdesk.graph.resume import load_stopped, webhook_variables

    try:
        stopped = load_stopped(run_id, settings)
    except ConfigError:
        if show:
            return settings
        raise
    settings, added, note = scheduled_settings(settings, home=str(Path.home()), wanted=webhook_variables(stopped))
    if provider_said := model_variables(settings.model, added):  # its client reads them of the process, as cron's does
        os.environ.update({name: settings.env[name] for name in provider_said})
    if note:
        err.print(f"warning: {escape(note)}", soft_wrap=True)
    if added:
        err.print(f"read {', '.join(added)} from {escape(str(env_file()))} (not set in this shell), as a scheduled "
                  "run reads it", soft_wrap=True)  # fmt: skip
    return settings


def _at_terminal() -> bool:
    return sys.stdin.isatty()



@cli.command()
@click.argument("path", type=GivenPath(dir_okay=False, path_type=Path), default="watchlist.toml")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: Path, force: bool) -> None:
    """Write a commented example watchlist (NVIDIA, TSMC, ASML; inventory, supply chain, geopolitics).

    \b
    Example:
      watchdesk init my-watchlist.toml
    """
    from importlib import resources

    new_file(path, force=force)
    write_text(path, (resources.files("watchdesk.graph") / "example_watchlist.toml").read_text(encoding="utf-8"))
    click.echo(f"wrote {path}; check it with: watchdesk run {path} --dry-run")



def _register_groups() -> None:
    """One line per command module: imported when its command runs; `watchdesk --help` shows the summary."""
    cli.add_lazy("brief", "watchdesk.graph.cli_brief:brief",
                 "Write the briefing of one period from what is stored (nothing is fetched) and print the paths.")
    cli.add_lazy("edgar", "watchdesk.graph.cli_edgar:edgar",
                 "SEC EDGAR tools: a filing's text, sections and items; diff two filings; list and download filings.",
                 subcommands=("watchdesk.graph.cli_edgar_remote:list_filings",
                              "watchdesk.graph.cli_edgar_remote:download_filings",
                              "watchdesk.graph.cli_edgar_diff:diff"))
    cli.add_lazy("demo", "watchdesk.graph.cli_demo:demo",
                 "Run the whole pipeline offline on recorded SEC responses bundled with watchdesk.")
    cli.add_lazy("changes", "watchdesk.graph.cli_findings:changes",
                 "List what changed between each company's consecutive filings, as stored (nothing is fetched).")
    cli.add_lazy("evidence", "watchdesk.graph.cli_findings:evidence",
                 "Show what a briefing's citation stands on: the sentence, the ones around it, and where it was said.")
    cli.add_lazy("findings", "watchdesk.graph.cli_findings:findings",
                 "List every stored finding by company, topic, period and kind of document, with its source.")
    cli.add_lazy("flag", "watchdesk.graph.cli_flag:flag",
                 "Flag topic mentions in a transcript or SEC filing: JSONL, one flag per line.")
    cli.add_lazy("plan", "watchdesk.graph.cli_plan:plan",
                 "Turn a goal in plain words into a watchlist and print the plan a run would execute.")
    cli.add_lazy("runs", "watchdesk.graph.cli_runs:runs",
                 "List runs with their status (newest first), and the row count of every table; with RUN_ID, that "
                 "run's audit\n    trail instead: every request, refusal, approval (who, when, the steps an edit left "
                 "out) and delivery, oldest\n    first.")  # its help's first paragraph as click keeps it, indent too
    cli.add_lazy("schedule", "watchdesk.graph.cli_schedule:schedule",
                 "Run a watchlist on its [schedule] (cadence, day, time) from cron.")
    cli.add_lazy("sentiment", "watchdesk.graph.cli_sentiment:sentiment",
                 "Score sentences: positive / negative / neutral with a score in [-1, 1].")
    cli.add_lazy("transcript", "watchdesk.graph.cli_transcript:transcript",
                 "Earnings-call transcripts: parse any layout into speakers, roles, prepared remarks and Q&A.",
                 subcommands=("watchdesk.graph.cli_transcript_fetch:fetch",))


_register_groups()



def main() -> None:
    signal.signal(signal.SIGTERM, terminate)
    # Python's exit no longer runs its cycle collector over all a command loaded and made (~0.7 s of CPU after a
    # `watchdesk run`'s last line): the system takes the memory back whole. Registered first, this handler runs last,
    # after the others (the regex cache's save); objects freed by reference counting still close what they hold.
    atexit.register(gc.freeze)
    cli(prog_name="watchdesk")


if __name__ == "__main__":
    main()
