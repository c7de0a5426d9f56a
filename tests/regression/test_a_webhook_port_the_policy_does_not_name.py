"""A review of 2fe2268: a fetch from an allowed host on a port that allowed_domains does not name is refused ("port
8443 of 'www.cnbc.com' not allowed"), and the dry run says so of a feed, but a Slack webhook variable naming an
allowed host on such a port ("https://hooks.slack.example:8443/...") was posted to, and the dry run said "valid". Now
the delivery is `refused` with the gateway's words, nothing is connected, and the dry run lists it; the webhook's URL
(its secret) is never echoed. No network: the resolver and the connection are stubs."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.regression.test_a_name_resolving_inside_is_refused import Resolver
from tests.regression.test_delivery_reaches_public_addresses_only import _deliver, connected  # noqa: F401
from tests.regression.test_the_dry_run_finds_what_the_run_refuses import _dry_run
from watchdesk.graph.cli import EXIT_CONFIG
from watchdesk.graph.settings import Settings

SLACK = '[[delivery]]\nkind = "slack"\nwebhook_env = "HOOK"\n'


def _posted(tmp_path: Path, hook: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str | None]]:
    """The delivery's outcome for webhook URL `hook`, its host resolving to a public address."""
    monkeypatch.setattr(socket, "getaddrinfo", Resolver(["93.184.216.34"]))
    return _deliver(tmp_path, SLACK, Settings(env={"HOOK": hook}))


def test_a_webhook_on_a_port_the_policy_does_not_name_is_refused(
    connected: list[tuple[str, int]],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    said = _posted(tmp_path, "https://hooks.slack.example:8443/services/T0/B0/s3cret", monkeypatch)
    assert [(kind, status) for kind, status, _ in said] == [("slack", "refused")], said
    assert "port 8443 of 'hooks.slack.example' not allowed" in str(said[0][2])
    assert "s3cret" not in str(said) and connected == []


def test_the_dry_run_lists_a_webhook_port_the_run_refuses(tmp_path: Path) -> None:
    code, said = _dry_run(tmp_path, hook="https://hooks.slack.com:8443/services/T/B/XYZSECRET")
    assert code == EXIT_CONFIG, said
    assert ("delivery[0]: $DESK_HOOK: port 8443 of 'hooks.slack.com' not allowed (name it in allowed_domains as "
            "hooks.slack.com:8443 if it should be): a delivery would refuse to post there") in said  # fmt: skip
    assert "XYZSECRET" not in said


def test_a_webhook_port_that_is_no_port_is_said_invalid_and_not_tried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, connected: list[tuple[str, int]]  # noqa: F811
) -> None:
    """Port 99999: the post was tried three times and failed as 'ConnectError', as if the network were down."""
    said = _posted(tmp_path, "https://hooks.slack.example:99999/services/T0/B0/s3cret", monkeypatch)
    assert said == [("slack", "failed", "variable HOOK is not a valid URL (its port is not a number from 0 to 65535)")]
    assert connected == []
    code, dry = _dry_run(tmp_path, hook="https://hooks.slack.com:99999/services/T/B/XYZSECRET")
    assert code == EXIT_CONFIG, dry
    assert ('delivery[0] (kind = "slack"): the variable DESK_HOOK is not a webhook URL (its port is not a number from '
            "0 to 65535): set it to an http(s) URL such as Slack gives an incoming webhook") in dry, dry
    assert "XYZSECRET" not in dry
