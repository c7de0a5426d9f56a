"""Two bugs of a Ctrl-C during `watchdesk brief --deliver`. A Ctrl-C while a recipient the mail server had turned away
for now (451, greylisting) was sent the message again on its own marked every recipient of that message
`unconfirmed` ("may have arrived"), though the server had confirmed the others on the first attempt: `watchdesk runs`
counted them unsure, and the resend command (--undelivered sends an unconfirmed target again) mailed them a second
copy. And the targets after it, never begun, were not mentioned at all: a user reading the terminal did not learn that
Slack got nothing. Now the recipients already confirmed stay `sent`, only the one in flight is `unconfirmed`, and each
target never begun is said "not sent" (recorded failed), followed by the resend command, which sends to it. Real
DuckDB file, real SMTP and HTTP on loopback, the command in a real process sent a real SIGINT; its retry waits are
taken without waiting."""

from __future__ import annotations

import asyncio
import os
import shlex
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.integration.conftest import webhook  # noqa: F401  (a fixture)
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from tests.regression.test_a_greylisted_recipient_is_tried_again import serving
from watchdesk.graph.cli import cli
from watchdesk.store.store import Store

REPO = Path(__file__).resolve().parents[2]
# `watchdesk brief` with Python's own Ctrl-C handler, its retry waits taken at once
BRIEF = ("import functools, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
         "from watchdesk.graph import delivery; delivery.deliver_briefing = functools.partial("
         "delivery.deliver_briefing, sleep=lambda _s: None); "
         "from watchdesk.graph.cli import cli; cli(sys.argv[1:], prog_name='watchdesk')")  # fmt: skip
TWO = 'to = ["pm@example.com", "cio@desk.example.com"]'
SLACK = '[[delivery]]\nkind = "slack"\nwebhook_env = "HOOK"\n'


def stopped_at(moment: threading.Event, command: list[str], env: dict[str, str]) -> tuple[int, str]:
    """`python -c COMMAND...` run with `env` and sent SIGINT (the user's Ctrl-C) once `moment` is set: its exit status
    and its standard error, on one line."""
    brief = subprocess.Popen([sys.executable, "-c", *command], cwd=REPO, text=True, env=os.environ | env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    try:
        # waited for as long as the command runs: a `watchdesk brief --deliver` took over 60 s of wall time to reach
        # its server at a load of 30-40 (in the notebook test of the kind), where a 60 s wait would give up on it
        while not moment.wait(1) and brief.poll() is None:
            pass
        assert moment.is_set(), "the moment for the Ctrl-C never came"
        brief.send_signal(signal.SIGINT)
        _, err = brief.communicate(timeout=60)
    finally:
        if brief.poll() is None:
            brief.kill()
    return brief.returncode, " ".join(err.split())


class GreylistingTheCio:
    """Takes pm@ at once; turns cio@ away for now once, then stores its message slowly (3 s before "250 OK")."""

    def __init__(self) -> None:
        self.rcpts: list[list[str]] = []
        self.turned_away, self.storing = False, threading.Event()

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address == "cio@desk.example.com" and not self.turned_away:
            self.turned_away = True
            return "451 4.7.1 Greylisted, please try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.rcpts.append(list(envelope.rcpt_tos))
        if envelope.rcpt_tos == ["cio@desk.example.com"] and not self.storing.is_set():
            self.storing.set()
            await asyncio.sleep(3)
        return "250 OK"


def test_a_ctrl_c_in_the_greylisted_round_keeps_the_confirmed_and_names_what_was_never_begun(
    tmp_path: Path, webhook: tuple[int, list[dict[str, Any]], list[int]], monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    hook_port, posts, _ = webhook
    db, args = a_briefed_store(tmp_path)
    wl = tmp_path / "wl.toml"
    wl.write_text(wl.read_text(encoding="utf-8").replace('to = ["pm@example.com"]', f"{TWO}\n{SLACK}").replace(
        'allowed_recipients = ["pm@example.com"]', 'allowed_recipients = ["pm@example.com", "@desk.example.com"]'),
        encoding="utf-8")  # fmt: skip
    server = GreylistingTheCio()
    with serving(server) as port:
        env = {"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=desk@example.com",
               "HOOK": f"http://127.0.0.1:{hook_port}/services/T0/B0/x"}  # fmt: skip
        code, said = stopped_at(server.storing, [BRIEF, *args], env)  # the Ctrl-C as the server stores cio@'s copy
        assert code == 130, said
        assert "delivery email pm@example.com: sent" in said, said  # before: unconfirmed, "it may have arrived"
        assert "delivery email cio@desk.example.com: unconfirmed (stopped (Ctrl-C) while it was being sent" in said
        assert "email pm@example.com: unconfirmed" not in said, said
        # before: Slack was not mentioned at all
        assert "delivery slack webhook $HOOK: not sent: the Ctrl-C stopped the delivery before its turn" in said, said
        assert "not begun after the Ctrl-C: slack webhook $HOOK; `watchdesk brief " in said, said
        assert posts == [], "Slack was tried after the Ctrl-C"
        with Store.open(db, read_only=True) as store:
            assert sorted(store.query("SELECT kind, target, status, attempts FROM deliveries")) == [
                ("email", "cio@desk.example.com", "unconfirmed", 1), ("email", "pm@example.com", "sent", 1),
                ("slack", "webhook $HOOK", "failed", 0)]
        listed = CliRunner().invoke(cli, ["runs", "--db", str(db)])
        assert "r0\tdone (delivery: 1 failed, 1 unconfirmed;" in listed.stdout, listed.output
        command = said.split("not begun after the Ctrl-C: slack webhook $HOOK; `")[1].split("`")[0]
        assert command.startswith(f"watchdesk brief {wl} --db {db} "), command
        mailed = len(server.rcpts)
        monkeypatch.chdir(tmp_path / "out2")  # typed where the user is, not in the test's folder
        again = CliRunner(env=env).invoke(cli, shlex.split(command)[1:])
    assert again.exit_code == 0, again.output
    assert server.rcpts[mailed:] == [["cio@desk.example.com"]], "the PM, confirmed, was mailed a second copy"
    assert len(posts) == 1
