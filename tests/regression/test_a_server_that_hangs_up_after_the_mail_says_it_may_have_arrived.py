"""A demanding user's walkthrough: a mail server that takes the whole message and hangs up before it answers (a relay
restarting, a proxy's idle cut) may have kept it. `watchdesk brief --deliver` records the e-mail `unconfirmed` after
one attempt, never "failed" and tried again (each retry a copy in the inbox), says so with the command to use once
the recipient says it did not arrive, `watchdesk runs` counts it, and a second `brief --deliver --undelivered` (the
person checked) sends it once more. Pinned since the send no longer leaves its connection through smtplib's `with`
(test_a_ctrl_c_as_the_server_takes_the_mail_says_it_may_have_arrived.py). Real DuckDB file, real SMTP on loopback
(aiosmtpd closing the connection after DATA)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from tests.integration.test_delivery import free_port
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from watchdesk.graph.cli import cli


class HangsUpOnce:
    """Takes each message; the first time, closes the connection instead of answering the end of DATA."""

    def __init__(self) -> None:
        self.received = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received += 1
        if self.received == 1:
            server.transport.close()
        return "250 OK"


def test_a_hang_up_after_data_is_unconfirmed_and_not_retried(tmp_path: Path) -> None:
    from aiosmtpd.controller import Controller

    db, args = a_briefed_store(tmp_path)
    server, port = HangsUpOnce(), free_port()
    controller = Controller(server, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        env = {"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=desk@example.com"}
        first = CliRunner(env=env).invoke(cli, args)
        said = " ".join(first.stderr.split())
        assert first.exit_code == 1 and server.received == 1, said
        assert (f"delivery email pm@example.com: unconfirmed (SMTP 127.0.0.1:{port}: the server closed the connection "
                "(Connection unexpectedly closed) after the message was sent)") in said, said
        assert "may have been sent (email pm@example.com: " in said and "check that it arrived before sending it " \
            "again with `watchdesk brief " in said, said  # fmt: skip
        listed = CliRunner().invoke(cli, ["runs", "--db", str(db)])
        assert "r0\tdone (delivery: 1 unconfirmed;" in listed.stdout, listed.output
        again = CliRunner(env=env).invoke(cli, [*args, "--undelivered"])
        assert again.exit_code == 0 and server.received == 2, again.output
        assert "unconfirmed" not in CliRunner().invoke(cli, ["runs", "--db", str(db)]).stdout
    finally:
        controller.stop()
