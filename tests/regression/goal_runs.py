"""A goal's approved run stored in a test's database, as `watchdesk run "GOAL"` stores one."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from watchdesk.graph.watchlist import Watchlist
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store


def store_goal_run(db: Path, watchlist: Watchlist, *, day: date, ran: date | None = None,
                   approval: str | None = "approved", status: str = "done") -> Path:  # fmt: skip
    """`db` holding one approved, finished run of `watchlist` on `day` (07:00 UTC); `ran`: started on that day
    instead, `--as-of day` (a trial of a past day); `approval` and `status` otherwise (a rejected run, say)."""
    # never later than now: a run of today stored at 07:00 while the clock reads 00:10 UTC is one that has not started,
    # and is not counted (test_a_real_runs_approval_counts_for_a_trial failed between midnight and 07:00 UTC)
    when = min(datetime.combine(ran or day, time(7), tzinfo=UTC), datetime.now(UTC) - timedelta(milliseconds=1))
    with Store.open(db) as store:
        store.save_run(RunRecord(run_id=f"{day.isoformat()}-0ld0ld00", watchlist=watchlist.name,
                                 watchlist_hash=watchlist.fingerprint(),
                                 watchlist_json=watchlist.redacted().model_dump_json(), mode="live", status=status,
                                 started_at=when, finished_at=when, approval=approval, as_of=day))  # fmt: skip
    return db
