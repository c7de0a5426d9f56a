"""A TLS certificate that does not verify (a proxy that intercepts TLS, a machine's out-of-date CA bundle) was said as
"could not connect to URL after 5 attempts (ConnectError); check this machine's network connection" (since 6a5e964):
the cause was dropped and the advice was wrong, the network works (a code review). The certificate failure is now said
with its reason."""

from __future__ import annotations

import ssl

import httpx

from watchdesk.sources.gateway_config import gave_up

URL = "https://www.sec.gov/files/company_tickers.json"


def _connect_error(cause: BaseException) -> httpx.ConnectError:
    try:
        try:
            raise cause
        except BaseException as inner:
            raise httpx.ConnectError(str(inner)) from inner
    except httpx.ConnectError as exc:
        return exc


def test_a_certificate_that_does_not_verify_is_said_with_its_reason() -> None:
    cause = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed "
                                            "certificate (_ssl.c:1006)")  # fmt: skip
    said = gave_up(URL, 5, _connect_error(cause))
    assert "certificate" in said and "self-signed certificate" in said and "network connection" not in said, said
    assert said.startswith(f"could not connect securely to {URL} after 5 attempts")


def test_a_refused_connection_still_asks_to_check_the_network() -> None:
    said = gave_up(URL, 1, _connect_error(ConnectionRefusedError(111, "Connection refused")))
    assert said == f"could not connect to {URL} after 1 attempt (ConnectError); check this machine's network connection"
