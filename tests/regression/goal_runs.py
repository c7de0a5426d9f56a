"""A goal's approved run stored in a test's database, as `watchdesk run "GOAL"` stores one."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

from watchdesk.graph.watchlist import Watchlist
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store


def store_goal_run(db: Path, watchlist: Watchlist, *, day: date) -> Path:
    """`db` holding one approved, finished run of `watchlist` on `day` (07:00 UTC)."""
    when = datetime.combine(day, time(7), tzinfo=UTC)
    with Store.open(db) as store:
        store.save_run(RunRecord(run_id=f"{day.isoformat()}-0ld0ld00", watchlist=watchlist.name,
                                 watchlist_hash=watchlist.fingerprint(),
                                 watchlist_json=watchlist.redacted().model_dump_json(), mode="live", status="done",
                                 started_at=when, finished_at=when, approval="approved", as_of=day))  # fmt: skip
    return db
