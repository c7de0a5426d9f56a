"""Bug: Ctrl-C while DuckDB ran a query (most of flagging's time is spent there) did not stop the run. DuckDB turns
the KeyboardInterrupt into `RuntimeError: Query interrupted`, which the flagging step took for a bug: the run went on,
wrote and delivered a briefing of half-flagged documents, said "unexpected RuntimeError in store.py:66 in step
flagging: Query interrupted; please report it" and exited 1. Now an interrupted query is the user's Ctrl-C: the run
stops with exit 130, saying how to resume it, as a Ctrl-C anywhere else does."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph import nodes
from watchdesk.graph.cli import EXIT_INTERRUPTED, cli
from watchdesk.graph.signals import queries_stop_on_signals
from watchdesk.store.store import Store, interrupt_queries

ENDLESS = "SELECT sum(hash(range)) FROM range(1000000000000)"


def ctrl_c_soon(store: Store, *, threads: int = 1) -> None:
    """Ctrl-C 0.3 s into the next query. On one thread DuckDB looks for it between small tasks; on several it did not
    look until the query ended (34 s on a 36 s query), unless told (graph/signals.py)."""
    store.query(f"SET threads = {threads}")
    threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()


@pytest.fixture(autouse=True)
def python_sigint_handler() -> None:
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler, "the test needs Python's Ctrl-C handler"


def test_ctrl_c_in_a_store_query_is_a_keyboard_interrupt() -> None:
    with Store.open(":memory:") as store:
        ctrl_c_soon(store)
        with pytest.raises(KeyboardInterrupt):
            store.query(ENDLESS)
        ctrl_c_soon(store)
        with pytest.raises(KeyboardInterrupt):
            store.transaction(lambda con: con.execute(ENDLESS).fetchall())
        assert store.query("SELECT 1") == [(1,)], "the connection is still usable after the interrupt"


@pytest.mark.timeout(60)
def test_ctrl_c_stops_a_query_on_several_threads_at_once() -> None:
    """Bug: with DuckDB's default of one thread per core, Ctrl-C was seen only when the query ended (a 36 s query
    stopped 34 s after Ctrl-C; watchdesk never called the connection's interrupt()). Now the CLI's signal watcher
    interrupts the running query: it stops within a second."""
    with queries_stop_on_signals(), Store.open(":memory:") as store:
        ctrl_c_soon(store, threads=4)
        started = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            store.query(ENDLESS)
        assert time.monotonic() - started < 1.5
        assert store.query("SELECT 1") == [(1,)], "the connection is still usable after the interrupt"


@pytest.mark.timeout(120)
def test_ctrl_c_while_flagging_queries_stops_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def flag_until_interrupted(store: Store, **_kw: object) -> None:
        ctrl_c_soon(store, threads=4)  # as many as a laptop has cores: `watchdesk run` tells DuckDB of the Ctrl-C
        store.query(ENDLESS)

    monkeypatch.setattr(nodes, "flag_documents", flag_until_interrupted)
    wl, db = tmp_path / "w.toml", tmp_path / "w.duckdb"
    wl.write_text(WATCHLIST, encoding="utf-8")
    pack = nvidia_pack(tmp_path / "pack")
    result = CliRunner().invoke(cli, ["run", str(wl), "--replay", str(pack), "--db", str(db),
                                      "--out", str(tmp_path / "out")])  # fmt: skip
    said = " ".join(result.stderr.split())
    assert result.exit_code == EXIT_INTERRUPTED, said
    assert "unexpected" not in said and "Query interrupted" not in said, said
    with Store.open(db, read_only=True) as store:
        ((run_id, status),) = store.query("SELECT run_id, status FROM runs")
        assert status == "running", "left for the next start to mark interrupted and `approve` to resume"
        assert store.query("SELECT count(*) FROM gaps WHERE agent = 'flagging'") == [(0,)]
    assert f"interrupted: what was stored is kept; run {run_id} resumes with `watchdesk approve {run_id} --db" in said
    assert not list((tmp_path / "out").glob("*.md")), "no briefing of half-flagged documents"


def test_a_store_closed_as_ctrl_c_comes_stops_no_watcher() -> None:
    """A query that ends, and its store closed, between the watcher's look and its interrupt: DuckDB's interrupt() on
    a closed connection raised ConnectionException in the watcher thread, which died with a traceback on stderr."""
    store = Store.open(":memory:")
    store._running = 1  # as seen by the watcher an instant before the query ended
    store.close()
    interrupt_queries()
