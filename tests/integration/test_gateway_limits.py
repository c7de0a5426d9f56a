"""The gateway's overall deadline, size cap and Retry-After cap, against real servers on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.integration.test_gateway_loopback import Reply, Server, make_gateway, server  # noqa: F401
from tests.timing import slowdown
from watchdesk.sources.errors import DeadlineExceededError, RateLimitedError, ResponseTooLargeError
from watchdesk.sources.models import AuditEvent

MIB = 1024 * 1024


class DripServer:
    """Sends headers at once, then the body a few bytes at a time: every read is fast, the whole is not."""

    def __init__(self, *, chunk: bytes = b"x" * 8, every_s: float = 0.05, chunks: int = 10_000) -> None:
        self.stop = threading.Event()
        self.sent = 0
        drip = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Length", str(len(chunk) * chunks))
                self.end_headers()
                try:
                    for _ in range(chunks):
                        if drip.stop.wait(every_s):
                            return
                        self.wfile.write(chunk)
                        self.wfile.flush()
                        drip.sent += len(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/drip"


class FloodServer:
    """Streams `total` bytes with no Content-Length (chunked), as fast as the socket takes them."""

    def __init__(self, total: int) -> None:
        self.sent = 0
        flood = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                block = b"y" * 65536
                try:
                    while flood.sent < total:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
                        flood.sent += len(block)
                    self.wfile.write(b"0\r\n\r\n")
                except (TimeoutError, BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/flood"


def _serve(httpd: ThreadingHTTPServer) -> threading.Thread:
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def drip() -> Iterator[DripServer]:
    srv = DripServer()
    _serve(srv.httpd)
    yield srv
    srv.stop.set()
    srv.httpd.shutdown()
    srv.httpd.server_close()


def test_slow_drip_body_stops_at_the_deadline(drip: DripServer) -> None:
    events: list[AuditEvent] = []
    # Each read returns within 50 ms, far under the 2 s read timeout: only the deadline can stop it.
    with make_gateway(events, timeout_s=2.0, deadline_s=1.0, max_retries=3) as gw:
        started = time.monotonic()
        with pytest.raises(DeadlineExceededError, match="deadline"):
            gw.get(drip.url, agent="test")
        took = time.monotonic() - started
    print(f"slow drip (8 bytes / 50 ms, 80 KB promised): gave up after {took:.2f}s with a 1 s deadline")
    # the upper bound in wall time, as many times more as the machine is now slower than idle (1.0 there)
    assert 0.9 <= took < 2.0 * slowdown(), took
    assert [e.outcome for e in events] == ["timeout"], "a spent deadline is final: no retries"


def test_oversized_body_is_aborted_while_streaming() -> None:
    flood = FloodServer(total=400 * MIB)
    _serve(flood.httpd)
    events: list[AuditEvent] = []
    try:
        with make_gateway(events, max_bytes=2 * MIB, max_retries=3) as gw:
            started = time.monotonic()
            with pytest.raises(ResponseTooLargeError, match="cap"):
                gw.get(flood.url, agent="test")
            took = time.monotonic() - started
    finally:
        flood.httpd.shutdown()
        flood.httpd.server_close()
    print(f"400 MiB chunked body, 2 MiB cap: aborted after {took:.2f}s, server had sent {flood.sent / MIB:.1f} MiB")
    assert flood.sent < 50 * MIB, "the download stopped near the cap, not at the end"
    assert [e.outcome for e in events] == ["error"]


def test_declared_oversized_body_is_refused_before_reading(server: Server) -> None:  # noqa: F811
    url = server.on("/big", Reply(body=b"z" * 4096))
    events: list[AuditEvent] = []
    with make_gateway(events, max_bytes=1024) as gw, pytest.raises(ResponseTooLargeError, match="declared 4,096"):
        gw.get(url, agent="test")
    assert len(server.hits_for("/big")) == 1


def test_retry_after_above_the_cap_gives_up_at_once(server: Server) -> None:  # noqa: F811
    url = server.on("/later", Reply(status=429, headers={"Retry-After": "3600"}), Reply(body=b"too late"))
    events: list[AuditEvent] = []
    with make_gateway(events, max_retry_after_s=30) as gw:
        started = time.monotonic()
        with pytest.raises(RateLimitedError, match="3600s, over the 30s cap"):
            gw.get(url, agent="test")
        took = time.monotonic() - started
    assert took < 1.0 * slowdown() and len(server.hits_for("/later")) == 1, took  # 1 s on an idle machine
