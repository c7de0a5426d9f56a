"""`watchdesk plan "GOAL"`: an analyst's goal in plain words -> a watchlist file and the plan a run would execute."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from watchdesk.graph.cli_input import DB_DEFAULT, Day, GivenPath, new_file, replay_option, write_text
from watchdesk.graph.settings import Settings, today

if TYPE_CHECKING:  # the parser loads SEC's ticker map: only when a goal is planned
    from collections.abc import Callable
    from typing import Any

    from watchdesk.graph.goal.names import CompanyIndex
    from watchdesk.graph.goal.parse import GoalPlan
    from watchdesk.graph.watchlist import Watchlist


def plan_goal(
    goal: str,
    settings: Settings,
    *,
    as_of: date,
    report: Callable[[str], None] | None = None,
    index: CompanyIndex | None = None,
) -> GoalPlan:
    """The GoalPlan for `goal`: the deterministic parse, then (with WATCHDESK_MODEL) the LLM's fill-in."""
    from watchdesk.graph.goal.parse import parse_goal
    from watchdesk.graph.goal.refresh import index_for

    plan = parse_goal(goal, as_of=as_of, index=index or index_for(settings))
    if settings.model and plan.not_understood:
        from watchdesk.graph.goal.llm import fill_with_model, model_for
        from watchdesk.sources.llm_http import reached_said

        rows: list[Any] = []
        model = model_for(settings.model, report=report, audit=rows.append)
        if model is not None:
            plan = fill_with_model(plan, model=model, as_of=as_of, report=report)
        if report is not None and (sent := reached_said(rows)):  # no store is open yet: said, not audited
            report(f"goal: model requests: {sent}; no audit row (a goal is planned before any run opens a store)")
    return plan


def show_plan(plan: GoalPlan, settings: Settings, *, as_of: date) -> str:
    """The numbered steps (agent, target, permission) the run would execute, as the approval prompt shows them: with
    WATCHDESK_MODEL, the flagging step names the LLM judge's host."""
    from watchdesk.graph.dry_run import model_said
    from watchdesk.graph.planner import build_plan, describe

    llm_host = model_said(plan.watchlist, settings)[0]
    steps = build_plan(plan.watchlist, plan.companies, as_of=as_of, out_dir=settings.out_dir, llm_host=llm_host)
    return describe(steps)


@click.command("plan")
@click.argument("goal")
@click.option("--out", type=GivenPath(dir_okay=False, path_type=Path), help="Write the watchlist here.")
# SEC's electronic filings begin in 1993; far days overflow the horizon's and the filings window's arithmetic
@click.option("--as-of", "as_of", type=Day(first=date(1993, 1, 1), last=date(2999, 12, 31)),
              help="Count the horizon from this day.")
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@click.option("--db", type=GivenPath(dir_okay=False, path_type=Path),
              help="DuckDB file a run of the goal uses: its earlier runs there keep their name, approval and horizon "
              "(counted from the first run that went ahead: approved or started without asking; a run --as-of a past "
              f"day, its approval too, only for other runs --as-of a past day) ({DB_DEFAULT}).")
@click.option(
    "--refresh-tickers",
    is_flag=True,
    help="Fetch SEC's current ticker map first (needs WATCHDESK_SEC_IDENTITY, or --replay); later plans use it.",
)
@replay_option
@click.pass_context
def plan(
    ctx: click.Context,
    goal: str,
    out: Path | None,
    as_of: datetime | None,
    force: bool,
    db: Path | None,
    refresh_tickers: bool,
    replay: Path | None,
) -> None:
    """Turn a goal in plain words into a watchlist and print the plan a run would execute.

    Offline and deterministic: companies resolve through the SEC ticker map shipped with watchdesk
    (or the one --refresh-tickers fetched last). Without --out the watchlist TOML goes to stdout and
    the plan to stderr. The decisions say how each company was read; one named only as context of
    what is watched for ("Watch NVDA for Apple demand") is not watched. With WATCHDESK_MODEL set and words the
    parser did not understand, the model is asked to fill them in, on its provider's own host or this machine only;
    planning opens no store, so the request leaves no audit row: stderr says where it went and how it ended.

    \b
    Example:
      watchdesk plan "Monitor earnings call transcripts for NVIDIA, TSMC and ASML for the next quarter. \\
        Flag any mentions of inventory adjustments or geopolitical supply chain risks. \\
        Summarize the sentiment weekly." --out watchlist.toml
    """
    from watchdesk.graph.goal.render import render_watchlist

    settings: Settings = ctx.obj if db is None else ctx.obj.with_(db_path=db)
    day = as_of.date() if as_of else settings.as_of or today()
    if out is not None:
        new_file(out, force=force)
    index = None
    if refresh_tickers:
        from watchdesk.graph.goal.refresh import refresh

        index = refresh(settings, replay=replay)
    result = plan_goal(goal, settings, as_of=day, report=_say, index=index)
    result = as_run_acts(result, settings.with_(as_of=day), file=out)
    text = render_watchlist(result, as_of=day)
    summary = summarize(result, settings, as_of=day)
    if out is None:
        click.echo(text)
        _say(summary)
        return
    write_text(out, text)
    click.echo(f"wrote {out}\n\n{summary}\n\nrun it with: watchdesk run {out}")


def summarize(result: GoalPlan, settings: Settings, *, as_of: date, with_plan: bool = True) -> str:
    lines = ["Decisions:", *[f"  - {d}" for d in result.decisions]]
    if with_plan:
        lines += ["", "Plan:", *["  " + line for line in show_plan(result, settings, as_of=as_of).splitlines()]]
    lines += ["", "Not understood:"] + ([f"  - {n}" for n in result.not_understood] or ["  (nothing)"])
    return "\n".join(lines)


def load_or_plan(arg: str, settings: Settings) -> Watchlist:
    """`watchdesk run`'s argument: a watchlist file, or (not a file, not *.toml) a goal planned on the spot."""
    from watchdesk.graph.watchlist import load_watchlist

    if on_disk(arg) or arg.strip().lower().endswith(".toml"):
        return load_watchlist(Path(arg))
    day = settings.as_of or today()
    result = plan_goal(arg, settings, as_of=day, report=_say)
    acted, known = _as_run_acts(result, settings, file=None)  # its decisions as the run acts on them
    summary = summarize(acted, settings, as_of=day, with_plan=False)
    _say(f"goal planned as watchlist {known.name!r}:\n{summary}\n")
    return known


def goal_as_before(goal: Watchlist, settings: Settings, *, text: str) -> tuple[Watchlist, str | None]:
    """A goal planned on the spot as the database knows it (goal/earlier.py): under the old name of its runs there, with
    their approvals, and with the horizon counted from its first run (first_horizon); and that horizon's decision when
    it is not as just planned."""
    from watchdesk.graph.goal.earlier import as_before

    known = as_before(goal, db_path=settings.db_path)
    if known.name != goal.name:
        _say(f"the goal's earlier runs in {settings.db_path} are named {known.name!r} (a goal's name had no hash of "
             f"what it watches then): it keeps the name {known.name!r} its runs in this database have, with their "
             "approval and coverage\n")  # fmt: skip
    until, said = first_horizon(text, known, settings)
    return known.model_copy(update={"until": until}), said


def first_horizon(text: str, goal: Watchlist, settings: Settings) -> tuple[date | None, str | None]:
    """The goal's end date counted from the day of its first run in the database ("for the next 4 weeks" from then,
    not from each run's day, or the watch would never end), and the decision that says so; the goal's own end date
    and None when it has not run there before today or its horizon does not move with the day ("until 2027-06-30").
    Its first run is the first that went ahead (goal/earlier.py's HORIZON_RULE)."""
    from watchdesk.graph.goal.earlier import first_run_day
    from watchdesk.graph.goal.parse import parse_goal
    from watchdesk.graph.goal.refresh import index_for
    from watchdesk.sources.errors import WatchdeskError

    first = first_run_day(goal, db_path=settings.db_path, as_of=settings.as_of)
    if goal.until is None or first is None or first >= (settings.as_of or today()):
        return goal.until, None
    try:
        then = parse_goal(text, as_of=first, index=index_for(settings))
    except WatchdeskError:  # it read otherwise then: counted from today, as planned
        return goal.until, None
    counted = f"counted from {first})"
    said = next((d for d in then.decisions if d.startswith("horizon: until") and d.endswith(counted)), None)
    if then.watchlist.until in (None, goal.until) or said is None:
        return goal.until, None
    from watchdesk.graph.goal.earlier import HORIZON_RULE

    return then.watchlist.until, (said.removesuffix(")") + f", the day of the goal's first run in {settings.db_path}); "
                                  f"a goal's horizon ends where its first run put it ({HORIZON_RULE}): to watch after "
                                  "that, give it an end date ('until YYYY-MM-DD')")


def from_today(planned: str, goal: Watchlist, settings: Settings) -> str | None:
    """The `planned` horizon decision, counted from the day planned, saying why no earlier run of the goal in the
    database starts it ("counts from today: the run of 2026-10-01 was rejected"); None when it has no such run."""
    from watchdesk.graph.goal.earlier import none_counted

    day = settings.as_of or today()
    if goal.until is None or not planned.endswith(f"counted from {day})"):  # "until 2027-06-30" moves with no day
        return None
    why = none_counted(goal, db_path=settings.db_path, as_of=settings.as_of)
    return f"{planned}; counts from {'today' if day == today() else day}: {why}" if why else None


def as_run_acts(result: GoalPlan, settings: Settings, *, file: Path | None) -> GoalPlan:
    """The plan of a goal as a run acts on it: under the name and with the approvals of its earlier runs in the
    database (`watchdesk run "GOAL"`), or, written to `file`, with those of the runs of that file's watchlist."""
    return _as_run_acts(result, settings, file=file)[0]


def _as_run_acts(result: GoalPlan, settings: Settings, *, file: Path | None) -> tuple[GoalPlan, Watchlist]:
    """as_run_acts, and the watchlist `watchdesk run "GOAL"` runs (with the fingerprints of its earlier runs)."""
    from dataclasses import replace

    from watchdesk.graph.goal.earlier import approval_said
    from watchdesk.graph.watchlist import Watchlist
    from watchdesk.graph.watchlist_paths import anchored

    known, horizon = goal_as_before(result.watchlist, settings, text=result.goal)
    written = Watchlist.model_validate(known.model_dump())  # as the file reads: no earlier fingerprint of the goal
    # a file's run reads its paths from the file's folder
    ran = anchored(known, base=Path.cwd()) if file is None else anchored(written, base=file.parent)
    asked = next((d for d in result.decisions if d.startswith("approval:")), "")
    said = approval_said(known, fingerprints=ran.fingerprints(), db_path=settings.db_path, asked=asked,
                         trial=settings.as_of is not None and settings.as_of < today())  # fmt: skip
    planned = next((d for d in result.decisions if d.startswith("horizon:")), "")
    horizon = horizon or from_today(planned, known, settings)
    decisions = tuple(said if said and d.startswith("approval:") else
                      horizon if horizon and d.startswith("horizon:") else d for d in result.decisions)  # fmt: skip
    return replace(result, watchlist=written, decisions=decisions), known


def on_disk(arg: str, *, file: bool = False) -> bool:
    """Is there anything (with `file`, a file) at the path `arg`? A goal longer than a file name may be ("File name too
    long") names none."""
    try:
        return Path(arg).is_file() if file else Path(arg).exists()
    except OSError:
        return False


def _say(message: str) -> None:
    """A line for the person at the terminal (stderr), never wrapped or styled: plans are copied from it."""
    from watchdesk.graph.cli import err

    err.print(message, markup=False, highlight=False, soft_wrap=True)
