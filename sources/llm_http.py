"""The HTTP client a chat model's SDK is handed: its requests go where the sandbox allows, each with an audit row.

A provider's SDK (openai's) sends its requests through the httpx client it is given. This one refuses, before any
connection, a host that is not allowed (the provider's own API host, a host written as loopback: a model server on
this machine, or an entry of the caller's allow-list) and a port the gateway would refuse; it connects to public
addresses only (public_net.py, as the gateway does), and writes one audit row per request: method, host, URL
(redacted), status, bytes, time. Never the prompt, the answer, the key or any header.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx

from watchdesk.sources.bounded import MIB
from watchdesk.sources.errors import PolicyError, ResponseTooLargeError, TransportError
from watchdesk.sources.gateway import port_refusal
from watchdesk.sources.models import AuditEvent, Outcome
from watchdesk.sources.public_net import LOOPBACK, PublicOnlyClient
from watchdesk.sources.ratelimit import domain_matches
from watchdesk.sources.redact import redact_url

Audit = Callable[[AuditEvent], None]

# provider (as "provider:model" names it) -> the API host its SDK reaches by default: naming the provider in
# WATCHDESK_MODEL is the user's choice of that host
PROVIDER_HOSTS: dict[str, str] = {"openai": "api.openai.com"}
AGENT = "llm"
MAX_BYTES = 8 * MIB  # an answer of 20 verdicts is a few KB; a server sending more is broken or hostile


def host_refusal(url: str, *, allowed: tuple[str, ...]) -> str | None:
    """Why the model client may not reach `url`, or None."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        return f"scheme {parts.scheme!r} not allowed"
    return reach_refusal(parts.scheme, (parts.hostname or "").lower(), parts.port, allowed=allowed)


def reach_refusal(scheme: str, host: str, port: int | None, *, allowed: tuple[str, ...]) -> str | None:
    """Why the model client may not reach `host` at `port` over `scheme` (with "", any port given must be named), or
    None."""
    if host in LOOPBACK:
        return None  # a model server on this machine, named as such by the user (a fetched link never sets this)
    if not any(domain_matches(host, d) for d in allowed):
        return f"host {host!r} not allowed"
    return port_refusal(scheme, host, port, allowed_domains=allowed)  # as the gateway's fetches


class ModelClient(PublicOnlyClient):
    """httpx.Client for a chat model's SDK: allow-list checked on every request (redirect hops included), public
    addresses only, an audit row per request."""

    def __init__(
        self,
        *,
        allowed: tuple[str, ...],
        audit: Audit | None,
        run_id: str | None,
        timeout: float,
        max_bytes: int = MAX_BYTES,
        **options: Any,
    ) -> None:
        self.allowed, self._audit, self._run_id, self.max_bytes = allowed, audit, run_id, max_bytes
        super().__init__(timeout=httpx.Timeout(timeout), event_hooks={"request": [self._gate]}, **options)

    def _gate(self, request: httpx.Request) -> None:
        if refusal := host_refusal(str(request.url), allowed=self.allowed):
            raise PolicyError(f"LLM request to {redact_url(str(request.url))} refused: {refusal}; a model is "
                              "reached on its provider's own host, on this machine, or on a host the policy's "
                              "allowed_domains names")  # fmt: skip

    def send(self, request: httpx.Request, *, stream: bool = False, **kwargs: Any) -> httpx.Response:
        started = time.monotonic()
        try:
            response = super().send(request, stream=True, **kwargs)
            try:
                response.stream = _Capped(response, url=redact_url(str(request.url)), max_bytes=self.max_bytes)
                if not stream:
                    response.read()
            except BaseException:
                response.close()
                raise
        except PolicyError as exc:
            self._emit(request, "refused", started, detail=str(exc).partition(" refused: ")[2].partition(";")[0])
            raise
        except (httpx.HTTPError, ResponseTooLargeError) as exc:
            outcome: Outcome = "timeout" if isinstance(exc, httpx.TimeoutException) else "error"
            self._emit(request, outcome, started, detail=str(exc) if isinstance(exc, ResponseTooLargeError)
                       else type(exc).__name__)  # fmt: skip
            raise
        size = len(response.content) if response.is_stream_consumed else int(response.headers.get("content-length", 0))
        outcome = "ok" if response.status_code < 400 else "http_error"
        self._emit(request, outcome, started, status=response.status_code, nbytes=size,
                   detail=f"HTTP {response.status_code}")  # fmt: skip
        return response

    def _emit(self, request: httpx.Request, outcome: Outcome, started: float, *, status: int | None = None,
              nbytes: int = 0, detail: str = "") -> None:  # fmt: skip
        if self._audit is not None:
            self._audit(AuditEvent(
                url=redact_url(str(request.url)), host=request.url.host, method=request.method, agent=AGENT,
                run_id=self._run_id, attempt=1, outcome=outcome, status=status, nbytes=nbytes,
                ms=round((time.monotonic() - started) * 1000, 1), detail=detail,
            ))  # fmt: skip


class AnswerTooLargeError(ResponseTooLargeError):
    """A model's answer past MAX_BYTES: no setting raises it (the gateway's WATCHDESK_HTTP_MAX_MB is for fetches)."""

    def __init__(self, url: str, *, cap: int, why: str) -> None:
        TransportError.__init__(self, f"{url}: {why} the LLM answer cap of {cap:,} bytes; aborted")
        self.cap = cap


class _Capped(httpx.SyncByteStream):
    """A response's body as it comes, cut off past `max_bytes` (raw, as sent): no model server fills memory."""

    def __init__(self, response: httpx.Response, *, url: str, max_bytes: int) -> None:
        self._inner, self._url, self._max = response.stream, url, max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            response.close()
            raise AnswerTooLargeError(url, cap=max_bytes, why=f"declared {int(declared):,} bytes, over")

    def __iter__(self) -> Iterator[bytes]:
        total = 0
        for chunk in self._inner:  # type: ignore[union-attr]
            total += len(chunk)
            if total > self._max:
                raise AnswerTooLargeError(self._url, cap=self._max, why="body passed")
            yield chunk

    def close(self) -> None:
        if isinstance(self._inner, httpx.SyncByteStream):
            self._inner.close()


class _Refused(httpx.AsyncBaseTransport):
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise PolicyError(f"LLM request to {redact_url(str(request.url))} refused: watchdesk asks models "
                          "synchronously, through its audited client")  # fmt: skip


def refusing_async_client() -> httpx.AsyncClient:
    """The SDK's async client, which watchdesk never uses: it refuses every request rather than reach a host
    unchecked and unaudited."""
    return httpx.AsyncClient(transport=_Refused(), trust_env=False)
