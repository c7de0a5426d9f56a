"""Bug: a redirect to file:// raised httpx's UnsupportedProtocol, a transport error, so the gateway
retried it five times with backoff; it is a refusal of policy and must fail at once, audited."""

from __future__ import annotations

import httpx
import pytest

from watchdesk.sources.errors import PolicyError
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import AuditEvent


def test_redirect_to_file_url_fails_at_once() -> None:
    hits: list[str] = []
    sleeps: list[float] = []
    events: list[AuditEvent] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hits.append(str(request.url))
        return httpx.Response(302, headers={"Location": "file:///etc/passwd"})

    config = GatewayConfig(allowed_domains=("example.com",), rate_limits={}, max_retries=4)
    gw = Gateway(config, audit=events.append, sleep=sleeps.append, transport=httpx.MockTransport(handler))
    with gw, pytest.raises(PolicyError, match="redirect refused"):
        gw.get("https://feeds.example.com/calls.xml", agent="transcripts", cache=False)
    assert len(hits) == 1 and sleeps == []
    # the one request sent has its row (its 302 and where it pointed), then the refusal (session 22)
    assert [(e.outcome, e.status) for e in events] == [("ok", 302), ("refused", None)]
    assert events[0].detail == "redirect to file:///etc/passwd"
