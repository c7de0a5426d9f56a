"""Bug: a run stopped with SIGTERM (what `timeout`, systemd, `docker stop` and a plain `kill` send) died without a
word, mid-write, leaving the person reading cron's mail nothing to go on, where Ctrl-C says what was kept and how to
resume the run. Now SIGTERM stops a run as Ctrl-C does: the same message naming the run and its database, exit 143
(128 + SIGTERM, as a killed program's), and `watchdesk approve` then completes it."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.kill_harness import cli, env, next_start
from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.store.store import Store

# `watchdesk run` as it is, except that once its plan is saved its next request waits for the stop (at most 60 s),
# and says on stderr that it waits (HELD). The SIGTERM is sent when that line is read, so it always lands while the
# run waits for NVIDIA's listing. Sent as "planned" was read, it reached a busy machine's run after the listing had
# been fetched, which the resumed run fetched again (4 requests, not 3); held, but still sent at "planned", it landed
# anywhere from the planner's last statement to the listing's request (LangGraph saving the planner's checkpoint,
# routing to the next step), wherever the load had the run by then.
HELD = "test harness: a request waits for the stop"
HELD_AFTER_THE_PLAN = f"""
import sys
from watchdesk.graph.cli import main
from watchdesk.sources.gateway import Gateway
from watchdesk.store import store
save_plan, get, planned = store.Store.save_plan, Gateway.get, []
def saved(self, **kwargs):
    save_plan(self, **kwargs)
    planned.append(True)
def held(self, url, **kwargs):
    if planned:
        print("{HELD}", file=sys.stderr, flush=True)
        store._STOPPING.wait(60)  # set by the SIGTERM on any thread (graph/signals.py); the main thread's ends in it
    return get(self, url, **kwargs)
store.Store.save_plan, Gateway.get = saved, held
sys.argv = ["watchdesk", *sys.argv[1:]]
main()
"""


# a whole replayed run in a subprocess, then its approve: 50-74 s at load 15; 300 s was outlasted at a load of 37-40
@pytest.mark.timeout(600)
def test_sigterm_mid_run_says_how_to_resume_and_approve_completes_it(tmp_path: Path) -> None:
    wl, db = tmp_path / "w.toml", tmp_path / "w.duckdb"
    wl.write_text(WATCHLIST, encoding="utf-8")
    args = cli("run", wl, "--replay", nvidia_pack(tmp_path / "pack"), "--db", db, "--out", tmp_path / "out")[3:]
    proc = subprocess.Popen([sys.executable, "-c", HELD_AFTER_THE_PLAN, *args], env=env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stderr is not None
    said = []
    for line in proc.stderr:  # the run row exists once the plan is made, and the next request waits
        said.append(line)
        if HELD in line:
            proc.send_signal(signal.SIGTERM)
            break
    assert any("planned" in line for line in said), "".join(said)
    rest = proc.communicate(timeout=120)[1]
    said_all = " ".join(("".join(said) + rest).split())
    assert proc.returncode == 128 + signal.SIGTERM, said_all
    with Store.open(db, read_only=True) as store:
        ((run_id, status),) = store.query("SELECT run_id, status FROM runs")
    assert status == "running", said_all
    assert f"interrupted: what was stored is kept; run {run_id} resumes with `watchdesk approve {run_id} --db {db}`" \
        in said_all, said_all
    code, resumed = next_start(cli("approve", run_id, "--db", db)[3:])  # in this process, as the run's next start
    assert code == 0, resumed
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT status FROM runs") == [("done",)]
        assert store.query("SELECT count(*) FROM findings")[0][0] > 0
    # the requests before the stop count too (a walkthrough, session 27: the resumed summary counted only its own):
    # SEC's ticker map before the stop (since session 45 not again on resuming: the companies its start stored),
    # then NVIDIA's listing and its 10-Q
    assert "; 3 requests;" in resumed, resumed


def test_ctrl_c_before_the_run_is_recorded_says_there_is_nothing_to_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A walkthrough (session 27): Ctrl-C while the tickers resolved said "a run stopped mid-way resumes with
    `watchdesk approve RUN_ID` (`watchdesk runs` lists it)", and `watchdesk runs` then said "no database"."""
    from click.testing import CliRunner

    from watchdesk.graph import runner
    from watchdesk.graph.cli import EXIT_INTERRUPTED
    from watchdesk.graph.cli import cli as watchdesk

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "resolve_companies", interrupted)
    wl, db = tmp_path / "w.toml", tmp_path / "w.duckdb"
    wl.write_text(WATCHLIST, encoding="utf-8")
    done = CliRunner().invoke(watchdesk, ["run", str(wl), "--replay", str(nvidia_pack(tmp_path / "pack")), "--db",
                                          str(db), "--out", str(tmp_path / "out")])  # fmt: skip
    said = " ".join(done.stderr.split())
    assert done.exit_code == EXIT_INTERRUPTED and not db.exists()
    assert said.endswith("interrupted: what was stored is kept; the run stopped before it was recorded, so there is "
                         "nothing to resume: run it again"), said
