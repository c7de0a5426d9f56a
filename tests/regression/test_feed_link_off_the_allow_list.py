"""Bug: one feed entry linking outside `allowed_domains` failed the whole feed source, discarding the
entries already fetched; now that entry is skipped (refused, audited, noted) and the rest are kept."""

from __future__ import annotations

import re

import httpx

from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import AuditEvent
from watchdesk.sources.transcript_sources import from_feed

# A two-entry RSS feed of the shape transcript sites publish (the links are what matters here).
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>calls</title>
<item><title>NVDA Q3 earnings call transcript</title><link>https://www.fool.com/nvda-q3-call/</link></item>
<item><title>NVDA Q2 earnings call transcript</title><link>https://mirror.example.org/nvda-q2-call/</link></item>
<item><title>NVDA Q1 earnings call transcript</title><link>https://www.fool.com/nvda-q1-call/</link></item>
</channel></rss>"""


def test_one_bad_link_does_not_cost_the_feed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(".xml"):
            return httpx.Response(200, content=FEED)
        return httpx.Response(200, content=b"<html><body>call page</body></html>")

    events: list[AuditEvent] = []
    config = GatewayConfig(allowed_domains=("fool.com",), rate_limits={})
    skipped: list[str] = []
    with Gateway(config, audit=events.append, transport=httpx.MockTransport(handler)) as gw:
        pages = from_feed(
            gw,
            "https://www.fool.com/calls.xml",
            pattern=re.compile(r"NVDA.*call", re.I),
            agent="transcripts",
            run_id=None,
            skipped=skipped,
        )
    assert [p.origin for p in pages] == ["https://www.fool.com/nvda-q3-call/", "https://www.fool.com/nvda-q1-call/"]
    assert len(skipped) == 1 and "mirror.example.org" in skipped[0]
    assert [e.outcome for e in events if e.host == "mirror.example.org"] == ["refused"]
