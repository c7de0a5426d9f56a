"""Bug: the DNS check refused loopback, private, link-local, multicast, unspecified and reserved answers, and took
every other one for public, IPv6's site-local fec0::/10 among them: deprecated (RFC 3879) but still routed inside
networks that kept it, and Python's ipaddress says is_site_local, not is_private, of it. A host on the allow-list
whose DNS answered fec0::1 was contacted. Now it is refused as the other internal kinds are (session 44's attack on
the sandbox). No network: the resolver and the connection are stubs."""

from __future__ import annotations

import socket

import pytest

from tests.regression.test_a_name_resolving_inside_is_refused import HOST, Resolver, _get, connected
from watchdesk.sources.errors import PolicyError
from watchdesk.sources.models import AuditEvent
from watchdesk.sources.public_net import internal_kind

__all__ = ["connected"]  # a fixture, imported for the tests below to take by name


@pytest.mark.parametrize("address", ["fec0::1", "feff:ffff::1", "fec0:0:0:1::5"])
def test_a_name_resolving_to_a_site_local_address_is_refused(
    address: str, connected: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", Resolver([address]))
    audit: list[AuditEvent] = []
    with pytest.raises(PolicyError, match=rf"host '{HOST}' resolves to {address}, a site-local address"):
        _get(f"https://{HOST}/feed.xml", audit)
    assert connected == []
    assert [(e.outcome, e.host) for e in audit] == [("refused", HOST)]


def test_a_public_ipv6_address_is_still_public() -> None:
    assert internal_kind("2606:4700::1111") is None and internal_kind("93.184.216.34") is None
