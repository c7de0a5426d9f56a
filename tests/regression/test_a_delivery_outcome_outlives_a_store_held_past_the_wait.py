"""Bug: a delivery that closed the store to wait before trying a send again reopened it to record the outcome, and
while another program held the file (a notebook's write connection, a DuckDB shell) that reopen waited with no limit,
saying so each minute: a cron run stayed alive for as long as the notebook stayed open, its outcome in memory only.
Now the reopen waits WATCHDESK_REOPEN_WAIT_S (default 600 s); past it, the outcome and its audit rows are kept in
FILE.unrecorded-PID.json beside the store (no secret in it), the run is told where and what happens next, its lease
says so meanwhile, nothing is sent again by another process, and the next open of the store for writing records the
file into `deliveries` and the audit and removes it. Real DuckDB file, real SMTP on loopback (with a login), a real
second process holding the file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.integration.test_delivery import free_port, watchlist, written
from tests.regression.test_a_delivery_waiting_to_retry_leaves_the_store_free import (
    TO,
    WATCHLIST,
    Greylisting,
    a_store,
)
from watchdesk.graph.cli import cli
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings, from_env
from watchdesk.sources.errors import ConfigError, StoreSetAsideError
from watchdesk.store import lease, unrecorded
from watchdesk.store.store import Store

REPO = Path(__file__).resolve().parents[2]
SECRET = "pw-3fQx9Zr7"
# a notebook's write connection: held until its standard input closes
HOLD = "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); sys.stdin.read(); c.close()"


@contextmanager
def serving_with_login(handler: Any) -> Iterator[str]:
    """`handler` on loopback, taking any login: the SMTP URL naming a user and SECRET."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, auth_require_tls=False,
                            authenticator=lambda *_a: AuthResult(success=True))  # fmt: skip
    controller.start()
    try:
        yield f"smtp://desk:{SECRET}@127.0.0.1:{port}?from=watchdesk@example.com"
    finally:
        controller.stop()


@contextmanager
def holding_when_it_waits(db: Path, said: list[str]) -> Iterator[Any]:
    """A report that, at the first "trying again" (the store closed), has another process open the file for writing
    and keep it until the block ends."""
    holders: list[subprocess.Popen[str]] = []

    def report(line: str) -> None:
        said.append(line)
        if "trying again" in line and not holders:
            holders.append(subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, text=True))  # fmt: skip
            assert holders[0].stdout is not None and holders[0].stdout.readline().strip() == "ok"

    try:
        yield report
    finally:
        for held in holders:
            assert held.stdin is not None
            held.stdin.close()
            held.wait(timeout=60)


# a second target, begun once the store was set aside: its rows are in the side file alone
LATER = '[[delivery]]\nkind = "email"\nto = ["analyst@desk.example.com"]'


def test_the_outcome_is_kept_beside_the_store_and_recorded_by_its_next_open(tmp_path: Path) -> None:
    db, server, said = a_store(tmp_path), Greylisting(refusals=1), list[str]()
    (tmp_path / "wl.toml").write_text(WATCHLIST.replace("[policy]", f"{LATER}\n[policy]").replace(
        'allowed_recipients = ["pm@example.com"]', 'allowed_recipients = ["pm@example.com", "@desk.example.com"]'),
        encoding="utf-8")  # fmt: skip
    with serving_with_login(server) as smtp, Store.open(db) as store:
        with holding_when_it_waits(db, said) as report:
            settings = Settings(smtp_url=smtp, reopen_wait_s=1.0)
            outcomes = deliver_briefing(written(store, tmp_path), watchlist=watchlist(f"{TO}\n{LATER}"),
                                        settings=settings, store=store, run_id="r1", backoff=0,
                                        report=report)  # fmt: skip
            assert [(o.target, o.status, o.attempts) for o in outcomes] == [
                ("pm@example.com", "sent", 2), ("analyst@desk.example.com", "sent", 1)]
            assert server.received == 2
            side = unrecorded.side_file(db)
            kept = json.loads(side.read_text(encoding="utf-8"))
            with pytest.raises(StoreSetAsideError) as caught:  # the run's next write: said, not a DuckDB error
                store.query("SELECT count(*) FROM runs")
        (held,) = lease.live(db)  # the holder let go; this process still holds its lease: its rows are its own
        assert held.doing == f"could not reopen the store after it waited, so it keeps what it did in {side} " \
            "until it can"
        second = subprocess.run([sys.executable, "-m", "watchdesk.graph.cli", "brief", str(tmp_path / "wl.toml"),
                                 "--db", str(db), "--deliver", "--week", "2025-W35", "--out", str(tmp_path / "out2")],
                                cwd=REPO, capture_output=True, text=True, timeout=120, env=os.environ | {
                                    "WATCHDESK_SMTP_URL": smtp})  # fmt: skip
    assert second.returncode == 0, second.stderr
    assert server.received == 2, f"sent again while the first process kept its outcome aside: {second.stderr}"
    # both recipients, skipped for one reason, in one line
    assert ("delivery email pm@example.com, email analyst@desk.example.com: skipped (another watchdesk process is "
            f"sending it now: process {os.getpid()} could not reopen the store") in " ".join(second.stderr.split()), \
        second.stderr
    assert side.is_file(), "the side file of a process that still holds its lease is left to it"
    gave_up = next(line for line in said if "still held by another program" in line)
    assert gave_up.startswith(f"{db} is still held by another program ("), gave_up
    gave_up = re.sub(r" \(\S+, PID \d+\)", "", gave_up, count=1)  # the program and its PID, as DuckDB says them
    assert gave_up == (f"{db} is still held by another program after 1 s (WATCHDESK_REOPEN_WAIT_S): what this "
                       f"delivery does is kept in {side}, and nothing of it is sent again; the next watchdesk command "
                       f"that opens the database for writing records it there (`watchdesk runs --db {db} --upgrade` "
                       "does, once that program closes it)"), gave_up  # fmt: skip
    assert str(caught.value).startswith(f"{db} is still held by another program (a notebook or a DuckDB shell that "
                                        "has it open, even read-only), so this process could not "
                                        f"record the rest of its work: what its delivery did is kept in {side} and "
                                        "nothing of it is sent again."), caught.value  # fmt: skip
    assert f"`watchdesk runs --db {db} --upgrade` does" in str(caught.value)
    assert sorted((r["target"], r["status"], r["attempts"]) for r in kept["deliveries"].values()) == [
        ("analyst@desk.example.com", "sent", 1), ("pm@example.com", "sent", 2)]
    assert [a["outcome"] for a in kept["actions"]] == ["sent", "sent"]
    text = side.read_text(encoding="utf-8") + "\n".join(said) + str(caught.value)
    assert SECRET not in text, "the SMTP password reached the side file or a message"

    upgraded = CliRunner().invoke(cli, ["runs", "--db", str(db), "--upgrade"])  # the next open for writing
    assert upgraded.exit_code == 0, upgraded.output
    assert not side.exists(), "recorded, the side file is removed"
    with Store.open(db, read_only=True) as store:
        rows = store.query("SELECT target, status, attempts FROM deliveries WHERE run_id = 'r1' ORDER BY target")
        audit = store.query("SELECT target, outcome, attempt FROM actions WHERE run_id = 'r1' ORDER BY \"at\"")
    assert rows == [("analyst@desk.example.com", "sent", 1), ("pm@example.com", "sent", 2)], \
        "each sending row became its outcome: one row each, not two"
    assert audit == [("pm@example.com", "retrying", 1), ("pm@example.com", "sent", 2),
                     ("analyst@desk.example.com", "sent", 1)]  # fmt: skip


def test_a_store_let_go_within_the_wait_is_written_as_before(tmp_path: Path) -> None:
    """Let go before the wait ends: no side file, the outcome in the store. The notebook lets go once the delivery
    says it waits for it; it let go 1.5 s after opening the file, and a delivery slower than that to send its second
    attempt and reopen the store (a loaded machine) never waited, and the test found no line saying it did."""
    db, server, said = a_store(tmp_path), Greylisting(refusals=1), list[str]()
    holder: list[subprocess.Popen[str]] = []

    def report(line: str) -> None:
        said.append(line)
        if "trying again" in line and not holder:
            holder.append(subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, text=True))  # fmt: skip
            assert holder[0].stdout is not None and holder[0].stdout.readline().strip() == "ok"
        if "while this process waited to try its delivery again" in line:  # the reopen waits for it: it lets go
            assert holder[0].stdin is not None
            holder[0].stdin.close()

    with serving_with_login(server) as smtp, Store.open(db) as store:
        (outcome,) = deliver_briefing(written(store, tmp_path), watchlist=watchlist(TO), settings=Settings(
            smtp_url=smtp, reopen_wait_s=60), store=store, run_id="r1", backoff=0, report=report)  # fmt: skip
        assert store.query("SELECT status FROM deliveries") == [("sent",)]
    holder[0].wait(timeout=60)
    assert outcome.status == "sent" and not unrecorded.waiting(db)
    (waited,) = [line for line in said if "while this process waited to try its delivery again" in line]
    assert "waiting up to 60 s (WATCHDESK_REOPEN_WAIT_S). To let it record now, close that connection" in waited, \
        waited


def test_the_wait_is_a_setting_and_a_bad_one_is_refused() -> None:
    assert from_env({}).reopen_wait_s == 600.0
    assert from_env({"WATCHDESK_REOPEN_WAIT_S": "30"}).reopen_wait_s == 30.0
    with pytest.raises(ConfigError, match="WATCHDESK_REOPEN_WAIT_S must be a positive number, got 'soon'"):
        from_env({"WATCHDESK_REOPEN_WAIT_S": "soon"})


class HeldAtTheSecondAttempt(Greylisting):
    """Greylists the first attempt; at the second (made with the store closed), a notebook opens the file for writing
    and keeps it until `let_go()`."""

    def __init__(self, db: Path) -> None:
        super().__init__(refusals=1)
        self.db = db
        self.holder: subprocess.Popen[str] | None = None

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if self.asked == 1 and self.holder is None:
            self.holder = subprocess.Popen([sys.executable, "-c", HOLD, str(self.db)], stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, text=True)  # fmt: skip
            assert self.holder.stdout is not None and self.holder.stdout.readline().strip() == "ok"
        return await super().handle_RCPT(server, session, envelope, address, options)

    def let_go(self) -> None:
        if self.holder is not None and self.holder.stdin is not None:
            self.holder.stdin.close()
            self.holder.wait(timeout=60)


def test_a_run_whose_store_stays_held_exits_3_saying_where_its_delivery_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from functools import partial

    from tests.regression.demo_slice import WATCHLIST as SLICE
    from tests.regression.demo_slice import run_args
    from watchdesk.graph import nodes

    monkeypatch.setattr(nodes, "deliver_briefing", partial(deliver_briefing, backoff=0))
    db = tmp_path / "w.duckdb"
    server = HeldAtTheSecondAttempt(db)
    text = SLICE.replace("[policy]", f'{TO}\n[policy]\nallowed_recipients = ["pm@example.com"]')
    try:
        with serving_with_login(server) as smtp:
            result = CliRunner(env={"WATCHDESK_SMTP_URL": smtp, "WATCHDESK_REOPEN_WAIT_S": "1"}).invoke(
                cli, run_args(tmp_path, text=text))
    finally:
        server.let_go()
    said = " ".join(result.output.split())
    side = unrecorded.side_file(db)
    assert result.exit_code == 3, said  # database in use, as cron's log and a monitor read it
    assert server.received == 1
    assert f"delivery email pm@example.com: sent (recorded in {side} until the database can be written)" in said, said
    assert f"error: {db} is still held by another program" in said and f"kept in {side}" in said, said
    assert SECRET not in result.output + side.read_text(encoding="utf-8")
    listed = CliRunner().invoke(cli, ["runs", "--db", str(db)])  # read-only: says the file, records nothing
    assert f"{side} holds delivery outcomes not yet recorded in the database (its process {os.getpid()} has " \
        "ended)" in " ".join(listed.stderr.split()), listed.stderr
    upgraded = CliRunner().invoke(cli, ["runs", "--db", str(db), "--upgrade"])
    assert f"recorded {side.name} (left by process {os.getpid()}) into the database: email pm@example.com: sent" in \
        " ".join(upgraded.stderr.split()), upgraded.stderr
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT target, status, attempts FROM deliveries") == [("pm@example.com", "sent", 2)]


def test_the_side_file_holds_no_secret_whatever_an_error_said(tmp_path: Path) -> None:
    """A webhook's token or an SMTP password in an error's words (a library quoting the URL) stays out of the file,
    and the next open records the row all the same."""
    from datetime import UTC, date, datetime

    from watchdesk.store.records import ActionRecord

    db = a_store(tmp_path)
    token = "T0AAA/B0BBB/x9SecretSlackToken"
    said = f"POST https://hooks.slack.com/services/{token} failed; relay smtp://desk:{SECRET}@mail.example.com:587"
    row = {"delivery_id": "d1", "briefing_id": "b1", "run_id": "r1", "watchlist": "chips",
           "period_start": date(2025, 8, 25), "period_end": date(2025, 8, 31), "kind": "slack",
           "target": "webhook $DESK_HOOK (hooks.slack.com)", "status": "failed", "attempts": 3, "error": said,
           "at": datetime.now(UTC)}  # fmt: skip
    action = ActionRecord(agent="briefing", action="deliver.slack", target=str(row["target"]), attempt=3,
                          outcome="failed", at=datetime.now(UTC), run_id="r1", detail=said)  # fmt: skip
    side = unrecorded.keep(db, rows=[row], actions=[action])
    assert side.stat().st_mode & 0o777 == 0o600, "addresses: the owner's to read"
    text = side.read_text(encoding="utf-8")
    assert token not in text and SECRET not in text and "x9Secret" not in text, text
    with Store.open(db) as store:  # the next open for writing records it
        ((error, target),) = store.query("SELECT error, target FROM deliveries WHERE delivery_id = 'd1'")
        ((detail,),) = store.query("SELECT detail FROM actions WHERE run_id = 'r1'")
    assert not side.exists() and token not in error + detail and SECRET not in error + detail
    assert target == "webhook $DESK_HOOK", "a file an older watchdesk kept names the target as the store now does"
