"""Loopback servers the integration tests talk to."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@pytest.fixture()
def webhook() -> Iterator[tuple[int, list[dict[str, Any]], list[int]]]:
    """A local stand-in for Slack's incoming webhook: (port, JSON bodies posted, statuses to answer)."""
    posts: list[dict[str, Any]] = []
    statuses: list[int] = []  # the answers to give, in order; then 200

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            posts.append(json.loads(self.rfile.read(int(self.headers["content-length"]))))
            self.send_response(statuses.pop(0) if statuses else 200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], posts, statuses
    server.shutdown()
