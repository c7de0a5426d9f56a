"""Bug (a review of the DNS check, d71eb4a): fetches refuse a host that resolves to an internal address, but delivery
did not go through that check: a Slack webhook host on allowed_domains, or the SMTP host of WATCHDESK_SMTP_URL, that
resolved to 127.0.0.1, 10.x, the metadata address 169.254.169.254 or a 6to4 address wrapping one was contacted.
Delivery now resolves the host once, refuses it (a `refused` delivery naming host and address) when an address is
internal, and connects to the address it checked. Hosts written as loopback (the tests' servers) are still reached,
and an SMTP relay on the user's own network is reached when WATCHDESK_SMTP_URL says so with ?internal=1 (never a
link-local address such as the metadata one). No network: the resolver and the connection are stubs."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.integration.test_delivery import watchlist, written
from tests.regression.test_a_name_resolving_inside_is_refused import Resolver
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store

INTERNAL = ["127.0.0.1", "10.0.0.5", "169.254.169.254", "2002:7f00:1::1"]
HOOK = "https://hooks.slack.example/services/T0/B0/s3cret"
MAIL = '[[delivery]]\nkind = "email"\nto = ["pm@example.com"]\n'


@pytest.fixture()
def connected(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """The addresses a connection was opened to; each is refused, so nothing goes past the stub."""
    opened: list[tuple[str, int]] = []

    def connect(address: tuple[str, int], *_a: object, **_k: object) -> socket.socket:
        opened.append((address[0], address[1]))
        raise ConnectionRefusedError("stub: nothing listens")

    monkeypatch.setattr(socket, "create_connection", connect)
    return opened


def _deliver(tmp_path: Path, delivery: str, settings: Settings) -> list[tuple[str, str, str | None]]:
    wl = watchlist(delivery, domains='"sec.gov", "hooks.slack.example"')
    with Store.open(":memory:") as store:
        files = written(store, tmp_path)
        out = deliver_briefing(files, watchlist=wl, settings=settings, store=store, run_id="r1", backoff=0)
    return [(o.kind, o.status, o.error) for o in out]


@pytest.mark.parametrize("address", INTERNAL)
def test_a_webhook_host_resolving_inside_is_refused(
    address: str, connected: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", Resolver([address]))
    said = _deliver(tmp_path, '[[delivery]]\nkind = "slack"\nwebhook_env = "HOOK"\n', Settings(env={"HOOK": HOOK}))
    assert [(kind, status) for kind, status, _ in said] == [("slack", "refused")], said
    assert f"host 'hooks.slack.example' resolves to {address}" in str(said[0][2])
    assert "s3cret" not in str(said) and connected == []


@pytest.mark.parametrize("address", INTERNAL)
def test_an_smtp_host_resolving_inside_is_refused(
    address: str, connected: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", Resolver([address]))
    said = _deliver(tmp_path, MAIL, Settings(smtp_url="smtp://desk:pw@mail.example.com:587"))
    assert [(kind, status) for kind, status, _ in said] == [("email", "refused")], said
    assert f"host 'mail.example.com' resolves to {address}" in str(said[0][2])
    assert "?internal=1" in str(said[0][2]) or address == "169.254.169.254"
    assert connected == []


def test_an_smtp_relay_inside_is_reached_when_the_url_says_so(
    connected: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", Resolver(["10.0.0.5"]))
    said = _deliver(tmp_path, MAIL, Settings(smtp_url="smtp://relay.corp.example:25?internal=1"))
    assert said[0][1] == "failed" and connected[0] == ("10.0.0.5", 25)  # the stub refused it: it was reached
    monkeypatch.setattr(socket, "getaddrinfo", Resolver(["169.254.169.254"]))
    connected.clear()
    said = _deliver(tmp_path, MAIL, Settings(smtp_url="smtp://relay.corp.example:25?internal=1"))
    assert said[0][1] == "refused" and connected == []  # the metadata address is no relay


def test_the_connection_goes_to_the_address_checked(
    connected: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    resolver = Resolver(["93.184.216.34"], ["127.0.0.1"])  # a rebinding server: public when checked, loopback after
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    _deliver(tmp_path, MAIL, Settings(smtp_url="smtp://mail.example.com:587"))
    assert set(connected) == {("93.184.216.34", 587)} and set(resolver.asked) == {"mail.example.com"}
