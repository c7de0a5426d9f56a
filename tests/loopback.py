"""A scripted HTTP server on 127.0.0.1 for the tests: replies per path (or one reply made from the request), every
request recorded. `with serving() as server: url = server.on("/feed", Reply(body=...))`.

For a server whose replies are a fixed script or a function of the request. A body streamed slowly or endlessly
(tests/integration/test_gateway_limits.py's DripServer and FloodServer) is a handler of its own.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b"ok"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    sized: bool = True  # sends Content-Length; without it (HTTP/1.0) the body ends when the connection closes


@dataclass(frozen=True)
class Hit:
    at: float  # time.monotonic() when the request reached the handler
    path: str  # as requested, with its query
    headers: dict[str, str]
    method: str = "GET"
    body: bytes = b""


Answer = Reply | Callable[[Hit], Reply]  # a function answers from the request (a conditional GET, a JSON API)
NOT_FOUND = Reply(status=404, body=b"no such path")
NOT_MODIFIED = Reply(status=304, body=b"")


def conditional(fresh: Reply) -> Callable[[Hit], Reply]:
    """A polite feed host's answer: 304 when the request sends back the ETag `fresh` carries, else `fresh`."""
    etag = fresh.headers["ETag"]
    return lambda hit: NOT_MODIFIED if hit.headers.get("If-None-Match") == etag else fresh


class Server:
    """Scripted replies per path; a path's replies are used in order, the last one repeats. A path not scripted gets
    the replies given to `anywhere`, else a 404."""

    def __init__(self) -> None:
        self.hits: list[Hit] = []
        self.release = threading.Event()  # set at teardown so hung handlers finish at once
        self._script: dict[str | None, list[Answer]] = {}
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def on(self, path: str, *replies: Answer) -> str:
        self._script[path] = list(replies)
        return self.url(path)

    def anywhere(self, *replies: Answer) -> Server:
        self._script[None] = list(replies)
        return self

    def answer(self, hit: Hit) -> Reply:
        with self._lock:
            self.hits.append(hit)
            replies = self._script.get(hit.path) or self._script.get(None) or [NOT_FOUND]
            reply = replies.pop(0) if len(replies) > 1 else replies[0]
        return reply if isinstance(reply, Reply) else reply(hit)

    def hits_for(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]


def _handler_for(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._reply()

        def do_POST(self) -> None:
            self._reply()

        def _reply(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            hit = Hit(at=time.monotonic(), path=self.path, headers=dict(self.headers.items()), method=self.command,
                      body=body)  # fmt: skip
            reply = server.answer(hit)
            if reply.delay_s:
                server.release.wait(reply.delay_s)
            try:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.sized:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout, a size cap): what such a test tests

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

    return Handler


@contextmanager
def serving() -> Iterator[Server]:
    """A Server answering on its own thread until the block ends."""
    server = Server()
    threading.Thread(target=server.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield server
    finally:
        server.release.set()
        server.httpd.shutdown()
        server.httpd.server_close()
