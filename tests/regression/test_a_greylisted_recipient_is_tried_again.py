"""Bug (a user walkthrough): a mail server that greylists (451 at RCPT, "try again later") stopped the e-mail for
good after one attempt, though the README promises retries on SMTP 4xx, and its answer was dropped: the delivery
said "127.0.0.1:8032 refused ['pm@fund.test']". A server that rejected the message itself (554 at DATA) read as a
bare "SMTP 554 from 127.0.0.1:8032". A 4xx at RCPT is now tried again as any other 4xx, and both say the server's
code and words."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.integration.test_delivery import free_port, watchlist, written
from watchdesk.agents.briefing.channels import DeliveryError, email_message, send_email, smtp_server
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store


class Greylisting:
    def __init__(self) -> None:
        self.asked = 0

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        self.asked += 1
        return "451 4.7.1 Greylisted, please try again in 300 seconds"


class RejectingContent:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return "554 5.6.0 message content rejected"


@contextmanager
def serving(handler: object) -> Iterator[int]:
    from aiosmtpd.controller import Controller

    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def sent_to(port: int) -> DeliveryError:
    msg = email_message(sender="desk@example.com", to=["pm@example.com"], subject="s", text="t", html=None)
    with pytest.raises(DeliveryError) as caught:
        send_email(smtp_server(f"smtp://127.0.0.1:{port}"), msg)
    return caught.value


def test_a_greylisted_recipient_is_transient_and_the_answer_is_said() -> None:
    with serving(Greylisting()) as port:
        error = sent_to(port)
    assert error.transient
    assert str(error) == (f"127.0.0.1:{port} refused pm@example.com: 451 4.7.1 Greylisted, please try again in 300 "
                          "seconds")  # fmt: skip


def test_a_message_rejected_at_data_says_the_servers_answer() -> None:
    with serving(RejectingContent()) as port:
        error = sent_to(port)
    assert not error.transient
    assert str(error) == f"127.0.0.1:{port} did not take the message: 554 5.6.0 message content rejected"


def test_a_greylisted_delivery_is_tried_three_times(tmp_path: Path) -> None:
    greylisting = Greylisting()
    wl = watchlist('[[delivery]]\nkind = "email"\nto = ["pm@example.com"]')
    with serving(greylisting) as port, Store.open(":memory:") as store:
        settings = Settings(smtp_url=f"smtp://127.0.0.1:{port}?from=watchdesk@example.com")
        out = deliver_briefing(written(store, tmp_path), watchlist=wl, settings=settings, store=store, run_id="r1",
                               backoff=0)  # fmt: skip
    assert [(o.status, o.attempts) for o in out] == [("failed", 3)] and greylisting.asked == 3
    assert "451 4.7.1 Greylisted" in (out[0].error or "")
