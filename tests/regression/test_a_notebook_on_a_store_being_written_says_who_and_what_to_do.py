"""Bug: a notebook cell (explore_run.ipynb, `explore.findings`) on a store another process was writing showed a
40-line traceback through contextlib, store/reader.py and store/db.py before its message, and the message for a
watchdesk holder said only "held by a watchdesk process (PID N)": not which command, not that a read-only open cannot
share the file with a writer in DuckDB (the user's first idea: open it read-only), nor whether anything on their side
needs closing. Now a watchdesk error shows in IPython as its message alone (WatchdeskError._render_traceback_), and the
message names the command holding the file (`watchdesk brief wl.toml ...`, read from /proc), says a read-only open
cannot share it, and says to wait. A real `watchdesk brief --deliver` holding the store while a real SMTP server on
loopback is slow to answer; the notebook in a real kernel."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.integration.test_notebooks_read_safely import EXPLORE, execute, held_for_writing, store_with_a_killed_run
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from tests.regression.test_a_greylisted_recipient_is_tried_again import serving
from tests.timing import slowdown
from watchdesk.graph.cli import cli
from watchdesk.sources.errors import DatabaseInUseError
from watchdesk.store import explore

REPO = Path(__file__).resolve().parents[2]
WATCHDESK = Path(sys.executable).parent / "watchdesk"  # the installed command, as a user runs it


class Slow:
    """Takes the message, but answers DATA only once `go` is set: the sender holds the store meanwhile."""

    def __init__(self) -> None:
        self.at_data, self.go = threading.Event(), threading.Event()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.at_data.set()
        while not self.go.is_set():
            await asyncio.sleep(0.05)
        return "250 OK"


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="the holder's command is read from /proc")
def test_a_reader_is_told_which_watchdesk_command_writes_the_store(tmp_path: Path) -> None:
    db, args = a_briefed_store(tmp_path)
    server = Slow()
    with serving(server) as port:
        env = {"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=desk@example.com", "PATH": str(WATCHDESK.parent)}
        brief = subprocess.Popen([str(WATCHDESK), *args], cwd=REPO, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)  # fmt: skip
        try:
            # the brief starts, opens the store and renders before it sends: over 60 s of wall time at a load of 30-40,
            # where a 60 s wait gave up on it; waited for as long as the brief runs (the test's own timeout bounds it)
            while not server.at_data.wait(timeout=1) and brief.poll() is None:
                pass
            assert server.at_data.is_set(), brief.stderr.read() if brief.stderr else ""
            with pytest.raises(DatabaseInUseError) as caught:  # a notebook's call
                explore.findings(db)
            listed = CliRunner().invoke(cli, ["findings", "--db", str(db)])  # a reading command
        finally:
            server.go.set()
            brief.communicate(timeout=60)
    said = str(caught.value)
    # before: "held by a watchdesk process (PID N)"; a long command is cut at 200 characters, said with "..."
    assert f"database in use: {db} is being written by `watchdesk brief {args[1]} " in said, said
    assert f" (PID {brief.pid}), and DuckDB lets no other process open" in said, said
    assert "not even read-only" in said and "Wait for that command to finish" in said, said
    assert "nothing needs closing on this side" in said, said
    assert caught.value._render_traceback_() == [f"HeldByWatchdeskError: {said}"]  # a DatabaseInUseError
    assert listed.exit_code == 3 and "is being written by `watchdesk brief" in " ".join(listed.output.split())
    assert brief.returncode == 0


def test_a_notebook_cell_on_a_held_store_shows_one_paragraph(tmp_path: Path) -> None:
    db = store_with_a_killed_run(tmp_path / "wd.duckdb")
    began, scale = time.monotonic(), slowdown()
    with held_for_writing(db):
        _, error = execute(EXPLORE, db)
    assert time.monotonic() - began < 120 * scale  # stopped at the held store, not waiting for it (x the load)
    shown = error.split("------------------")[-1].strip()  # what the cell shows below its source and output
    assert shown.startswith(f"DatabaseInUseError: database in use: {db} is held for writing by another program"), \
        shown
    assert "not even read-only" in shown and "Close that connection" in shown, shown
    assert len(shown.splitlines()) == 1, shown  # before: a traceback of 40 lines through contextlib, reader.py, db.py
    assert "Traceback" not in error and "contextlib" not in error and "reader.py" not in error, error
