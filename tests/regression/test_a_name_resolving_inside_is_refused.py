"""A security review (session 24): the allow-list checked names only, so a host on it whose DNS answered with a
loopback, private or link-local address (a rebinding attack, or a stale record: 127.0.0.1, 10.x, the cloud metadata
address 169.254.169.254) was fetched, and what the internal service answered was stored as a document. The gateway
now resolves the name itself, refuses it (naming host and address, with a refused audit row) when any address it
resolves to is not public, and connects to the address it checked, with no second lookup a rebinding server could
answer differently. A host written as loopback (127.0.0.1, localhost, ::1: the tests' servers) is still reached.
No network: the resolver and the connection are stubs."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from watchdesk.sources.errors import PolicyError, TransportError
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import AuditEvent

HOST = "feeds.example.com"
PUBLIC = "93.184.216.34"


class Resolver:
    """socket.getaddrinfo for HOST answering each lookup with the next list of addresses (the last repeats)."""

    def __init__(self, *answers: list[str]) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, host: str, port: Any, *_a: Any, **_k: Any) -> list[tuple[Any, ...]]:
        self.asked.append(host)
        addresses = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in addresses]  # fmt: skip


@pytest.fixture()
def connected(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """The addresses a connection was opened to; each is refused, so nothing goes past the stub."""
    opened: list[tuple[str, int]] = []

    def connect(address: tuple[str, int], *_a: Any, **_k: Any) -> socket.socket:
        opened.append(address)
        raise ConnectionRefusedError("stub: nothing listens")

    monkeypatch.setattr(socket, "create_connection", connect)
    return opened


def _get(url: str, audit: list[AuditEvent]) -> None:
    config = GatewayConfig(allowed_domains=(HOST,), max_retries=0)
    with Gateway(config, audit=audit.append) as gateway:
        gateway.get(url, agent="news")


@pytest.mark.parametrize(
    ("addresses", "internal"),
    [(["127.0.0.1"], "127.0.0.1"), (["10.0.0.5"], "10.0.0.5"), (["169.254.169.254"], "169.254.169.254"),
     (["::1"], "::1"), (["fd00::1"], "fd00::1"), (["::ffff:127.0.0.1"], "::ffff:127.0.0.1"),
     (["100.64.0.1"], "100.64.0.1"), (["0.0.0.0"], "0.0.0.0"), ([PUBLIC, "192.168.1.1"], "192.168.1.1"),
     # 6to4 addresses wrapping loopback and the metadata address (a review, session 27: they passed)
     (["2002:7f00:1::1"], "2002:7f00:1::1"), (["2002:a9fe:a9fe::1"], "2002:a9fe:a9fe::1")],
)  # fmt: skip
def test_a_name_resolving_to_an_internal_address_is_refused(
    addresses: list[str], internal: str, connected: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", Resolver(addresses))
    audit: list[AuditEvent] = []
    with pytest.raises(PolicyError, match=rf"host '{HOST}' resolves to {internal}, an? [\w-]+ address"):
        _get(f"https://{HOST}/feed.xml", audit)
    assert connected == []
    assert [(e.outcome, e.host) for e in audit] == [("refused", HOST)]
    assert f"resolves to {internal}" in audit[0].detail


def test_the_connection_goes_to_the_address_checked(
    connected: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    resolver = Resolver([PUBLIC], ["127.0.0.1"])  # a rebinding server: public when checked, loopback after
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with pytest.raises(TransportError):
        _get(f"https://{HOST}/feed.xml", [])
    assert resolver.asked == [HOST]
    assert connected == [(PUBLIC, 443)]
