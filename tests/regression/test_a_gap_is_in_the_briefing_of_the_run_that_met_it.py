"""Bug (periods45, session 45): a gap about something dated up to 14 days before a period (a filing of the week
before, which the run would have briefed as late) was listed by the period holding the UTC day it was recorded
(agents/briefing/coverage._concerns_period read gaps.created_at), not by the period of the run that met it. A
scheduled run that started at 23:50 UTC on Sunday 2026-07-26 briefs the week ending that Sunday (2026-W30); its
fetch of TSMC's 6-K of 2026-07-16 failed at 00:30 on Monday: its own week's briefing did not list the failure, the
next week's did. The same for a run `--as-of` a past day (a replayed week): its gaps were recorded today. A gap now
goes by its run's day (the last day of the period the run briefs). Real DuckDB file (the demo's), its recorded gap
of a 6-K the recording does not hold."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from tests.regression.demo_briefs import brief_md

SIX_K = "6-K 0001046179-26-000451"  # filed 2026-07-16, the Thursday of 2026-W29


def _gaps(db: Path, week: str, out: Path) -> str:
    return brief_md(db, out, "--week", week).split("\n## Gaps", 1)[1].split("\n## ", 1)[0]


def test_a_fetch_that_failed_after_midnight_is_in_its_runs_week(demo_store: Callable[[Path], Path],
                                                                tmp_path: Path) -> None:  # fmt: skip
    db = demo_store(tmp_path)
    with duckdb.connect(str(db)) as con:  # the demo's run as a Sunday run at 23:50 UTC, not pinned to a day
        con.execute("UPDATE runs SET as_of = NULL, started_at = TIMESTAMP '2026-07-26 23:50'")
        (moved,) = con.execute("UPDATE gaps SET created_at = TIMESTAMP '2026-07-27 00:30' WHERE target = ?",
                               [SIX_K]).fetchone() or (0,)  # fmt: skip
    assert moved == 1
    own, next_week = _gaps(db, "2026-W30", tmp_path / "w30"), _gaps(db, "2026-W31", tmp_path / "w31")
    assert SIX_K in own, own  # before: not listed
    assert SIX_K not in next_week, next_week  # before: listed there


def test_a_run_as_of_a_past_day_lists_its_gaps_in_its_own_week(demo_store: Callable[[Path], Path],
                                                               tmp_path: Path) -> None:  # fmt: skip
    """The demo's run replayed as of Sunday 2026-07-26, as `watchdesk run --as-of 2026-07-26` does: its gaps are
    recorded today (2026-12), and its week's briefing did not list the 6-K it failed to fetch."""
    db = demo_store(tmp_path)
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE runs SET as_of = DATE '2026-07-26'")
    assert SIX_K in _gaps(db, "2026-W30", tmp_path / "w30")  # before: not listed
