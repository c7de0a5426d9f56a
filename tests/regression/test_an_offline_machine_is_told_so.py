"""Bug: on a machine without a network, a live command (`watchdesk run watchlist.toml`, `watchdesk edgar list NVDA`)
ended with "error: error for https://www.sec.gov/files/company_tickers.json after 5 attempts (ConnectError)": an
error "for" a URL, with nothing saying the connection itself failed or what to check. A refused or unresolvable
connection now says so and what to check; a timeout says it timed out. The URL is not followed by a colon: printed
text is redacted again, and "apikey=REDACTED:" lost its colon there ("...apikey=REDACTED could not connect")."""

from __future__ import annotations

import socket

import pytest

from tests.integration.test_gateway_loopback import make_gateway
from watchdesk.sources.errors import TransportError
from watchdesk.sources.models import AuditEvent
from watchdesk.sources.redact import redact_text


def _closed_port() -> int:
    with socket.socket() as probe:  # bound, then closed: nothing listens there, so a connection is refused
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_connection_that_cannot_be_made_is_said_with_what_to_check() -> None:
    events: list[AuditEvent] = []
    url = f"http://127.0.0.1:{_closed_port()}/files/company_tickers.json"
    with make_gateway(events, max_retries=1) as gw, pytest.raises(TransportError) as err:
        gw.get(url, agent="test")
    assert str(err.value) == (f"could not connect to {url} after 2 attempts (ConnectError); "
                              "check this machine's network connection")
    assert [e.outcome for e in events] == ["error", "error"]


def test_a_url_with_a_key_reads_the_same_once_printed() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/api/v3/earning_call_transcript/NVDA?apikey=abc123"
    with make_gateway([], max_retries=0) as gw, pytest.raises(TransportError) as err:
        gw.get(url, agent="test")
    printed = redact_text(str(err.value))  # as the CLI and the gaps print it
    assert printed == str(err.value) and "abc123" not in printed
    shown = url.replace("abc123", "REDACTED")
    assert printed.startswith(f"could not connect to {shown} after 1 attempt (ConnectError)")
