"""A goal planned on the spot (`watchdesk run "GOAL"`) is the same goal as its earlier runs in the database.

Goals were named by their companies alone ("goal-tsm-asml-nvda") until their names took a hash of what they watch
("goal-tsm-asml-nvda-1a2b3c"): a store holding the goal's runs under the old name keeps them under it (its runs,
approval, coverage and last briefing are found by name). And a goal's dates (a horizon "for the next quarter")
move with the day it is planned, which its fingerprint holds: the approvals of its earlier runs count all the same,
and the horizon is counted from the day of its first run (cli_plan.first_horizon), so that it ends: the first run
that went ahead (approved, or started without asking), not one rejected or waiting for a yes; and a trial run of a
past day (`--as-of`) starts the horizon only of other runs of a past day, never of the goal run for real today.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from watchdesk.graph.goal.parse import as_first_hashed, content_tag
from watchdesk.graph.paths import no_database
from watchdesk.graph.watchlist import Watchlist
from watchdesk.graph.watchlist_paths import BRIEFING_FOLDER_NAME as _FIRST_FOLDER
from watchdesk.graph.watchlist_paths import anchored
from watchdesk.sources.errors import StoreDamagedError, WatchdeskError
from watchdesk.store.store import Store

_TAGGED = re.compile(r"^(goal-.+)-[0-9a-f]{6}$")  # the old name, before the hash
# A run that went ahead: approved, approved with steps left out (an edit), or started without asking. A rejected run,
# one waiting for a yes, or one stopped before it asked, started no watch.
WENT_AHEAD = ("approved", "edited", "not_needed")
# The rule first_run_day keeps, as the decisions and the help say it.
HORIZON_RULE = ("the first run that went ahead, approved or started without asking, not a rejected one; a run --as-of "
                "a past day counts only for other runs --as-of a past day")


class _Run(NamedTuple):
    name: str
    fingerprint: str
    day: date  # the day it counted from: --as-of's, else the day it started
    went_ahead: bool  # WENT_AHEAD
    trial: bool  # run --as-of a day before the day it ran: a trial of the past (on recorded data, say)
    ran: date  # the day it started
    approval: str | None  # as stored: "rejected", or None when it waits for a yes or stopped before it asked


def as_before(goal: Watchlist, *, db_path: Path | str) -> Watchlist:
    """`goal` under the old name when the database holds its runs under that name only, and with the fingerprints of
    its earlier runs (of either name), whose approvals count; `goal` itself when the database holds none."""
    tagged = _TAGGED.match(goal.name)
    same = _runs_of(goal, db_path=db_path)
    if tagged is None or not same:
        return goal
    names = {r.name for r in same}
    name = tagged[1] if names == {tagged[1]} else goal.name  # runs under both: it has moved on to the new name
    known = tuple(r.fingerprint for r in same if r.name == name)
    return goal.model_copy(update={"name": name}).known_as(known) if known else goal


def first_run_day(goal: Watchlist, *, db_path: Path | str, as_of: date | None = None) -> date | None:
    """The day the goal's first run in the database counted from (its horizon with it), of either name; None when
    it has not run there. Only a run that went ahead counts (WENT_AHEAD): someone who rejected the plan started no
    watch. A run `--as-of` a past day (a trial on recorded data) counts only when `as_of`, the day the run asking
    counts from, is a past day too: trying a goal on last year's filings does not end its horizon when it is run for
    real."""
    from watchdesk.graph.settings import today

    trial = as_of is not None and as_of < today()
    days = [r.day for r in _runs_of(goal, db_path=db_path) if r.went_ahead and (trial or not r.trial)]
    return min(days, default=None)


def none_counted(goal: Watchlist, *, db_path: Path | str, as_of: date | None = None) -> str | None:
    """Why the goal's runs in the database start no horizon for a run counting from `as_of` (first_run_day gives
    None), in a few words: "the run of 2026-10-01 was rejected"; None when it has no run there, or one that counts."""
    from watchdesk.graph.settings import today

    trial = as_of is not None and as_of < today()
    runs = sorted(_runs_of(goal, db_path=db_path), key=lambda r: (r.day, r.ran))
    if not runs or any(r.went_ahead and (trial or not r.trial) for r in runs):
        return None
    first, more = runs[0], len(runs) - 1
    if first.went_ahead:  # a trial, and the run asking is none
        why = f"the run --as-of {first.day} (on {first.ran}) was a trial on recorded data"
    elif first.approval == "rejected":
        why = f"the run of {first.day} was rejected"
    else:
        why = f"the run of {first.day} was not approved (it waits for a yes, or stopped before it asked)"
    return why + (f" (and {more} more run{'s' if more > 1 else ''} that did not count)" if more else "")


def _runs_of(goal: Watchlist, *, db_path: Path | str) -> list[_Run]:
    """Each run of `goal` in the database, under its name or the old one."""
    tagged = _TAGGED.match(goal.name)
    if tagged is None or no_database(Path(db_path)):
        return []
    from watchdesk.graph.approval import TRIAL

    try:
        with Store.open(db_path, read_only=True) as store:
            rows = store.query("SELECT watchlist, watchlist_hash, watchlist_json, coalesce(as_of, started_at::DATE), "
                               f"coalesce(approval IN (SELECT unnest(?)), false), {TRIAL}, started_at::DATE, approval "
                               "FROM runs WHERE watchlist IN (?, ?)",
                               [list(WENT_AHEAD), goal.name, tagged[1]])  # fmt: skip
    # in use, damaged, no store: the goal is planned as it is
    except (WatchdeskError, OSError, RuntimeError, StoreDamagedError):
        return []
    mine = _tags(goal)
    return [_Run(name, fingerprint, day, ahead, trial, ran, approval)
            for name, fingerprint, stored, day, ahead, trial, ran, approval in rows if _tags_of(stored) & mine]


def approval_said(goal: Watchlist, *, fingerprints: tuple[str, ...], db_path: Path | str, trial: bool,
                  asked: str) -> str | None:  # fmt: skip
    """The plan's approval decision when the approved runs in the database (of `goal` as `fingerprints` say) mean a
    run starts without asking, or when approved trials do not count for it (the run asking is `trial` or not);
    None when it asks, as the policy alone says (`asked`)."""
    from watchdesk.graph.approval import approval_counts, approval_due, trials_said

    mode = goal.policy.approval
    if no_database(Path(db_path)):
        return None
    try:
        with Store.open(db_path, read_only=True) as store:
            approved, _ = approval_counts(store, watchlist=goal.name, fingerprints=fingerprints, run_id="",
                                          trial=trial)  # fmt: skip
            tried = 0 if trial else approval_counts(store, watchlist=goal.name, fingerprints=fingerprints, run_id="",
                                                    trial=True)[0] - approved  # fmt: skip
    except (WatchdeskError, OSError, RuntimeError, StoreDamagedError):  # in use, damaged: the run says what it finds
        return None
    if approval_due(mode, approved_before=approved) or not mode.startswith("first:"):
        return asked + trials_said(tried) if tried and mode.startswith("first:") else None
    runs = f"{approved} approved run" if approved == 1 else f"{approved} approved runs"
    first = "the first run" if mode == "first:1" else f"the first {mode.split(':', 1)[1]} runs"
    return (f"approval: a run starts without asking: {runs} of this goal in {db_path} (policy approval = "
            f'"{mode}" asks on {first} only)')


def same_goal(store: Store, *, name: str, stored: str | None) -> list[str]:
    """The fingerprints of the runs under `name` of the goal a run stored as `stored`, planned on any day (its dates
    move with the day, and so does its fingerprint): those a run of the goal counted as its own (as_before)."""
    mine = _tags_of(stored)
    rows = store.query("SELECT DISTINCT watchlist_hash, watchlist_json FROM runs WHERE watchlist = ?", [name])
    return [str(fingerprint) for fingerprint, other in rows if mine and _tags_of(other) & mine]


def _tags(goal: Watchlist) -> set[str]:
    """The hash of what a goal watches, with its relative paths as written and as a run here reads them (absolute,
    as runs store them now)."""
    first = as_first_hashed(_briefings_as_written(goal))  # its file target as goals wrote it then
    return {content_tag(first), content_tag(anchored(first, base=Path.cwd()))}


def _briefings_as_written(goal: Watchlist) -> Watchlist:
    """`goal` with a file target ".../briefings" (absolute) read as "briefings", as the goal wrote it. Until
    2026-12-06 a goal's runs stored their file target "briefings" made absolute where each run started
    (/home/me/briefings); a goal names no folder of its own, so that path is the one it wrote, from any folder."""
    delivery = tuple(d.model_copy(update={"path": _FIRST_FOLDER}) if d.kind == "file" and d.path
                     and Path(d.path).is_absolute() and Path(d.path).name == _FIRST_FOLDER else d
                     for d in goal.delivery)  # fmt: skip
    return goal if delivery == goal.delivery else goal.model_copy(update={"delivery": delivery})


def _tags_of(stored: str | None) -> set[str]:
    try:
        return _tags(Watchlist.model_validate_json(stored or "{}"))
    except ValidationError:  # a run stored by a watchdesk whose watchlists read otherwise: not this goal
        return set()
