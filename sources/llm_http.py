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
from watchdesk.sources.gateway import detail_text, port_refusal, retry_delay
from watchdesk.sources.gateway_config import RETRY_STATUSES, GatewayConfig
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
# retries of one model request at most (the openai SDK's own default): a run asks the model once per batch of 20
# mentions, tens of times a document, and the gateway's 4 retries with backoff made a dead server cost ~6 s a batch
MAX_RETRIES = 2


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
    addresses only, each request counted against the run's budget (`budget`: the gateway's `spend`), tried again by the
    gateway's rules (`rules`: retries, backoff, Retry-After cap; within `timeout`, the judge's wait), an audit row each.
    The SDK is built with max_retries=0: a retry it made would be a request these rules never saw."""

    def __init__(
        self,
        *,
        allowed: tuple[str, ...],
        audit: Audit | None,
        run_id: str | None,
        timeout: float,
        max_bytes: int = MAX_BYTES,
        budget: Callable[[], str | None] | None = None,
        rules: GatewayConfig | None = None,
        sleep: Callable[[float], None] = time.sleep,
        **options: Any,
    ) -> None:
        self.allowed, self._audit, self._run_id, self.max_bytes = allowed, audit, run_id, max_bytes
        self._budget, self.rules, self._sleep, self._wait_s = budget, rules or GatewayConfig(), sleep, timeout
        super().__init__(timeout=httpx.Timeout(timeout), event_hooks={"request": [self._gate]}, **options)

    def _gate(self, request: httpx.Request) -> None:
        if refusal := host_refusal(str(request.url), allowed=self.allowed):
            raise PolicyError(f"LLM request to {redact_url(str(request.url))} refused: {refusal}; a model is "
                              "reached on its provider's own host, on this machine, or on a host the policy's "
                              "allowed_domains names")  # fmt: skip
        if self._budget is not None and (spent := self._budget()):  # a request like any fetch: the run's budget
            raise PolicyError(f"LLM request to {redact_url(str(request.url))} refused: {spent}; raise "
                              "max_requests_per_run in the policy")  # fmt: skip

    def send(self, request: httpx.Request, *, stream: bool = False, **kwargs: Any) -> httpx.Response:
        """`request` sent, and sent again on a transport error or a status the gateway retries (429, 5xx) while
        retries, the Retry-After cap and the judge's wait allow."""
        deadline = time.monotonic() + self._wait_s
        attempts = min(self.rules.max_retries, MAX_RETRIES) + 1
        for attempt in range(1, attempts + 1):
            last = attempt == attempts
            try:
                response = self._send_once(request, attempt, deadline=None if last else deadline, stream=stream,
                                           **kwargs)  # fmt: skip
            except _Retry as again:
                self._sleep(again.delay)
                continue
            return response
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _delay(self, attempt: int, retry_after: str | None, deadline: float | None) -> float | None:
        """The wait before trying again (the gateway's rule), or None: give up now (`deadline` None: the last)."""
        if deadline is None:
            return None
        return retry_delay(self.rules, attempt, retry_after, now=time.monotonic(), deadline_at=deadline)

    def _send_once(self, request: httpx.Request, attempt: int, *, deadline: float | None, stream: bool,
                   **kwargs: Any) -> httpx.Response:  # fmt: skip
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
            why = str(exc).partition(" refused: ")[2].partition(";")[0]
            self._emit(request, "refused", started, attempt, detail=why)
            raise
        except httpx.TransportError as exc:  # connect, read, timeout: tried again as the gateway does
            outcome: Outcome = "timeout" if isinstance(exc, httpx.TimeoutException) else "error"
            delay = self._delay(attempt, None, deadline)
            self._emit(request, outcome, started, attempt, detail=detail_text(type(exc).__name__, delay))
            if delay is None:
                raise
            raise _Retry(delay) from exc
        except (httpx.HTTPError, ResponseTooLargeError) as exc:  # retrying won't help
            self._emit(request, "error", started, attempt, detail=str(exc) if isinstance(exc, ResponseTooLargeError)
                       else type(exc).__name__)  # fmt: skip
            raise
        size = len(response.content) if response.is_stream_consumed else int(response.headers.get("content-length", 0))
        status = response.status_code
        retry = status in RETRY_STATUSES
        delay = self._delay(attempt, response.headers.get("retry-after"), deadline) if retry else None
        self._emit(request, "ok" if status < 400 else "http_error", started, attempt, status=status, nbytes=size,
                   detail=detail_text(f"HTTP {status}", delay))  # fmt: skip
        if delay is not None:
            response.close()
            raise _Retry(delay)
        return response

    def _emit(self, request: httpx.Request, outcome: Outcome, started: float, attempt: int, *,
              status: int | None = None, nbytes: int = 0, detail: str = "") -> None:  # fmt: skip
        if self._audit is not None:
            self._audit(AuditEvent(
                url=redact_url(str(request.url)), host=request.url.host, method=request.method, agent=AGENT,
                run_id=self._run_id, attempt=attempt, outcome=outcome, status=status, nbytes=nbytes,
                ms=round((time.monotonic() - started) * 1000, 1), detail=detail,
            ))  # fmt: skip


class _Retry(Exception):
    """An attempt that is to be made again after `delay` seconds (its row is written)."""

    def __init__(self, delay: float) -> None:
        super().__init__(delay)
        self.delay = delay


def reached_said(rows: list[AuditEvent]) -> str:
    """What a command without a store (`flag`, `plan`) tells of its model requests instead of audit rows: "2 requests
    to api.openai.com (1 ok, 1 http_error)"; "" for none."""
    from collections import Counter

    hosts = ", ".join(dict.fromkeys(r.host for r in rows))
    outcomes = ", ".join(f"{n} {outcome}" for outcome, n in Counter(r.outcome for r in rows).most_common())
    return f"{len(rows)} request{'s' * (len(rows) != 1)} to {hosts} ({outcomes})" if rows else ""


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
