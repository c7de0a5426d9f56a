"""Bug: what a user saw of a delivery that failed, waited or was left unconfirmed did not say what to do next.
`watchdesk brief --deliver` against a server that was down ended "delivery email pm@...: failed (...)" and the paths,
exit 1, with no command to send it again (a run says one); a send whose process was killed as it waited to try again
left `watchdesk runs RUN` ending at "retrying ... trying again in 60 s", and once the next run found it and marked it
unconfirmed, only that next run's log said so, with "`watchdesk brief --deliver` sends it again", which sends to every
target, including those it reached. Now `brief --deliver` ends with the run's "not delivered (...)" line and the exact
`watchdesk brief ... --deliver --undelivered` command, and `watchdesk runs` marks the run "done (delivery: 1 failed;
`watchdesk runs r0` says which)" until it is sent there; `watchdesk runs RUN` says of a send still `sending` whether its
process is trying it now or ended, and the run that began a send later found unconfirmed has that in its trail; each
says the exact command, which sends to the targets it may not have reached alone. Real DuckDB file, real SMTP on
loopback, a real process killed as it waits."""

from __future__ import annotations

import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_delivery import free_port, loopback_smtp, watchlist, written
from tests.regression.test_a_delivery_waiting_to_retry_leaves_the_store_free import (
    KILLED,
    REPO,
    TO,
    WATCHLIST,
    Greylisting,
    a_store,
)
from tests.regression.test_a_greylisted_recipient_is_tried_again import serving
from watchdesk.graph.cli import cli
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store import lease
from watchdesk.store.store import Store


def flat(text: str) -> str:
    return " ".join(text.split())


def command_in(said: str) -> list[str]:
    """The `watchdesk brief ... --undelivered` command a line names, as arguments."""
    start = said.index("`watchdesk brief ")
    return shlex.split(said[start + 1 : said.index("`", start + 1)])[1:]


def test_brief_deliver_that_failed_says_the_command_that_sends_it_again(tmp_path: Path) -> None:
    db = a_store(tmp_path)
    with Store.open(db) as store:
        written(store, tmp_path)
    (tmp_path / "wl.toml").write_text(WATCHLIST, encoding="utf-8")
    args = ["brief", str(tmp_path / "wl.toml"), "--db", str(db), "--deliver", "--week", "2025-W35", "--out",
            str(tmp_path / "out")]  # fmt: skip
    down = CliRunner(env={"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{free_port()}?from=w@example.com"}).invoke(cli, args)
    assert down.exit_code == 1
    said = flat(down.stderr)
    command = (f"`watchdesk brief {tmp_path / 'wl.toml'} --db {db} --since 2025-08-25 --until 2025-08-31 --out "
               f"{tmp_path / 'out'} --deliver --undelivered`")  # fmt: skip
    assert said.endswith(f"not delivered (email pm@example.com: failed); the briefing is written and stored, {command} "
                         "sends it again where it did not arrive"), said  # fmt: skip
    listed = CliRunner().invoke(cli, ["runs", "--db", str(db)]).stdout  # the run briefed (r0, the last one done)
    assert "r0\tdone (delivery: 1 failed; `watchdesk runs r0` says which)\t" in listed, listed
    with loopback_smtp() as (port, received):
        again = CliRunner(env={"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=w@example.com"}).invoke(
            cli, command_in(said))
    assert again.exit_code == 0, again.output
    assert [e.rcpt_tos for e in received] == [["pm@example.com"]]
    listed = CliRunner().invoke(cli, ["runs", "--db", str(db)]).stdout
    assert "r0\tdone\t" in listed, "sent since, it is no longer said undelivered"


def test_a_send_whose_process_was_killed_is_said_in_its_runs_trail_with_what_to_do(tmp_path: Path) -> None:
    db = a_store(tmp_path)
    with serving(Greylisting(refusals=1)) as port:
        smtp = f"smtp://127.0.0.1:{port}?from=w@example.com"
        waiting = subprocess.Popen([sys.executable, "-c", KILLED, str(db), smtp, TO], cwd=REPO)
        try:
            deadline = time.monotonic() + 60
            while not lease.live(db) and time.monotonic() < deadline and waiting.poll() is None:
                time.sleep(0.1)
            # the lease is taken just before the store is closed: read once the file is free
            while (seen := CliRunner().invoke(cli, ["runs", "r1", "--db", str(db)])).exit_code == 3 and \
                    time.monotonic() < deadline:  # fmt: skip
                time.sleep(0.1)
            now = flat(seen.stderr)
        finally:
            waiting.send_signal(signal.SIGKILL)
            waiting.wait()
        assert (f"delivery email pm@example.com: being sent now: process {waiting.pid} waits to try again its "
                "delivery to email pm@example.com (2025-W35)") in now, now
        ended = flat(CliRunner().invoke(cli, ["runs", "r1", "--db", str(db)]).stderr)
        # the whole command, as every other delivery message says it (before: `watchdesk brief --deliver
        # --undelivered`, which briefed the latest period of ./watchdesk.duckdb)
        assert ("delivery email pm@example.com: its process ended before the outcome was recorded, so it may have "
                f"arrived: check with the recipient before sending it again (`watchdesk brief --name chips --db {db} "
                f"--since 2025-08-25 --until 2025-08-31 --out {tmp_path / 'out'} --deliver --undelivered` does); no "
                "run of the watchlist sends it again unasked") in ended, ended  # fmt: skip
        said: list[str] = []
        with Store.open(db) as store:  # the next run's delivery: not sent again, said unconfirmed
            (skipped,) = deliver_briefing(written(store, tmp_path), watchlist=watchlist(TO), settings=Settings(
                smtp_url=smtp), store=store, run_id="r2", backoff=0, report=said.append)  # fmt: skip
        assert skipped.status == "skipped"
        trail = CliRunner().invoke(cli, ["runs", "r1", "--db", str(db)])
        (row,) = [line for line in trail.stdout.splitlines() if "\tunconfirmed\t" in line]
        out = tmp_path / "out"
        command = (f"`watchdesk brief --name chips --db {db} --since 2025-08-25 --until 2025-08-31 --out {out} "
                   "--deliver --undelivered`")
        assert row.endswith(f"not sent again unasked: check with the recipient, then {command} sends it to each target "
                            "it may not have reached"), row  # fmt: skip
        assert "(1 retrying, 1 unconfirmed)" in trail.stderr and "its process ended" not in trail.stderr
        assert command in flat(" ".join(said))
    with loopback_smtp() as (port, received):  # checked: it did not arrive; the command sends it
        again = CliRunner(env={"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=w@example.com"}).invoke(
            cli, command_in(row))
    assert again.exit_code == 0, again.output
    assert [e.rcpt_tos for e in received] == [["pm@example.com"]]
