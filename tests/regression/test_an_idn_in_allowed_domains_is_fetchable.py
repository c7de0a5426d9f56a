"""A security review (session 24): an internationalised domain in policy.allowed_domains was compared as written
with the host httpx reports, so one side in Unicode ("bücher.example") and the other in its ASCII form
("xn--bcher-kva.example") never matched: an entry written in punycode refused even its own URL (as a "redirect",
since httpx reports the host in Unicode), and an entry in Unicode refused the punycode link a feed gives. Both
sides are now compared in their IDNA (punycode) form; a look-alike in another script ("аpple.com" with a Cyrillic
"а") is a different name and still refused."""

from __future__ import annotations

import httpx
import pytest

from watchdesk.graph.policy import domain_allowed
from watchdesk.sources.errors import PolicyError
from watchdesk.sources.gateway import Gateway, GatewayConfig

UNICODE, PUNYCODE = "bücher.example", "xn--bcher-kva.example"


def _gateway(entry: str) -> Gateway:
    return Gateway(
        GatewayConfig(allowed_domains=(entry,), max_retries=0),
        transport=httpx.MockTransport(lambda _r: httpx.Response(200, content=b"<rss/>")),
    )


@pytest.mark.parametrize(
    ("entry", "host"),
    [(UNICODE, PUNYCODE), (PUNYCODE, UNICODE), (PUNYCODE, PUNYCODE), ("Bücher.Example", f"feeds.{PUNYCODE}"),
     (f"{UNICODE}:8443", f"{PUNYCODE}:8443")],
)  # fmt: skip
def test_an_idn_entry_allows_its_host_in_either_form(entry: str, host: str) -> None:
    with _gateway(entry) as gateway:
        assert gateway.get(f"https://{host}/feed.xml", agent="news").status == 200
    assert domain_allowed(host.partition(":")[0], (entry,))


@pytest.mark.parametrize(("entry", "host"), [("apple.com", "\u0430pple.com"), ("\u0430pple.com", "apple.com")])
def test_a_mixed_script_look_alike_is_another_domain(entry: str, host: str) -> None:
    with _gateway(entry) as gateway, pytest.raises(PolicyError, match="not allowed"):
        gateway.get(f"https://{host}/feed.xml", agent="news")
    assert not domain_allowed(host, (entry,))
