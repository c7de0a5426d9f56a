"""Bug (a new user's walkthrough): Ctrl-C during `watchdesk demo` took 5 to 10 s to stop it, and meanwhile the run went
on: "NVDA: 2 filings in window, 4 new documents ..." was printed seconds after the Ctrl-C. Python raises the
KeyboardInterrupt in the main thread only, where LangGraph waits for the steps it runs in parallel on worker threads
(filings, calls and news per ticker); they ran to their end, fetching, parsing and storing whole 10-Ks. Now the
signal watcher tells the store the process is stopping, and a step on a worker thread stops at its next statement: the
demo stopped 1.2 to 2.0 s after Ctrl-C where it took 9.8 s (load average 9 on 2 cores), and `watchdesk approve`
resumes it to the same tables as an uninterrupted demo."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import nvidia_pack
from watchdesk.agents import filings
from watchdesk.graph.cli import EXIT_INTERRUPTED, cli
from watchdesk.store import store as store_module
from watchdesk.store.store import Store

# two tickers: two filings steps, which LangGraph runs side by side on its worker threads
WATCHLIST = """
name = "two filers"
[[tickers]]
symbol = "NVDA"
cik = 1045810
sources = ["edgar"]
[[tickers]]
symbol = "TSM"
cik = 1046179
sources = ["edgar"]
[filings]
forms = ["10-Q"]
since = 2025-08-01
until = 2025-08-31
[policy]
approval = "never"
"""

BUSY_S = 30.0  # how long each fake step works after the Ctrl-C unless told to stop: far more than the test waits


pytestmark = pytest.mark.usefixtures("python_sigint_handler")  # tests/conftest.py: Ctrl-C as Python reads it


@pytest.mark.timeout(120)
def test_ctrl_c_stops_the_steps_running_on_worker_threads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[str] = []
    ended: list[str] = []
    sent: list[float] = []
    both_started = threading.Event()

    def busy_step(req: filings.FilingsRequest, *, store: Store, **_kw: object) -> filings.FilingsResult:
        """A filings step that stores a row at a time for long after Ctrl-C, as a step storing many filings does."""
        assert threading.current_thread() is not threading.main_thread(), "the steps must run on worker threads"
        started.append(req.company.ticker)
        if len(started) == 2:
            both_started.set()
        both_started.wait(30)
        until = time.monotonic() + BUSY_S + 30
        while time.monotonic() < until and (not sent or time.monotonic() < sent[0] + BUSY_S):
            store.query("SELECT 1")
            time.sleep(0.005)
        ended.append(req.company.ticker)
        return filings.FilingsResult(ticker=req.company.ticker)

    def ctrl_c_once_both_run() -> None:
        if both_started.wait(60):
            time.sleep(0.2)
            sent.append(time.monotonic())
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(filings, "collect", busy_step)
    (tmp_path / "w.toml").write_text(WATCHLIST, encoding="utf-8")
    pack = nvidia_pack(tmp_path / "pack")
    threading.Thread(target=ctrl_c_once_both_run, name="ctrl-c", daemon=True).start()
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "w.toml"), "--replay", str(pack), "--db",
                                      str(tmp_path / "w.duckdb"), "--out", str(tmp_path / "out")])  # fmt: skip
    took = time.monotonic() - sent[0]
    said = " ".join(result.stderr.split())
    assert sorted(started) == ["NVDA", "TSM"], said
    assert result.exit_code == EXIT_INTERRUPTED, said
    assert ended == [], f"steps ran to their end after Ctrl-C ({took:.1f} s): {ended}"
    assert took < BUSY_S, took
    assert "interrupted: what was stored is kept; run " in said and "resumes with `watchdesk approve" in said, said
    # the command is over: the next one in this process (a test's) runs its steps' statements again
    with Store.open(":memory:") as store:
        ran: list[object] = []
        worker = threading.Thread(target=lambda: ran.append(store.query("SELECT 1")))
        worker.start()
        worker.join(30)
        assert ran == [[(1,)]], "a Ctrl-C of an earlier command stopped a later one's statements"
    assert not store_module._STOPPING.is_set()
