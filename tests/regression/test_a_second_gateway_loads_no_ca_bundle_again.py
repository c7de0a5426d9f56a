"""Each gateway (one a run, and one a `watchdesk` command that fetches) and each Slack delivery's client loaded the CA
bundle afresh to make its TLS context: ~45 ms of CPU each, for a context that never differs within a process. Tests
and notebooks make hundreds of gateways, in replay too, where no connection is ever opened. Now the context for
verify=True is made once per process (and per SSL_CERT_FILE / SSL_CERT_DIR, which httpx reads), and verifies as before.
"""

from __future__ import annotations

import ssl
from typing import Any

import certifi
import httpx
import pytest

from watchdesk.sources import public_net
from watchdesk.sources.gateway import Gateway, GatewayConfig


def test_a_second_gateway_makes_no_tls_context(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[object] = []
    create = httpx.create_ssl_context

    def counted(*args: Any, **kwargs: Any) -> ssl.SSLContext:
        made.append(kwargs.get("verify", args[0] if args else True))
        return create(*args, **kwargs)

    Gateway(GatewayConfig(allowed_domains=("sec.gov",))).close()
    monkeypatch.setattr(httpx, "create_ssl_context", counted)
    for _ in range(3):
        Gateway(GatewayConfig(allowed_domains=("sec.gov",))).close()
    assert [verify for verify in made if not isinstance(verify, ssl.SSLContext)] == []  # before: [True, True, True]


def test_the_shared_context_verifies_certificates_and_names() -> None:
    context = public_net.verifying_context()
    assert context is public_net.verifying_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.get_ca_certs(), "the CA bundle is loaded"


def test_a_ca_file_named_in_the_environment_gets_a_context_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    default = public_net.verifying_context()
    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())
    named = public_net.verifying_context()
    assert named is not default and named is public_net.verifying_context()
    assert named.verify_mode == ssl.CERT_REQUIRED and named.check_hostname
