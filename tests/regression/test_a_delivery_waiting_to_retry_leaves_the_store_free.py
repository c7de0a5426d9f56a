"""Bug: a delivery whose mail server answered "try again later" (451, greylisting) waited and retried with the store
open, and DuckDB lets one process hold the file: a notebook (store.explore), `watchdesk findings`, `watchdesk runs`
and the next run were refused for the whole retry time (`watchdesk brief --deliver` against a server greylisting
twice: every open refused from 1.2 s to 8.3 s of the command's 8.3 s). Now the retry is stored (the `sending` row and
an audit row say it), the store is closed for the waits and the attempts after them, a lease beside the file says the
process lives, and the store is reopened to record the outcome. Meanwhile a reader opens it; a writer does too, and
neither marks the run interrupted nor sends what the waiting process retries; a process killed as it waits leaves the
send said as pending, never sent twice unasked. Real DuckDB file, real SMTP on loopback, real second processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.integration.test_delivery import watchlist, written
from tests.regression.test_a_greylisted_recipient_is_tried_again import serving
from watchdesk.graph.cli import cli
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store import lease
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store

REPO = Path(__file__).resolve().parents[2]
TO = '[[delivery]]\nkind = "email"\nto = ["pm@example.com"]'
WATCHLIST = (f'name = "chips"\n[[tickers]]\nsymbol = "NVDA"\n{TO}\n[policy]\n'  # watchlist(TO), as a file
             'allowed_domains = ["sec.gov", "127.0.0.1"]\nallowed_recipients = ["pm@example.com"]\n')

# A second process while the first waits: a notebook's read, `watchdesk runs`, `watchdesk approve` of the waiting run,
# `watchdesk brief --deliver` of the same briefing, and the start of another run (it marks the runs of dead processes
# interrupted)
SECOND = """
import json, sys
from click.testing import CliRunner
from watchdesk.graph.cli import cli
from watchdesk.store import explore
from watchdesk.store.store import Store
db, wl, out, smtp = sys.argv[1:5]
said = {"findings": len(explore.findings(db))}
said["runs"] = CliRunner().invoke(cli, ["runs", "--db", db]).stdout
approve = CliRunner().invoke(cli, ["approve", "r1", "--db", db])
said["approve"] = [approve.exit_code, " ".join(approve.output.split())]
brief = CliRunner(env={"WATCHDESK_SMTP_URL": smtp}).invoke(
    cli, ["brief", wl, "--db", db, "--deliver", "--week", "2025-W35", "--out", out])
said["brief"] = [brief.exit_code, " ".join(brief.output.split())]
with Store.open(db) as store:
    said["interrupted"] = store.mark_interrupted()
print(json.dumps(said))
"""

# A process delivering with a long wait, to be killed as it waits
KILLED = """
import sys
from pathlib import Path
from tests.integration.test_delivery import watchlist, written
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store
db, smtp = Path(sys.argv[1]), sys.argv[2]
with Store.open(db) as store:
    deliver_briefing(written(store, db.parent), watchlist=watchlist(sys.argv[3]), settings=Settings(smtp_url=smtp),
                     store=store, run_id="r1", backoff=60)
"""


class Greylisting:
    """Answers 451 at RCPT to the first `refusals` recipients, then takes the message."""

    def __init__(self, refusals: int) -> None:
        self.refusals, self.asked, self.received = refusals, 0, 0

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        self.asked += 1
        if self.asked <= self.refusals:
            return "451 4.7.1 Greylisted, please try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received += 1
        return "250 OK"


def smtp_url(port: int) -> str:
    return f"smtp://127.0.0.1:{port}?from=watchdesk@example.com"


def a_store(tmp_path: Path) -> Path:
    """A store holding a finished run r0 of the watchlist and its run r1, running (it delivers)."""
    wl = watchlist(TO)
    db = tmp_path / "d.duckdb"
    with Store.open(db) as store:
        for run_id, status in (("r0", "done"), ("r1", "running")):
            store.save_run(RunRecord(run_id=run_id, watchlist=wl.name, watchlist_hash=wl.fingerprint(), mode="replay",
                                     watchlist_json=wl.redacted().model_dump_json(), status=status,
                                     started_at=datetime.now(UTC), out_dir=str(tmp_path / "out")))  # fmt: skip
    return db


def test_a_second_process_opens_the_store_while_a_greylisted_mail_waits(tmp_path: Path) -> None:
    db, server = a_store(tmp_path), Greylisting(refusals=2)
    (tmp_path / "wl.toml").write_text(WATCHLIST, encoding="utf-8")
    second: list[dict[str, Any]] = []
    said: list[str] = []

    def report(line: str) -> None:  # the first "trying again": the store is closed, the lease held
        said.append(line)
        if "trying again" in line and not second:
            done = subprocess.run([sys.executable, "-c", SECOND, str(db), str(tmp_path / "wl.toml"),
                                   str(tmp_path / "out2"), smtp], capture_output=True, text=True, timeout=120,
                                  cwd=REPO)  # fmt: skip
            assert done.returncode == 0, done.stderr
            second.append(json.loads(done.stdout.splitlines()[-1]))

    with serving(server) as port, Store.open(db) as store:
        smtp = smtp_url(port)
        files = written(store, tmp_path)
        (outcome,) = deliver_briefing(files, watchlist=watchlist(TO), settings=Settings(smtp_url=smtp), store=store,
                                      run_id="r1", backoff=0, report=report)  # fmt: skip
        rows = store.query("SELECT status, attempts FROM deliveries WHERE run_id = 'r1'")
        audit = store.query("SELECT outcome, attempt, detail FROM actions WHERE run_id = 'r1' ORDER BY \"at\"")
        (status,) = store.query("SELECT status FROM runs WHERE run_id = 'r1'")[0]
    ((seen,),) = [second]
    pid = os.getpid()
    assert seen["findings"] == 0, "a notebook's read-only open fails while the store is held"
    r1 = next(line for line in seen["runs"].splitlines() if line.startswith("r1\t"))
    assert r1.split("\t")[1].startswith(f"running (process {pid} waits to try again its delivery to email "
                                        "pm@example.com (2025-W35), since "), r1  # fmt: skip
    assert r1.split("\t")[1].endswith(" UTC; the store is free meanwhile)"), r1
    assert seen["approve"][0] == 2 and f"run r1 is still running: its process {pid} waits to try again" in seen[
        "approve"][1], seen["approve"]  # resumed meanwhile, it would run and deliver twice
    assert seen["brief"][0] == 0, seen["brief"]
    assert (f"delivery email pm@example.com: skipped (another watchdesk process is sending it now: process {pid} "
            "waits to try again") in seen["brief"][1], seen["brief"]  # fmt: skip
    assert seen["interrupted"] == [], "a run whose process waits to retry is no killed run"
    assert (outcome.status, outcome.attempts) == ("sent", 3) and server.received == 1, "sent once, by its process"
    assert rows == [("sent", 3)] and status == "running"
    assert [(o, n) for o, n, _ in audit] == [("retrying", 1), ("sent", 3)]
    assert audit[0][2].startswith("attempt 1 of 3 failed (") and "451 4.7.1 Greylisted" in audit[0][2]
    assert lease.live(db) == [] and not list(tmp_path.glob("d.duckdb.waiting-*")), "the lease is given up"


def test_a_process_killed_as_its_delivery_waits_leaves_it_pending(tmp_path: Path) -> None:
    db, server = a_store(tmp_path), Greylisting(refusals=1)
    with serving(server) as port:
        smtp = smtp_url(port)
        waiting = subprocess.Popen([sys.executable, "-c", KILLED, str(db), smtp, TO], cwd=REPO,
                                   stderr=subprocess.PIPE, text=True)  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while not lease.live(db) and time.monotonic() < deadline and waiting.poll() is None:
                time.sleep(0.1)
            assert [held.run_id for held in lease.live(db)] == ["r1"], waiting.stderr
        finally:
            waiting.send_signal(signal.SIGKILL)
            waiting.wait()
        assert lease.live(db) == [], "a killed process's lease is no lease"
        runs = CliRunner().invoke(cli, ["runs", "--db", str(db)]).stdout
        assert "r1\trunning (stale: its process ended before the run did" in runs, runs
        trail = " ".join(CliRunner().invoke(cli, ["runs", "r1", "--db", str(db)]).output.split())
        assert "briefing deliver.email retrying pm@example.com" in trail, trail
        with Store.open(db) as store:
            ((status, error),) = store.query("SELECT status, error FROM deliveries")
            assert status == "sending" and error.startswith("tried again after attempt 1 of 3 failed ("), error
            assert error.endswith("; trying again in 60 s"), error
            said: list[str] = []
            (again,) = deliver_briefing(written(store, tmp_path), watchlist=watchlist(TO), settings=Settings(
                smtp_url=smtp), store=store, run_id="r2", backoff=0, report=said.append)  # fmt: skip
    assert again.status == "skipped" and server.received == 0, "not sent twice unasked: it may have gone"
    line = " ".join(s for s in said if s.startswith("delivery email pm@example.com"))
    assert "(tried again after attempt 1 of 3 failed (" in line and "451 4.7.1 Greylisted" in line, line
    assert "when its process ended and its outcome was never recorded; not sent again: check with the recipient, " \
        "then `watchdesk brief --name chips --db " in line, line
    assert line.endswith("--deliver --undelivered` sends it to each target it may not have reached)"), line




# a notebook's read-only connection, held until its standard input closes
HOLD = ("import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); print('ok', flush=True); "
        "sys.stdin.read(); c.close()")


def test_a_delivery_records_its_outcome_once_another_process_lets_the_store_go(tmp_path: Path) -> None:
    """A DuckDB connection opened meanwhile (a notebook's, a shell's) and still open at the end of the retries: the
    delivery says it waits for it, and records the outcome once it is closed. The connection is closed once the
    delivery says it waits: it was closed 1.5 s after it opened, and a delivery slower than that to send its second
    attempt and reopen the store (a loaded machine) never waited, and the test found no line saying it did."""
    db, server = a_store(tmp_path), Greylisting(refusals=1)
    holders: list[subprocess.Popen[str]] = []
    said: list[str] = []

    def report(line: str) -> None:
        said.append(line)
        if "trying again" in line and not holders:
            holders.append(subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, text=True))  # fmt: skip
            assert holders[0].stdout is not None and holders[0].stdout.readline().strip() == "ok"
        if "while this process waited to try its delivery again" in line:  # the reopen waits for it: it lets go
            assert holders[0].stdin is not None
            holders[0].stdin.close()

    with serving(server) as port, Store.open(db) as store:
        (outcome,) = deliver_briefing(written(store, tmp_path), watchlist=watchlist(TO), settings=Settings(
            smtp_url=smtp_url(port)), store=store, run_id="r1", backoff=0, report=report)  # fmt: skip
        assert holders[0].wait() == 0
        assert store.query("SELECT status, attempts FROM deliveries") == [("sent", 2)]
    assert (outcome.status, server.received) == ("sent", 1)
    (waited,) = [line for line in said if "while this process waited to try its delivery again" in line]
    assert waited.startswith(f"{db} was opened by another program ("), waited
    assert waited.endswith(" while this process waited to try its delivery again; this one records what it did once "
                           "that one lets the file go, waiting up to 10 min (WATCHDESK_REOPEN_WAIT_S). To let it "
                           "record now, close that connection (or shut the notebook's kernel down): DuckDB lets no "
                           "process write a file that another one has open, even read-only. Ctrl-C stops the wait, "
                           "keeping what it did beside the database"), waited  # fmt: skip
    assert "--db" not in waited, "a delivery waiting for its store has no --db to pass"  # before: "or pass --db"


# What a notebook and `watchdesk runs` see of a run while its delivery waits
READER = """
import json, sys
from click.testing import CliRunner
from watchdesk.graph.cli import cli
from watchdesk.store import explore
print(json.dumps({"findings": len(explore.findings(sys.argv[1])),
                  "runs": CliRunner().invoke(cli, ["runs", "--db", sys.argv[1]]).stdout}))
"""


class ReadDuringRetry(Greylisting):
    """Greylists the first attempt; at the second (made while the run waits to retry), a second process reads."""

    def __init__(self, db: Path) -> None:
        super().__init__(refusals=1)
        self.db, self.seen = db, dict[str, Any]()

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if self.asked == 1 and not self.seen:
            done = subprocess.run([sys.executable, "-c", READER, str(self.db)], capture_output=True, text=True,
                                  timeout=120, cwd=REPO)  # fmt: skip
            self.seen = json.loads(done.stdout.splitlines()[-1]) if done.returncode == 0 else {"error": done.stderr}
        return await super().handle_RCPT(server, session, envelope, address, options)


def test_a_notebook_reads_a_runs_findings_while_its_delivery_waits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.regression.demo_slice import WATCHLIST as SLICE
    from tests.regression.demo_slice import run_args
    from watchdesk.graph import nodes

    monkeypatch.setattr(nodes, "deliver_briefing", partial(deliver_briefing, backoff=0))
    server = ReadDuringRetry(tmp_path / "w.duckdb")
    with serving(server) as port:
        text = SLICE.replace("[policy]", f'{TO}\n[policy]\nallowed_recipients = ["pm@example.com"]')
        result = CliRunner(env={"WATCHDESK_SMTP_URL": smtp_url(port)}).invoke(cli, run_args(tmp_path, text=text))
    assert result.exit_code == 0, result.output
    assert "delivery email pm@example.com: sent" in result.stderr and server.received == 1
    assert server.seen.get("findings", 0) > 0, server.seen  # the run's own findings, read as its delivery waits
    ((run_id, status),) = [line.split("\t")[:2] for line in server.seen["runs"].splitlines()]
    assert status.startswith(f"running (process {os.getpid()} waits to try again its delivery to email "), status
    with Store.open(tmp_path / "w.duckdb", read_only=True) as store:
        assert store.query("SELECT run_id, status FROM runs") == [(run_id, "done")]
        audit = store.query("SELECT outcome FROM actions WHERE action = 'deliver.email' ORDER BY \"at\"")
    assert audit == [("retrying",), ("sent",)]
