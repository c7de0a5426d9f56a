"""Connections to public addresses only: a name on the allow-list (or a delivery's Slack or SMTP host) that resolves
to a loopback, private, link-local or other internal address is refused, and the connection goes to the address
checked.

The allow-list names hosts; what a name resolves to is the DNS server's say, and a hostile one (DNS rebinding) or a
stale record answers 127.0.0.1, 10.x or the cloud metadata address 169.254.169.254. The name is resolved once here,
every address is checked, and the socket is opened to a checked address: no second lookup can answer differently.
Hosts written as loopback (the tests' local servers) are the one exception: the allow-list names them as they are.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import ssl
import threading
from collections.abc import Collection, Iterable
from typing import Any

import httpcore
import httpx

from watchdesk.sources.errors import PolicyError

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)  # httpx's own default


def internal_kind(address: str) -> str | None:
    """What makes `address` internal ("loopback", "private", ...), or None for a public one."""
    ip = ipaddress.ip_address(address.partition("%")[0])  # an IPv6 link-local address may carry "%eth0"
    if isinstance(ip, ipaddress.IPv6Address) and (inner := ip.ipv4_mapped or ip.sixtofour) is not None:
        ip = inner  # ::ffff:127.0.0.1 reaches 127.0.0.1; 6to4's 2002:7f00:1::1 wraps it too (a review, session 27)
    # IPv6's site-local fec0::/10: deprecated, still routed inside networks that kept it, and neither private nor
    # reserved to ipaddress (IPv4 has no such kind)
    for kind in ("loopback", "link_local", "site_local", "private", "multicast", "unspecified", "reserved"):
        if getattr(ip, f"is_{kind}", False):
            return kind.replace("_", "-")
    return None if ip.is_global else "non-public"  # 100.64.0.0/10, a carrier's shared space


def public_addresses(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, all public, or PolicyError naming the first that is not."""
    try:
        found = resolve(host, port)
    except OSError as exc:  # as socket.create_connection's own lookup failed before: a connection error
        raise httpcore.ConnectError(str(exc)) from exc
    return checked(host, found)


def resolve(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, each once, in the resolver's order; OSError when there is none."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in found))


def checked(host: str, addresses: list[str], *, inside: Collection[str] = ()) -> list[str]:
    """`addresses`, when each is public or of a kind in `inside` (those the user allowed, as an SMTP relay on their
    own network); else PolicyError naming the first that is not."""
    for address in addresses:
        if (kind := internal_kind(address)) and kind not in inside:
            article = "an" if kind[0] in "aeiou" else "a"
            raise PolicyError(f"host {host!r} resolves to {address}, {article} {kind} address: only public "
                              "addresses are contacted (a DNS answer pointing inside is refused)")  # fmt: skip
    return addresses


class PublicOnlyBackend(httpcore.SyncBackend):
    """httpcore's socket opener, connecting to checked public addresses only (loopback names as written)."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        if host in LOOPBACK:
            return super().connect_tcp(host, port, timeout, local_address, socket_options)
        failed: httpcore.ConnectError | None = None
        for address in public_addresses(host, port):  # tried in order, as socket.create_connection does
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                failed = exc
        raise failed or httpcore.ConnectError(f"{host} resolves to no address")


_CONTEXTS: dict[tuple[str | None, str | None], ssl.SSLContext] = {}
_CONTEXTS_LOCK = threading.Lock()


def verifying_context() -> ssl.SSLContext:
    """httpx's TLS context for verify=True (certifi's CA bundle, or what SSL_CERT_FILE or SSL_CERT_DIR names, which
    httpx reads from the environment itself), made once per process and per those two settings: loading the bundle
    takes ~45 ms of CPU, and each gateway (one a run) and each Slack delivery made its own. Connections and threads
    share an SSLContext safely, as httpx advises; the one change made to it after, httpcore's ALPN list set as each
    connection opens, is the same for every client here (HTTP/1.1: none asks for HTTP/2)."""
    key = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    with _CONTEXTS_LOCK:
        if (context := _CONTEXTS.get(key)) is None:
            context = _CONTEXTS[key] = httpx.create_ssl_context(verify=True)
    return context


class PublicOnlyTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool opening sockets through PublicOnlyBackend. TLS still checks the
    certificate against the host's name (httpcore sends the name, not the address, as SNI)."""

    def __init__(self, *, verify: ssl.SSLContext | str | bool = True, limits: httpx.Limits) -> None:
        context = verifying_context() if verify is True else httpx.create_ssl_context(verify=verify)
        super().__init__(verify=context, limits=limits)
        self._pool = httpcore.ConnectionPool(
            ssl_context=context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=PublicOnlyBackend(),
        )


class PublicOnlyClient(httpx.Client):
    """httpx.Client whose direct connections go through PublicOnlyTransport; proxies from the environment are
    mounted as httpx mounts them (a proxy resolves the names it is asked for)."""

    def _init_transport(self, *args: Any, **options: Any) -> httpx.BaseTransport:
        # httpx calls this with keywords (verify, cert, trust_env, http1, http2, limits, transport): the ones that
        # matter here are read, so a new one in a later httpx does not break the gateway
        if (transport := options.get("transport")) is not None:
            return transport
        return PublicOnlyTransport(verify=options.get("verify", True), limits=options.get("limits", _LIMITS))
