"""Bug (cost): a run's checkpoint file (X.checkpoints.sqlite) was written with SQLite's default synchronous=FULL, so
each of the ~20 commits LangGraph's saver makes in a run (a checkpoint and the writes of each step) forced its log to
the disk: ~100 ms of CPU and more of waiting a replayed run, in every run of the suite and of a user. In the WAL mode
the saver sets, synchronous=NORMAL syncs the log only as SQLite merges it: a commit still outlives the process
killed, and the run still resumes from its checkpoint (tests/integration/test_approval.py resumes runs from it). This
pins the setting; the time is measured in the commit that made it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.regression.demo_slice import nvidia_pack, settings, watchlist
from watchdesk.graph import runner


def test_a_runs_checkpoint_syncs_its_log_only_as_it_merges_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    modes: list[tuple[str, int]] = []
    saver = runner.SqliteSaver

    def seen(conn: sqlite3.Connection, *args: Any, **kwargs: Any) -> Any:
        made = saver(conn, *args, **kwargs)
        made.setup()
        modes.append((conn.execute("PRAGMA journal_mode").fetchall()[0][0],
                      conn.execute("PRAGMA synchronous").fetchall()[0][0]))  # fmt: skip
        return made

    monkeypatch.setattr(runner, "SqliteSaver", seen)
    wl = watchlist()
    wl = wl.model_copy(update={"policy": wl.policy.model_copy(update={"approval": "first:1"})})
    s = settings(tmp_path, nvidia_pack(tmp_path / "pack"))
    assert runner.start_run(wl, s, approver=None, run_id="r1").status == "awaiting_approval"
    assert modes == [("wal", 1)]  # 1: NORMAL (2 is FULL, SQLite's default)
