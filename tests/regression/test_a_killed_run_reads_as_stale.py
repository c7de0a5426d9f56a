"""Bug: a run killed mid-way showed as `running` forever to `watchdesk runs` (and the notebook), though the
read-only open that listed it proves no process writes the file, and a live run holds it from start to end."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store


def test_runs_shows_a_running_run_as_stale_and_leaves_it(tmp_path: Path) -> None:
    db = tmp_path / "wd.duckdb"
    with Store.open(db) as store:
        for run_id, status, day in (("killed", "running", 2), ("finished", "done", 1)):
            store.save_run(RunRecord(run_id=run_id, watchlist="w", watchlist_hash="h", mode="live", status=status,
                                     started_at=datetime(2026, 11, day, tzinfo=UTC)))  # fmt: skip
    result = CliRunner().invoke(cli, ["runs", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert [line.split("\t")[:2] for line in result.stdout.splitlines()] == [
        ["killed", f"running (stale: its process ended before the run did, by Ctrl-C or a kill; `watchdesk approve "
                   f"killed --db {db}` resumes it)"],
        ["finished", "done"],
    ]
    with duckdb.connect(str(db), read_only=True) as con:  # shown, not written: a reader never marks it
        assert con.execute("SELECT status FROM runs WHERE run_id = 'killed'").fetchall() == [("running",)]
