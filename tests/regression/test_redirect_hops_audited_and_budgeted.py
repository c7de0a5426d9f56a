"""A security review (session 22): a transcript URL behind 8 chained redirects sent 9 requests under
`max_requests_per_run = 1`, and the audit table held one row, for the first URL only (the URL the chain reached,
with its `?secret=`, appeared nowhere). Every hop is now audited, redacted, and counted against the budget."""

from __future__ import annotations

import httpx
import pytest

from watchdesk.sources.errors import PolicyError
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import AuditEvent


def handler(request: httpx.Request) -> httpx.Response:
    hop = int(request.url.params.get("hop", "0"))
    if hop < 3:
        return httpx.Response(302, headers={"Location": f"https://ir.example.com/r?hop={hop + 1}&secret=s3cr3t"})
    return httpx.Response(200, content=b"the call")


def gateway(events: list[AuditEvent], budget: int | None) -> Gateway:
    config = GatewayConfig(allowed_domains=("example.com",), rate_limits={}, max_requests=budget)
    return Gateway(config, audit=events.append, transport=httpx.MockTransport(handler))


def test_every_hop_has_an_audit_row_with_its_secret_redacted() -> None:
    events: list[AuditEvent] = []
    with gateway(events, None) as gw:
        assert gw.get("https://ir.example.com/r?hop=0", agent="transcripts", cache=False).body == b"the call"
        assert gw.stats.network == 4
    assert [(e.status, e.outcome) for e in events] == [(302, "ok")] * 3 + [(200, "ok")]
    assert "redirect to https://ir.example.com/r?hop=1&secret=REDACTED" in events[0].detail
    assert all("s3cr3t" not in e.url + e.detail for e in events)


def test_hops_count_against_the_request_budget() -> None:
    events: list[AuditEvent] = []
    with gateway(events, 2) as gw, pytest.raises(PolicyError, match="request budget of 2"):
        gw.get("https://ir.example.com/r?hop=0", agent="transcripts", cache=False)
    assert gw.stats.network == 2
    assert events[-1].outcome == "refused"


def test_retries_count_against_the_request_budget() -> None:
    """The security re-review: with max_requests = 1 a 503 was tried five times."""
    sent: list[str] = []

    def busy(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(503)

    config = GatewayConfig(allowed_domains=("example.com",), rate_limits={}, max_requests=2, max_retries=4,
                           backoff_base_s=0)  # fmt: skip
    gw = Gateway(config, transport=httpx.MockTransport(busy), sleep=lambda _s: None)
    with gw, pytest.raises(PolicyError, match="retry not sent"):
        gw.get("https://ir.example.com/busy", agent="transcripts", cache=False)
    assert len(sent) == 2
