"""Bug: a Slack target posts to whatever http(s) URL its variable holds on a host the policy allows, and the whole of
such a URL is the secret (Mattermost's /hooks/<key>, Discord's /api/webhooks/<id>/<token>/slack, a Teams
connector's path). httpx logs each request at INFO, its URL whole; the log filter redacted a webhook's path on
hooks.slack.com alone, so a program or notebook logging at INFO kept any other webhook in its log. Now a webhook's
URL reaches a log line as its scheme and host alone, on any host (session 44's attack on secrets handling)."""

from __future__ import annotations

import logging

import httpx
import pytest

from watchdesk.agents.briefing import channels

SECRET = "s3cr3tW3bh00kT0ken"
HOOKS = [
    f"https://chat.example.com/hooks/{SECRET}",
    f"https://discord.com/api/webhooks/1234/{SECRET}/slack",
    f"https://hooks.slack.com/services/T0/B0/{SECRET}",
]


def _logged(url: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The httpx log lines of posting to `url`, and then of a GET of /status on its host."""
    monkeypatch.setattr(logging.getLogger("httpx"), "filters", [])  # as in a process that built no gateway yet

    def client(**kw: object) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(lambda _r: httpx.Response(200)), **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(channels, "PublicOnlyClient", client)
    with caplog.at_level(logging.INFO):
        assert channels.post_webhook(url, {"text": "hi"}) == 200
        logging.getLogger("httpx").info("HTTP Request: GET %s", f"https://{url.split('/')[2]}/status")
    return [r.getMessage() for r in caplog.records if r.name.startswith("httpx")]


@pytest.mark.parametrize("url", HOOKS)
def test_the_request_log_line_names_the_host_alone(
    url: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = _logged(url, caplog, monkeypatch)
    assert len(said) == 2 and f"POST https://{url.split('/')[2]}/REDACTED " in said[0], said
    assert not any(SECRET in line for line in said), said


def test_a_later_request_to_that_host_is_logged_as_any(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = _logged(HOOKS[0], caplog, monkeypatch)
    assert said[-1] == "HTTP Request: GET https://chat.example.com/status"
