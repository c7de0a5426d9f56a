"""Session 44's attack on the sandbox, as it held: a page on an allowed host that redirects (301, 302, 307, a chain of
them, relative or absolute) to a host off the allow-list in any disguise (user info before the host, the allowed
name as a prefix, an IP literal, IPv4 in IPv6, a decimal or hex address, another port, a look-alike name in punycode
or Cyrillic, another scheme) is refused before any request reaches it, with a refused audit row. The gateway's
request hook checks the host httpx itself will connect to, so no parse of the Location can differ from it."""

from __future__ import annotations

import httpx
import pytest

from watchdesk.sources.errors import PolicyError
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import AuditEvent

START = "https://www.sec.gov/start"
OFF_LIST = [
    "https://evil.test/x", "//evil.test/x", "https://sec.gov@evil.test/", "https://www.sec.gov:443@evil.test/",
    "https://sec.gov.evil.test/", "https://notsec.gov/", "http://127.0.0.1/", "http://[::1]/",
    "http://[::ffff:127.0.0.1]/", "https://2130706433/", "https://0x7f000001/", "https://www.sec.gov:8443/",
    "https://evil.test#.sec.gov", "https://xn--sc-gov-ywa.com/", "https://s\u0435c.gov/", "file:///etc/passwd",
    "gopher://www.sec.gov/", "HTTPS://EVIL.TEST/",
]


@pytest.mark.parametrize("status", [301, 302, 307])
@pytest.mark.parametrize("location", OFF_LIST)
def test_a_redirect_off_the_allow_list_is_refused(location: str, status: int) -> None:
    hosts: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        if request.url.path == "/start":  # a chain: through a relative hop on the allowed host first
            return httpx.Response(status, headers={"Location": "/hop"})
        if request.url.path == "/hop":
            return httpx.Response(status, headers={"Location": location})
        return httpx.Response(200, content=b"reached")

    audit: list[AuditEvent] = []
    config = GatewayConfig(allowed_domains=("sec.gov",), user_agent="Desk desk@example.com", rate_limits={},
                           max_retries=0)  # fmt: skip
    with Gateway(config, audit=audit.append, transport=httpx.MockTransport(handler)) as gw, \
            pytest.raises(PolicyError):  # fmt: skip
        gw.get(START, agent="filings")
    assert hosts == ["www.sec.gov", "www.sec.gov"], hosts
    assert [e.outcome for e in audit][-1] == "refused"


def test_a_relative_redirect_on_the_allowed_host_is_followed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/start":
            return httpx.Response(307, headers={"Location": "https://SEC.GOV./end"})
        return httpx.Response(200, content=b"reached")

    config = GatewayConfig(allowed_domains=("sec.gov",), user_agent="Desk desk@example.com", rate_limits={})
    with Gateway(config, transport=httpx.MockTransport(handler)) as gw:
        assert gw.get(START, agent="filings").body == b"reached"
