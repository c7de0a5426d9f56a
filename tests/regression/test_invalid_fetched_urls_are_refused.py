"""The security re-review (session 22): a transcript feed entry whose link held a line break or an ESC failed the
whole transcripts step with "unexpected InvalidURL ... please report it" (exit 1), and a redirect to a bad IDNA
host ("xn--127-0.0.1") failed the news step before its other feeds were read. Such a URL is now a refused request,
audited, and a gap for that one link or feed."""

from __future__ import annotations

import httpx
import pytest

from watchdesk.sources.errors import PolicyError
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import AuditEvent


def handler(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/idna":
        return httpx.Response(302, headers={"Location": "http://xn--127-0.0.1/"})
    return httpx.Response(200, content=b"ok")


@pytest.mark.parametrize(
    "url", ["https://ir.example.com/call\nx", "https://ir.example.com/c\x1b[2J", "https://ir.example.com/idna",
            "https://ir.example.com:99999/feed"],  # the last: a bare ValueError from urlsplit (a code review)
)
def test_an_invalid_url_or_redirect_is_a_refusal_not_a_crash(url: str) -> None:
    events: list[AuditEvent] = []
    config = GatewayConfig(allowed_domains=("example.com",), rate_limits={})
    with Gateway(config, audit=events.append, transport=httpx.MockTransport(handler)) as gw:
        with pytest.raises(PolicyError, match="not a valid URL"):
            gw.get(url, agent="transcripts", cache=False)
        assert gw.get("https://ir.example.com/next", agent="transcripts", cache=False).body == b"ok"
    assert events[-2].outcome == "refused" and "\x1b" not in events[-2].url
