"""Bug (a demanding user's walkthrough): Ctrl-C pressed while the mail server was storing the briefing (after DATA,
before its "250 OK") did not stop `watchdesk brief --deliver`: smtplib's `with` block sent QUIT as the Ctrl-C went
by, read the "250 OK" owed to DATA as QUIT's answer, and raised that in the Ctrl-C's place. The command went on to
Slack, recorded the mail "failed (... did not take the message: 250 OK)" though the server had it, and the resend it
printed e-mailed the PM a second copy. And had the Ctrl-C gone through, the send it stopped was recorded "sent", as
if it had been confirmed. Now the Ctrl-C stops the command (exit 130), the send it stopped is recorded and said
`unconfirmed` ("stopped (Ctrl-C) while it was being sent, so it may have arrived; check with the recipient, then
... sends it"), `watchdesk runs` counts it, and the next run does not send it again unasked. Real DuckDB
file, real SMTP on loopback (aiosmtpd), the command in a real process sent a real SIGINT."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from tests.integration.test_delivery import free_port, watchlist, written
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from tests.regression.test_a_ctrl_c_says_each_target_as_it_stands import stopped_at
from tests.regression.test_a_delivery_waiting_to_retry_leaves_the_store_free import TO
from tests.regression.test_a_greylisted_recipient_is_tried_again import serving
from tests.regression.test_ctrl_c_in_a_delivery_wait_keeps_its_outcome import BRIEF
from watchdesk.graph.cli import cli
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store


class SlowToConfirm:
    """Stores each message, and answers the first one's end of DATA only after 3 s."""

    def __init__(self) -> None:
        self.received, self.storing = 0, threading.Event()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received += 1
        if self.received == 1:
            self.storing.set()
            await asyncio.sleep(3)
        return "250 OK"


def test_ctrl_c_while_the_server_stores_the_mail_stops_and_says_it_may_have_arrived(tmp_path: Path) -> None:
    db, args = a_briefed_store(tmp_path)
    wl = tmp_path / "wl.toml"  # a second target, after the e-mail: never begun once the Ctrl-C stops the command
    wl.write_text(wl.read_text(encoding="utf-8").replace("[policy]", '[[delivery]]\nkind = "slack"\nwebhook_env = '
                                                         '"HOOK"\n[policy]'), encoding="utf-8")  # fmt: skip
    server = SlowToConfirm()
    with serving(server) as port:
        env = {"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=desk@example.com",
               "HOOK": f"http://127.0.0.1:{free_port()}/services/T0/B0/x"}  # fmt: skip
        code, said = stopped_at(server.storing, [BRIEF, *args], env)  # the user's Ctrl-C, as the server stores it
        assert code == 130, said  # before: 1, and the command went on to Slack
        assert "delivery email pm@example.com: unconfirmed (stopped (Ctrl-C) while it was being sent, so it may have " \
            f"arrived; check with the recipient, then `watchdesk brief {wl} --db {db}" in said, said  # fmt: skip
        assert "did not take the message" not in said and "Traceback" not in said, said
        # Slack is not tried (its HOOK's port is closed: tried, it would say "refused"), and said never begun
        assert "delivery slack webhook $HOOK: not sent: the Ctrl-C stopped the delivery before its turn" in said, said
        assert "refused" not in said, said
        with Store.open(db, read_only=True) as store:  # before: "failed", or "sent" had the Ctrl-C gone through
            assert store.query("SELECT kind, target, status FROM deliveries ORDER BY kind") == [
                ("email", "pm@example.com", "unconfirmed"), ("slack", "webhook $HOOK", "failed")]
        listed = CliRunner().invoke(cli, ["runs", "--db", str(db)])
        assert "r0\tdone (delivery: 1 failed, 1 unconfirmed;" in listed.stdout, listed.output
        with Store.open(db) as store:  # the next run of the week delivers the briefing: it is not sent again unasked
            (again,) = deliver_briefing(written(store, tmp_path), watchlist=watchlist(TO), store=store, run_id="r2",
                                        settings=Settings(smtp_url=env["WATCHDESK_SMTP_URL"]), backoff=0)  # fmt: skip
        assert (again.status, server.received) == ("skipped", 1)
