"""A security review (session 23): httpx logs every request it sends at INFO, the full URL included ("HTTP Request:
GET https://financialmodelingprep.com/...?apikey=<the key> ..."). watchdesk configures no logging, but a program or
notebook that runs it under `logging.basicConfig(level=logging.INFO)` wrote the FMP key, a transcript URL's token and
a feed's user:password@ into its log. The gateway's requests now reach the log with their secrets redacted, as
everywhere else."""

from __future__ import annotations

import logging

import httpx
import pytest

from watchdesk.sources.gateway import Gateway, GatewayConfig

KEY = "s3cr3t-fmp-key"


def test_the_request_log_line_has_the_key_redacted(caplog: pytest.LogCaptureFixture) -> None:
    config = GatewayConfig(allowed_domains=("financialmodelingprep.com",), rate_limits={})
    transport = httpx.MockTransport(lambda _r: httpx.Response(200, content=b"[]"))
    url = f"https://financialmodelingprep.com/api/v3/earning_call_transcript/NVDA?apikey={KEY}"
    with caplog.at_level(logging.INFO), Gateway(config, transport=transport) as gw:
        gw.get(url, agent="transcripts", cache=False)
    said = [r.getMessage() for r in caplog.records if r.name.startswith("httpx")]
    assert said and "apikey=REDACTED" in said[0], said
    assert not any(KEY in line for line in said)


def test_a_slack_webhook_is_not_logged_either(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The webhook (its path is the secret) is posted with an httpx client of its own, outside the gateway."""
    from watchdesk.agents.briefing import channels

    monkeypatch.setattr(logging.getLogger("httpx"), "filters", [])  # as in a process that built no gateway yet

    def client(**kw: object) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(lambda _r: httpx.Response(200)), **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(channels, "PublicOnlyClient", client)
    with caplog.at_level(logging.INFO):
        assert channels.post_webhook(f"https://hooks.slack.com/services/T0/B0/{KEY}", {"text": "hi"}) == 200
    said = [r.getMessage() for r in caplog.records if r.name.startswith("httpx")]
    assert said and not any(KEY in line for line in said), said
