"""Bug: on a machine without a network, a live command (`watchdesk run watchlist.toml`, `watchdesk edgar list NVDA`)
ended with "error: error for https://www.sec.gov/files/company_tickers.json after 5 attempts (ConnectError)": an
error "for" a URL, with nothing saying the connection itself failed or what to check. A refused or unresolvable
connection now says so and what to check; a timeout says it timed out."""

from __future__ import annotations

import socket

import pytest

from tests.integration.test_gateway_loopback import make_gateway
from watchdesk.sources.errors import TransportError
from watchdesk.sources.models import AuditEvent


def _closed_port() -> int:
    with socket.socket() as probe:  # bound, then closed: nothing listens there, so a connection is refused
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_connection_that_cannot_be_made_is_said_with_what_to_check() -> None:
    events: list[AuditEvent] = []
    url = f"http://127.0.0.1:{_closed_port()}/files/company_tickers.json"
    with make_gateway(events, max_retries=1) as gw, pytest.raises(TransportError) as err:
        gw.get(url, agent="test")
    assert str(err.value) == (f"{url}: could not connect after 2 attempts (ConnectError); "
                              "check this machine's network connection")
    assert [e.outcome for e in events] == ["error", "error"]
