"""Bug: a mail server that took the message but did not confirm it within the timeout (it answers DATA's end only after
storing it) was sent the briefing again, up to three times: each retry a new copy in the recipients' inbox. Now,
once the message is handed over (DATA sent), a timeout or a lost connection is not retried: the delivery is recorded
"unconfirmed" ("may have been sent"), the next run does not send it again by itself, and the run says how to resend it
deliberately (`watchdesk brief ... --deliver`). A server that stalls before DATA is still tried again as before.
Real SMTP on loopback (aiosmtpd)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.integration.test_delivery import free_port, watchlist, written
from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.agents.briefing import channels
from watchdesk.agents.briefing.agent import BriefingFiles
from watchdesk.agents.briefing.deliver import Outcome
from watchdesk.graph.cli import EXIT_ERROR, cli
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store

TO = '[[delivery]]\nkind = "email"\nto = ["pm@example.com"]'
Server = tuple[int, list[Any], dict[str, int]]


@pytest.fixture()
def stalling_smtp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """(port, envelopes stored, stalls): the server stores each message, then answers its end after 2 s while
    stalls["data"] > 0; while stalls["rcpt"] > 0 it answers a recipient after 2 s instead (counting down). The
    sender waits 0.5 s for an answer."""
    from aiosmtpd.controller import Controller

    monkeypatch.setattr(channels, "TIMEOUT", 0.5)
    received: list[Any] = []
    stalls = {"data": 0, "rcpt": 0}

    class Handler:
        async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
            if stalls["rcpt"] > 0:
                stalls["rcpt"] -= 1
                await asyncio.sleep(2)
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            received.append(envelope)
            if stalls["data"] > 0:
                await asyncio.sleep(2)
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    yield port, received, stalls
    controller.stop()


def deliver(store: Store, files: BriefingFiles, *, port: int, run_id: str, resend: bool = False) -> Outcome:
    settings = Settings(smtp_url=f"smtp://127.0.0.1:{port}?from=watchdesk@example.com")
    (outcome,) = deliver_briefing(files, watchlist=watchlist(TO), settings=settings, store=store, run_id=run_id,
                                  backoff=0, resend=resend)  # fmt: skip
    return outcome


def test_a_mail_taken_but_not_confirmed_is_not_sent_again(stalling_smtp: Server, tmp_path: Path) -> None:
    port, received, stalls = stalling_smtp
    stalls["data"] = 99
    with Store.open(tmp_path / "w.duckdb") as store:
        files = written(store, tmp_path)
        first = deliver(store, files, port=port, run_id="r1")
        assert len(received) == 1, "the message the server took is not sent again"
        assert (first.status, first.attempts) == ("unconfirmed", 1)
        assert first.error == f"SMTP 127.0.0.1:{port}: no answer within 0.5 s after the message was sent"
        again = deliver(store, files, port=port, run_id="r2")
        assert again.status == "skipped" and len(received) == 1, "nor by the next run"
        stalls["data"] = 0
        resent = deliver(store, files, port=port, run_id="r3", resend=True)
        assert resent.status == "sent" and len(received) == 2, "only when asked to"


def test_a_server_stalling_before_data_is_tried_again(stalling_smtp: Server, tmp_path: Path) -> None:
    stalling_smtp[2]["rcpt"] = 1
    with Store.open(tmp_path / "w.duckdb") as store:
        sent = deliver(store, written(store, tmp_path), port=stalling_smtp[0], run_id="r1")
    assert (sent.status, sent.attempts, len(stalling_smtp[1])) == ("sent", 2, 1)


def test_a_run_says_the_mail_may_have_been_sent_and_how_to_resend_it(
    stalling_smtp: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port, received, stalls = stalling_smtp
    monkeypatch.setenv("WATCHDESK_SMTP_URL", f"smtp://127.0.0.1:{port}?from=watchdesk@example.com")
    stalls["data"] = 99
    wl, db = tmp_path / "w.toml", tmp_path / "w.duckdb"
    wl.write_text(WATCHLIST.replace("[policy]", f'{TO}\n[policy]\nallowed_recipients = ["pm@example.com"]'),
                  encoding="utf-8")  # fmt: skip
    args = ["run", str(wl), "--replay", str(nvidia_pack(tmp_path / "pack")), "--db", str(db), "--out",
            str(tmp_path / "out")]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    said = " ".join(result.stderr.split())
    assert result.exit_code == EXIT_ERROR, said
    assert len(received) == 1, said
    assert "delivery email pm@example.com: unconfirmed" in said, said
    assert (f"may have been sent (email pm@example.com: SMTP 127.0.0.1:{port}: no answer within 0.5 s after the "
            "message was sent); the briefing is written and stored: check that it arrived before sending it again "
            f"with `watchdesk brief {wl} --db {db} --since") in said, said
    assert "--deliver --undelivered`" in said and "not delivered" not in said, said
