"""A security review (session 23): every refusal of the gateway ended "add the domain to allowed_domains in the policy
if it should be", also where the domain was not the reason: 'file:///etc/passwd: scheme 'file' not allowed; add the
domain to allowed_domains ...' (no domain would make a file:// link fetchable), and a port refusal, which already
names what to add, said it twice, the second time wrongly (the domain is allowed; its port is not)."""

from __future__ import annotations

import httpx
import pytest

from watchdesk.sources.errors import PolicyError
from watchdesk.sources.gateway import Gateway, GatewayConfig


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("file:///etc/passwd", "file:///etc/passwd: scheme 'file' not allowed; only http and https addresses are "
         "fetched"),
        ("https://www.sec.gov:444/x", "https://www.sec.gov:444/x: port 444 of 'www.sec.gov' not allowed (name it in "
         "allowed_domains as www.sec.gov:444 if it should be)"),
        ("https://evil.example/x", "https://evil.example/x: host 'evil.example' not allowed; add the domain to "
         "allowed_domains in the policy if it should be"),
    ],
)  # fmt: skip
def test_each_refusal_says_what_would_change_it(url: str, said: str) -> None:
    config = GatewayConfig(allowed_domains=("sec.gov",), rate_limits={}, user_agent="Jane Analyst jane@example.com")
    transport = httpx.MockTransport(lambda _r: httpx.Response(200))
    with Gateway(config, transport=transport) as gw, pytest.raises(PolicyError) as refused:
        gw.get(url, agent="filings", cache=False)
    assert str(refused.value) == said
