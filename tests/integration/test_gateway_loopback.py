"""The gateway against a real HTTP server on 127.0.0.1: retries, timeouts, policy, rate limit."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.loopback import Reply, Server, serving
from tests.timing import slowdown
from watchdesk.sources.errors import (
    ConfigError,
    HTTPStatusError,
    NotFoundError,
    PolicyError,
    TransportError,
)
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import AuditEvent

IDENTITY = "Watchdesk Tests tests@example.com"
IDENTITY_HINT = "WATCHDESK_SEC_IDENTITY='Your Name you@example.com'"


@pytest.fixture
def server() -> Iterator[Server]:
    with serving() as srv:
        yield srv


@pytest.fixture
def events() -> list[AuditEvent]:
    return []


def make_gateway(events: list[AuditEvent], **overrides: Any) -> Gateway:
    options: dict[str, Any] = {
        "user_agent": IDENTITY,
        "allowed_domains": ("127.0.0.1",),
        "rate_limits": {},
        "timeout_s": 2.0,
        "max_retries": 3,
        "backoff_base_s": 0.05,
    }
    options.update(overrides)
    return Gateway(GatewayConfig(**options), audit=events.append)


def test_429_retry_after_is_waited_out(server: Server, events: list[AuditEvent]) -> None:
    url = server.on("/busy", Reply(status=429, headers={"Retry-After": "1"}), Reply(body=b"done"))
    with make_gateway(events) as gw:
        started = time.monotonic()
        result = gw.get(url, agent="test")
        waited = time.monotonic() - started
    print(f"429 with Retry-After: 1 -> success after {waited:.2f}s")
    assert result.body == b"done"
    assert waited >= 0.95
    assert [(e.attempt, e.outcome, e.status) for e in events] == [(1, "http_error", 429), (2, "ok", 200)]
    hits = server.hits_for("/busy")
    assert hits[1].at - hits[0].at >= 0.95


def test_503_twice_then_200_is_retried(server: Server, events: list[AuditEvent]) -> None:
    url = server.on("/flaky", Reply(status=503), Reply(status=503), Reply(body=b"finally"))
    with make_gateway(events) as gw:
        result = gw.get(url, agent="test", run_id="r1")
        assert gw.stats.network == 3
    assert result.body == b"finally"
    assert [(e.attempt, e.outcome, e.status) for e in events] == [
        (1, "http_error", 503), (2, "http_error", 503), (3, "ok", 200),
    ]
    assert all(e.run_id == "r1" and e.agent == "test" for e in events)
    assert "retry in" in events[0].detail


def test_500_that_persists_raises_http_status_error(server: Server, events: list[AuditEvent]) -> None:
    url = server.on("/broken", Reply(status=500))
    with make_gateway(events, max_retries=2) as gw, pytest.raises(HTTPStatusError) as err:
        gw.get(url, agent="test")
    assert err.value.status == 500
    assert len(server.hits_for("/broken")) == 3


def test_hung_response_times_out_after_retries(server: Server, events: list[AuditEvent]) -> None:
    url = server.on("/hang", Reply(delay_s=10))
    with make_gateway(events, timeout_s=0.5, max_retries=2) as gw:
        started = time.monotonic()
        with pytest.raises(TransportError) as err:
            gw.get(url, agent="test")
        took = time.monotonic() - started
    print(f"3 attempts against a hung server (timeout 0.5s) gave up after {took:.2f}s")
    assert not isinstance(err.value, HTTPStatusError)
    assert [e.outcome for e in events] == ["timeout"] * 3
    assert [e.attempt for e in events] == [1, 2, 3]
    assert 1.5 <= took < 5 * slowdown(), took  # 5 s on an idle machine, more as the machine is busier


def test_host_outside_allow_list_is_refused_without_a_socket(
    server: Server, events: list[AuditEvent], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = server.on("/allowed", Reply())
    opened: list[object] = []

    def spy(name: str) -> Any:
        real = getattr(socket, name)

        def recorded(*args: Any, **kwargs: Any) -> Any:
            opened.append((name, args))
            return real(*args, **kwargs)

        return recorded

    for name in ("getaddrinfo", "create_connection"):
        monkeypatch.setattr(socket, name, spy(name))
    with make_gateway(events) as gw:
        with pytest.raises(PolicyError, match=re.escape("example.org")):
            gw.get("http://example.org/", agent="test")
        assert opened == []
        gw.get(url, agent="test")  # the spy does see sockets: an allowed host opens one
    assert opened
    assert gw.stats.network == 1 and gw.stats.refused == 1
    assert (events[0].outcome, events[0].host) == ("refused", "example.org")


def test_subdomain_of_allowed_domain_passes_the_policy(events: list[AuditEvent]) -> None:
    gw = make_gateway(events, allowed_domains=("sec.gov",))
    assert gw.allowed("www.sec.gov") and gw.allowed("data.sec.gov") and gw.allowed("sec.gov")
    assert not gw.allowed("notsec.gov") and not gw.allowed("sec.gov.evil.com")
    gw.close()


def test_sec_without_identity_is_a_config_error(events: list[AuditEvent]) -> None:
    with make_gateway(events, user_agent=None, allowed_domains=("sec.gov",)) as gw:
        with pytest.raises(ConfigError, match=re.escape(IDENTITY_HINT)):
            gw.get("https://www.sec.gov/files/company_tickers.json", agent="test")
        assert gw.stats.network == 0


def test_burst_from_threads_never_exceeds_10_per_second(server: Server, events: list[AuditEvent]) -> None:
    url = server.on("/burst", Reply(body=b"{}"))
    with make_gateway(events, rate_limits={"127.0.0.1": 10.0}) as gw, ThreadPoolExecutor(8) as pool:
        started = time.monotonic()
        results = list(pool.map(lambda i: gw.get(url, agent="burst"), range(50)))
        took = time.monotonic() - started
    arrivals = sorted(h.at for h in server.hits_for("/burst"))
    busiest = max(sum(1 for t in arrivals if a <= t < a + 1.0) for a in arrivals)
    print(f"50 requests from 8 threads at 10/s: max {busiest} in any 1 s window, total {took:.2f}s")
    assert len(results) == 50 and len(arrivals) == 50
    assert busiest <= 10
    assert took >= 4.0  # 50 requests at 10/s cannot finish sooner


def test_404_is_not_retried_and_a_non_sec_host_gets_the_generic_agent(
    server: Server, events: list[AuditEvent]
) -> None:
    url = server.on("/missing", Reply(status=404))
    with make_gateway(events) as gw, pytest.raises(NotFoundError) as err:
        gw.get(url, agent="test")
    assert err.value.status == 404
    hits = server.hits_for("/missing")
    assert len(hits) == 1
    assert hits[0].headers["User-Agent"] == "watchdesk/0.1"  # the SEC identity goes to SEC only
    assert hits[0].headers["Accept-Encoding"] == "gzip, deflate"
    assert [(e.outcome, e.status) for e in events] == [("http_error", 404)]
    assert all(IDENTITY not in repr(e) for e in events)


def test_secret_query_values_never_reach_the_audit(server: Server, events: list[AuditEvent]) -> None:
    url = server.on("/q?ticker=NVDA&apikey=s3cr3t&Access_Token=t0k", Reply())
    with make_gateway(events) as gw:
        gw.get(url, agent="test")
    assert events[0].url.endswith("/q?ticker=NVDA&apikey=REDACTED&Access_Token=REDACTED")
    assert all("s3cr3t" not in repr(e) and "t0k" not in repr(e) for e in events)
