"""A security review (session 23): WATCHDESK_SMTP_URL's from= was taken as the e-mail's From whatever it held. One
holding a line break ("?from=desk@example.com%0d%0aBcc:%20x@evil.example", a header injection the e-mail library
stops) stopped the whole delivery with "unexpected ValueError ... please report it", and the targets after the
e-mail (a Slack webhook, a file) got nothing; one holding two addresses sent a From naming both. The sender is now
one e-mail address or a failed e-mail that says so, and the other targets are delivered."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.test_delivery import loopback_smtp, watchlist, written
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store


@pytest.mark.parametrize(
    "sender", ["desk@example.com%0d%0aBcc:%20x@evil.example", "desk@example.com,x@evil.example", "desk"]
)
def test_a_sender_that_is_not_one_address_fails_the_email_alone(sender: str, tmp_path: Path) -> None:
    wl = watchlist(f'[[delivery]]\nkind = "email"\nto = ["pm@example.com"]\n'
                   f'[[delivery]]\nkind = "file"\npath = "{tmp_path / "copy"}"\n')  # fmt: skip
    with loopback_smtp() as (port, received), Store.open(":memory:") as store:
        settings = Settings(smtp_url=f"smtp://127.0.0.1:{port}?from={sender}")
        out = deliver_briefing(written(store, tmp_path), watchlist=wl, settings=settings, store=store, run_id="r1",
                               backoff=0)  # fmt: skip
    assert [(o.kind, o.status) for o in out] == [("email", "failed"), ("file", "sent")], out
    assert "from= must be one e-mail address" in (out[0].error or "")
    assert received == []
