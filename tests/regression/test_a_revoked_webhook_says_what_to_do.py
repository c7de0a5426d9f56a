"""Bug (a review of the delivery output): a Slack webhook that was revoked, deleted with its app or mistyped was said
as "failed (webhook at hooks.slack.com answered HTTP 404)", and Slack's own answer ("no_service", "invalid_token",
"channel_is_archived") was dropped: nothing said the URL was the trouble or what to do. Now a 401, 403, 404 or 410
says the URL is not (or no longer) a webhook there and to set the variable to the current one, with Slack's code when
it is one (a short lower-case word: anything else could quote the URL, the secret, and is never said). Real HTTP on
loopback through the real CLI."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.loopback import Reply, serving
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from tests.regression.test_a_webhook_failure_is_said_in_words import SLACK
from watchdesk.agents.briefing.channels import DeliveryError, post_webhook
from watchdesk.graph.cli import cli

SECRET = "T0SECRET/B0SECRET/xyzzy"
REVOKED = ("the URL is not (or no longer) a webhook there, revoked or mistyped; set the variable to the incoming "
           "webhook's current URL (Slack shows it on the app's Incoming Webhooks page)")


@contextmanager
def answering(status: int, body: bytes) -> Iterator[int]:
    with serving() as server:
        yield server.anywhere(Reply(status=status, body=body)).port


@pytest.mark.parametrize(("status", "body", "said"), [
    (404, b"no_service", f"webhook at 127.0.0.1 answered HTTP 404 (no_service): {REVOKED}"),
    (403, b"invalid_token\n", f"webhook at 127.0.0.1 answered HTTP 403 (invalid_token): {REVOKED}"),
    (410, f"gone: /services/{SECRET}".encode(), f"webhook at 127.0.0.1 answered HTTP 410: {REVOKED}"),
    (400, b"invalid_payload", "webhook at 127.0.0.1 answered HTTP 400 (invalid_payload)"),
])  # fmt: skip
def test_a_webhook_refusing_its_url_says_so(status: int, body: bytes, said: str) -> None:
    with answering(status, body) as port, pytest.raises(DeliveryError) as info:
        post_webhook(f"http://127.0.0.1:{port}/services/{SECRET}", {"text": "hi"})
    assert str(info.value) == said and not info.value.transient


def test_a_revoked_webhook_is_said_so_by_brief(tmp_path: Path) -> None:
    _, args = a_briefed_store(tmp_path)
    wl = tmp_path / "wl.toml"
    wl.write_text(wl.read_text(encoding="utf-8").replace('[[delivery]]\nkind = "email"\nto = ["pm@example.com"]',
                                                         SLACK), encoding="utf-8")  # fmt: skip
    with answering(404, b"no_service") as port:
        result = CliRunner(env={"DESK_HOOK": f"http://127.0.0.1:{port}/services/{SECRET}"}).invoke(cli, args)
    said = " ".join(result.output.split())
    assert result.exit_code == 1, said
    assert (f"delivery slack webhook $DESK_HOOK: failed (webhook at 127.0.0.1 answered HTTP 404 (no_service): "
            f"{REVOKED})") in said, said
    assert SECRET not in said and "trying again" not in said, said
