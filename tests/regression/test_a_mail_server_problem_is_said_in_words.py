"""Bug (a user walkthrough): an e-mail that could not be sent was said by a Python class name, "SMTP
127.0.0.1:8032: SMTPNotSupportedError" (the server offers no login, yet WATCHDESK_SMTP_URL names one), "SSLError"
(smtps:// to a server speaking plain SMTP), "gaierror" (a host name that does not exist), "ConnectionRefusedError";
and each was tried three times with 2 s and 4 s waits, though a server offering no login or no TLS, or a name that
does not exist, says the same 6 s later. A port of 99999 in the URL was taken. Each is now said in words, the
permanent ones are tried once, and the port is refused with the URL's other checks."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.test_delivery import free_port, watchlist, written
from watchdesk.agents.briefing.channels import DeliveryError, email_message, send_email, smtp_server
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.sources.errors import ConfigError
from watchdesk.store.store import Store


class Relay:  # a relay that takes mail from anyone and offers no AUTH
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return "250 queued"


@pytest.fixture()
def relay() -> Iterator[int]:
    from aiosmtpd.controller import Controller

    port = free_port()
    controller = Controller(Relay(), hostname="127.0.0.1", port=port)
    controller.start()
    yield port
    controller.stop()


def failure(url: str) -> DeliveryError:
    msg = email_message(sender="desk@example.com", to=["pm@example.com"], subject="s", text="t", html=None)
    with pytest.raises(DeliveryError) as caught:
        send_email(smtp_server(url), msg)
    return caught.value


def test_a_login_to_a_server_that_offers_none_is_said_and_tried_once(relay: int, tmp_path: Path) -> None:
    wl = watchlist('[[delivery]]\nkind = "email"\nto = ["pm@example.com"]')
    settings = Settings(smtp_url=f"smtp://desk:pw@127.0.0.1:{relay}?from=desk@example.com")
    with Store.open(":memory:") as store:
        out = deliver_briefing(written(store, tmp_path), watchlist=wl, settings=settings, store=store, run_id="r1",
                               backoff=0)  # fmt: skip
    assert [(o.status, o.attempts) for o in out] == [("failed", 1)]
    assert out[0].error == (f"SMTP 127.0.0.1:{relay}: the server offers no login (no AUTH), yet WATCHDESK_SMTP_URL "
                            "names a user: take user:password@ out of it, or give the server's port that takes a "
                            "login")  # fmt: skip


def test_tls_to_a_server_that_speaks_plain_smtp_is_said(relay: int) -> None:
    error = failure(f"smtps://127.0.0.1:{relay}")
    assert not error.transient
    assert str(error).startswith(f"SMTP 127.0.0.1:{relay}: the TLS handshake failed (")
    assert "smtp:// for a server that speaks plain SMTP or STARTTLS" in str(error)


def test_a_host_that_does_not_exist_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    def unknown(*_args: object, **_kwargs: object) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", unknown)  # no lookup leaves this machine
    error = failure("smtp://mail.example.invalid:587")
    assert str(error) == "SMTP mail.example.invalid:587: no such host (Name or service not known)"
    assert not error.transient


def test_a_refused_connection_here_is_said_and_tried_once() -> None:
    port = free_port()  # nobody listens
    error = failure(f"smtp://127.0.0.1:{port}")
    assert str(error) == (f"SMTP 127.0.0.1:{port}: the connection was refused: no mail server listens at that port "
                          "on this machine; start it, or give WATCHDESK_SMTP_URL the port it listens on")
    assert not error.transient  # nothing starts a server on this machine in the seconds of a retry's wait


def test_a_refused_connection_elsewhere_is_tried_again(monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()  # nobody listens; mail.example.com is made to resolve to this machine, as a relay's address
    monkeypatch.setattr(socket, "getaddrinfo", lambda *_a, **_k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "",
                                                                  ("127.0.0.1", port))])  # fmt: skip
    error = failure(f"smtp://mail.example.com:{port}?internal=1")
    assert str(error) == f"SMTP mail.example.com:{port}: the connection was refused (no mail server listens there)"
    assert error.transient  # a server being restarted listens again


def test_a_port_out_of_range_is_refused() -> None:
    with pytest.raises(ConfigError, match="port must be 1 to 65535"):
        smtp_server("smtp://127.0.0.1:99999?from=desk@example.com")
