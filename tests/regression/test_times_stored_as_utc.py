"""The store review (session 22): under TZ=America/Los_Angeles a run's started_at read 03:11 while the briefing
said 11:11+00:00; DuckDB turns an aware datetime bound into a TIMESTAMP column into the session's time zone. With
flagging times stored in two zones, a custom topic removed under one zone stayed in current_findings and later runs
re-flagged the same documents. Every connection now stores UTC, whatever the machine's zone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

SCRIPT = """
import sys
from datetime import UTC, datetime
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store
with Store.open(sys.argv[1]) as s:
    s.save_run(RunRecord(run_id=sys.argv[2], watchlist="w", watchlist_hash="h", mode="replay", status="done",
                         started_at=datetime(2026, 12, 5, 11, 11, tzinfo=UTC)))
"""


def test_a_writer_in_any_time_zone_stores_utc(tmp_path: Path) -> None:
    db = tmp_path / "tz.duckdb"
    for n, zone in enumerate(["America/Los_Angeles", "Asia/Tokyo", "UTC"]):
        env = {**os.environ, "TZ": zone}
        subprocess.run([sys.executable, "-c", SCRIPT, str(db), f"r{n}"], check=True, env=env)
    con = duckdb.connect(str(db), read_only=True)
    try:
        times = {str(t) for (t,) in con.execute("SELECT started_at FROM runs").fetchall()}
    finally:
        con.close()
    assert times == {"2026-12-05 11:11:00"}
