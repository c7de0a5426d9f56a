"""Bug: a Slack webhook that could not be reached was said as httpx's class name alone, "webhook at 127.0.0.1:
ConnectError", three times over, where an e-mail's connection failure is said in words ("the connection was refused
(no mail server listens there)"); a TLS handshake that cannot succeed (https:// to a plain-HTTP port) was tried
three times too. Now the OS's error under httpx's is said (refused, no such host, a TLS handshake or certificate),
never httpx's own words (they may quote the URL, the secret); a TLS failure is tried once, as an e-mail's is. Real
connections on loopback through the real CLI."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_delivery import free_port
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from watchdesk.agents.briefing.channels import post_webhook
from watchdesk.agents.briefing.deliver import DeliveryError
from watchdesk.graph.cli import cli

SLACK = '[[delivery]]\nkind = "slack"\nwebhook_env = "DESK_HOOK"\n'


@contextmanager
def plain_listener() -> Iterator[int]:
    """A port on loopback that answers a connection in plain HTTP, which a TLS handshake cannot read."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()

        def answer() -> None:
            with contextlib.suppress(OSError):
                conn, _ = server.accept()
                with conn:
                    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        yield server.getsockname()[1]
        thread.join(timeout=10)


def test_a_refused_webhook_is_said_in_words_through_brief(tmp_path: Path) -> None:
    _, args = a_briefed_store(tmp_path)
    wl = tmp_path / "wl.toml"
    wl.write_text(wl.read_text(encoding="utf-8").replace('[[delivery]]\nkind = "email"\nto = ["pm@example.com"]',
                                                         SLACK), encoding="utf-8")  # fmt: skip
    secret = "T0SECRET/B0SECRET/xyzzy"
    result = CliRunner(env={"DESK_HOOK": f"http://127.0.0.1:{free_port()}/services/{secret}"}).invoke(cli, args)
    said = " ".join(result.output.split())
    assert result.exit_code == 1
    assert ("webhook at 127.0.0.1: the connection was refused (nothing listens on this machine at that port: is it "
            "running?)") in said, said
    assert "ConnectError" not in said and secret not in said, said  # before: "webhook at 127.0.0.1: ConnectError"


def test_a_tls_handshake_that_fails_is_said_and_tried_once() -> None:
    with plain_listener() as port:
        try:
            post_webhook(f"https://127.0.0.1:{port}/services/x", {"text": "hi"})
        except DeliveryError as exc:
            caught = exc
    assert str(caught).startswith("webhook at 127.0.0.1: "), caught
    assert "ConnectError" not in str(caught) and not caught.transient, caught
