"""Bug: the SEC identity (a person's name and e-mail) was sent as User-Agent to every host, transcript
sites and redirect targets included; only SEC asks for it, so only SEC hosts may get it."""

from __future__ import annotations

import httpx

from watchdesk.sources.gateway import DEFAULT_AGENT, Gateway, GatewayConfig

IDENTITY = "Jane Analyst jane@example.com"


def test_identity_goes_to_sec_hosts_only_redirects_included() -> None:
    seen: dict[str, str] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen[str(request.url)] = request.headers["User-Agent"]
        if request.url.host == "www.sec.gov" and request.url.path == "/moved":
            return httpx.Response(302, headers={"Location": "https://ir.example.com/call.html"})
        return httpx.Response(200, content=b"ok")

    config = GatewayConfig(user_agent=IDENTITY, allowed_domains=("sec.gov", "example.com"), rate_limits={})
    with Gateway(config, transport=httpx.MockTransport(handler)) as gw:
        gw.get("https://data.sec.gov/submissions/CIK0001045810.json", agent="t", cache=False)
        gw.get("https://ir.example.com/q3.html", agent="t", cache=False)
        gw.get("https://www.sec.gov/moved", agent="t", cache=False)
    assert seen["https://data.sec.gov/submissions/CIK0001045810.json"] == IDENTITY
    assert seen["https://www.sec.gov/moved"] == IDENTITY
    assert seen["https://ir.example.com/q3.html"] == DEFAULT_AGENT
    assert seen["https://ir.example.com/call.html"] == DEFAULT_AGENT


def test_identity_never_in_clear_and_ports_only_where_named() -> None:
    """A security review (session 22): http://www.sec.gov got the identity over cleartext, and https://www.sec.gov:22
    was fetched; the allow-list looked at host names only."""
    import pytest

    from watchdesk.sources.errors import PolicyError

    seen: dict[str, str] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen[str(request.url)] = request.headers["User-Agent"]
        return httpx.Response(200, content=b"ok")

    allowed = ("sec.gov", "feeds.example.com:8443", "example.com")
    config = GatewayConfig(user_agent=IDENTITY, allowed_domains=allowed, rate_limits={})
    with Gateway(config, transport=httpx.MockTransport(handler)) as gw:
        gw.get("http://www.sec.gov/x", agent="t", cache=False)
        gw.get("https://feeds.example.com:8443/rss", agent="t", cache=False)
        for url in ("https://www.sec.gov:22/x", "https://other.example.com:8443/rss"):
            with pytest.raises(PolicyError, match="port"):
                gw.get(url, agent="t", cache=False)
    assert seen == {"http://www.sec.gov/x": DEFAULT_AGENT, "https://feeds.example.com:8443/rss": DEFAULT_AGENT}
    from watchdesk.sources.ratelimit import domain_matches

    assert domain_matches("::1", "::1")  # an IPv6 entry is no "host:port" (a code review)
