"""The one network gateway: allow-list, identity, rate limits, timeouts, retries, cache, audit, replay."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from types import TracebackType
from typing import NoReturn
from urllib.parse import urldefrag, urlsplit

import httpx

from watchdesk.sources.bounded import read_bounded
from watchdesk.sources.cache import DiskCache
from watchdesk.sources.errors import (
    ConfigError,
    DeadlineExceededError,
    PolicyError,
    ReplayCorruptError,
    ReplayMissError,
    ResponseTooLargeError,
    TransportError,
    WatchdeskError,
    full_disk_stops,
)
from watchdesk.sources.gateway_config import (
    DEFAULT_AGENT,
    RECORDED_HEADERS,
    RETRY_STATUSES,
    SEC_DOMAIN,
    UNRECORDED,
    Call,
    GatewayConfig,
    GatewayStats,
    cacheable,
    detail_text,
    elapsed_ms,
    gave_up,
    give_up_reason,
    raise_for_status,
)
from watchdesk.sources.models import AuditEvent, HttpResult, Outcome
from watchdesk.sources.public_net import LOOPBACK, PublicOnlyClient
from watchdesk.sources.ratelimit import DomainLimits, ascii_host, backoff_s, domain_matches, retry_after_s
from watchdesk.sources.redact import guard_http_logs, redact_url
from watchdesk.sources.replay import SAVE_EVERY, PackWriter, ReplayPack

__all__ = [
    "DEFAULT_AGENT",
    "Gateway",
    "GatewayConfig",
    "GatewayStats",
    "domain_matches",
    "raise_for_status",
]

# in each refusal of a request past the run's budget (graph/failures.py reads it)
BUDGET_SPENT = "request budget of"


def _names_port(entry: str, host: str, port: int) -> bool:
    """An allowed_domains entry "host:port" naming this host (in either IDNA form) and port."""
    name, _, number = entry.rpartition(":")
    return number == str(port) and ascii_host(name) == ascii_host(host)


def port_refusal(scheme: str, host: str, port: int | None, *, allowed_domains: tuple[str, ...]) -> str | None:
    """Why a port is refused, or None. A host on the allow-list is reached on its scheme's own port; another port
    only on loopback, or when an allowed_domains entry names it ("feeds.example.com:8443")."""
    if port is None or port == {"http": 80, "https": 443}.get(scheme) or host in LOOPBACK:
        return None
    if any(_names_port(d, host, port) for d in allowed_domains):
        return None
    return f"port {port} of {host!r} not allowed (name it in allowed_domains as {host}:{port} if it should be)"


def retry_delay(
    config: GatewayConfig, attempt: int, retry_after: str | None, *, now: float, deadline_at: float
) -> float | None:
    """Retry-After when the server gave one, else exponential backoff with jitter; capped.

    None (give up now) when the server asks for more than max_retry_after_s, or when the wait
    would run past the request's deadline: the caller records a gap instead of stalling the run.
    """
    asked = retry_after_s(retry_after)
    if asked is not None and asked > config.max_retry_after_s:
        return None
    waited = asked if asked is not None else backoff_s(attempt, base_s=config.backoff_base_s)
    waited = min(waited, config.max_backoff_s)
    return None if now + waited >= deadline_at else waited


class Gateway:
    """Every outbound GET goes through here. Thread-safe; use as a context manager or call close()."""

    def __init__(
        self,
        config: GatewayConfig,
        *,
        audit: Callable[[AuditEvent], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        transport: httpx.BaseTransport | None = None,  # tests inject httpx.MockTransport
    ) -> None:
        self.config = config
        self.stats = GatewayStats()
        self._audit = audit
        self._sleep = sleep
        self._clock = clock
        self._lock = threading.Lock()  # guards stats
        self._record_lock = threading.Lock()  # one pack writer, many threads
        self._held = threading.local()  # rate-limit slots taken by this thread's request in flight
        self._limits = DomainLimits(config.rate_limits, clock=clock, sleep=sleep)
        self._pack: ReplayPack | None = None
        if config.mode == "replay":
            if config.replay_dir is None:
                raise ConfigError("replay mode needs a replay pack: set WATCHDESK_REPLAY=/path/to/pack")
            self._pack = ReplayPack.load(config.replay_dir)
        guard_http_logs()
        self._cache = DiskCache(config.cache_dir) if config.cache_dir else None
        self._recorder = (PackWriter(config.record_dir, merge=True, save_every=SAVE_EVERY)
                          if config.record_dir else None)  # fmt: skip
        # direct connections go to public addresses only (public_net.py); tests inject httpx.MockTransport
        self._client = PublicOnlyClient(
            timeout=httpx.Timeout(config.timeout_s),
            follow_redirects=True,
            headers={"User-Agent": DEFAULT_AGENT, "Accept-Encoding": "gzip, deflate"},
            event_hooks={"request": [self._gate], "response": [self._hop]},
            transport=transport,
        )

    def __enter__(self) -> Gateway:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()
        if self._recorder is not None:  # the responses recorded since the pack's last save
            with self._record_lock, full_disk_stops():
                self._recorder.save()

    def allowed(self, host: str) -> bool:
        return any(domain_matches(host, d) for d in self.config.allowed_domains)

    def port_refusal(self, scheme: str, host: str, port: int | None) -> str | None:
        return port_refusal(scheme, host, port, allowed_domains=self.config.allowed_domains)

    def get(
        self,
        url: str,
        *,
        agent: str,
        run_id: str | None = None,
        cache: bool = True,
        headers: Mapping[str, str] | None = None,
    ) -> HttpResult:
        """GET `url`: from replay, cache or network; raises the errors.py vocabulary on failure.

        `headers` are request headers such as If-None-Match / If-Modified-Since for a conditional GET;
        a 304 answer comes back as a result with status 304 and no body (never cached or recorded).
        """
        url = urldefrag(url)[0]
        try:
            parts = urlsplit(url)
            httpx.URL(url)  # a fetched link with a line break, an ESC or a bad IDNA label is refused, not a crash
            port = parts.port  # raises on ":99999"
            invalid = None
        except (httpx.InvalidURL, ValueError) as exc:  # UnicodeError (IDNA) is a ValueError
            parts, port, invalid = urlsplit(""), None, f"not a valid URL ({type(exc).__name__})"
        call = Call(
            url=url,
            audit_url=redact_url(url),
            host=(parts.hostname or "").lower(),
            agent=agent,
            run_id=run_id,
            deadline_at=self._clock() + self.config.deadline_s,
            headers=tuple((headers or {}).items()),
        )
        if invalid:
            self._refuse(call, attempt=1, detail=invalid)
        if parts.scheme not in {"http", "https"}:
            self._refuse(call, attempt=1, detail=f"scheme {parts.scheme!r} not allowed")
        if not self.allowed(call.host):
            self._refuse(call, attempt=1, detail=f"host {call.host!r} not allowed")
        if refusal := self.port_refusal(parts.scheme, call.host, port):
            self._refuse(call, attempt=1, detail=refusal)
        if self.config.max_requests is not None and self._spent() >= self.config.max_requests:
            self._refuse(call, attempt=1, detail=f"{BUDGET_SPENT} {self.config.max_requests} for this run spent")
        if self._pack is not None:
            return self._replay(call)
        if domain_matches(call.host, SEC_DOMAIN) and not self.config.user_agent:
            raise ConfigError(
                "SEC requires a User-Agent naming you: set WATCHDESK_SEC_IDENTITY='Your Name you@example.com'"
            )
        # a URL with a secret would be cached under its redacted form, which pages differing only in it share
        use_cache = (cache and self._cache is not None and not headers and cacheable(call.host, parts.path)
                     and call.audit_url == call.url)
        if use_cache and (hit := self._cache_get(call)) is not None:
            return hit
        result = self._fetch(call)
        if use_cache and self._cache is not None and result.status == 200:
            with full_disk_stops():
                self._cache.put(result)
        return result

    def forget(self, url: str) -> None:
        """Drop `url`'s cached answer: the caller rejected its body (cut short, binary), so the next run fetches it
        again instead of reading the same bad copy."""
        if self._cache is not None:
            self._cache.forget(urldefrag(url)[0])

    # -- policy, audit, counters ---------------------------------------------------------------

    def _refuse(self, call: Call, *, attempt: int, detail: str) -> NoReturn:
        self._count("refused")
        self._emit(call, attempt, "refused", detail=detail)
        hint = (
            "; raise max_requests_per_run in the policy" if "budget" in detail
            else "; the link itself is malformed" if "not a valid URL" in detail
            else "; only http and https addresses are fetched" if detail.startswith("scheme ")
            else "" if detail.startswith("port ")  # the refusal names the entry to add
            else "" if " resolves to " in detail  # on the list, but pointing inside: adding it changes nothing
            else "; add the domain to allowed_domains in the policy if it should be"
        )  # fmt: skip
        raise PolicyError(f"{call.audit_url}: {detail}{hint}")

    def _emit(
        self,
        call: Call,
        attempt: int,
        outcome: Outcome,
        *,
        status: int | None = None,
        nbytes: int = 0,
        ms: float = 0.0,
        detail: str = "",
    ) -> None:
        if self._audit is not None:
            self._audit(
                AuditEvent(
                    url=call.audit_url,
                    host=call.host,
                    method="GET",
                    agent=call.agent,
                    run_id=call.run_id,
                    attempt=attempt,
                    outcome=outcome,
                    status=status,
                    nbytes=nbytes,
                    ms=round(ms, 1),
                    detail=detail,
                )
            )

    def _spent(self) -> int:
        with self._lock:
            return self.stats.network + self.stats.replayed + self.stats.cached + self.stats.model

    def spend(self) -> str | None:
        """Count one request sent by another client of the run (the LLM judge's, each retry and redirect hop) against
        its budget: None when counted, else why it may not be sent (nothing counted)."""
        with self._lock:
            spent = self.stats.network + self.stats.replayed + self.stats.cached + self.stats.model
            if self.config.max_requests is not None and spent >= self.config.max_requests:
                return f"{BUDGET_SPENT} {self.config.max_requests} for this run spent"
            self.stats.model += 1
        return None

    def _count(self, name: str) -> None:
        with self._lock:
            setattr(self.stats, name, getattr(self.stats, name) + 1)

    def _gate(self, request: httpx.Request) -> None:
        """httpx hook run before every request, redirect hops included: allow-list, identity, rate limit."""
        host = request.url.host
        if request.url.scheme not in {"http", "https"}:
            raise PolicyError(f"redirect refused: scheme {request.url.scheme!r} is not http(s)")
        if not self.allowed(host):
            raise PolicyError(f"redirect to host {host!r} refused: not in allowed_domains")
        if refusal := self.port_refusal(request.url.scheme, host, request.url.port):
            raise PolicyError(f"redirect refused: {refusal}")
        sent = getattr(self._held, "sent", 0)
        self._held.sent = sent + 1
        if sent and self.config.max_requests is not None and self._spent() >= self.config.max_requests:
            # a redirect hop is a request like any other: it counts against the run's budget
            raise PolicyError(f"redirect to {redact_url(str(request.url))} refused: {BUDGET_SPENT} "
                              f"{self.config.max_requests} for this run spent")
        # The SEC identity names a person: only SEC gets it, also when a redirect leaves SEC.
        # ... and only over https: a person's name and e-mail never cross the network in clear
        sec = domain_matches(host, SEC_DOMAIN) and request.url.scheme == "https"
        identity = self.config.user_agent if sec else None
        request.headers["User-Agent"] = identity or DEFAULT_AGENT
        if (limiter := self._limits.for_host(host)) is not None:
            limiter.acquire()
            self._held.slots = [*getattr(self._held, "slots", []), limiter]
        self._count("network")

    def _hop(self, response: httpx.Response) -> None:
        """httpx hook on every response: a redirect gets an audit row of its own (the request sent and where it
        was sent on); the last response is audited by the attempt that asked for it."""
        call: Call | None = getattr(self._held, "call", None)
        if call is None or not response.is_redirect:
            return
        where = redact_url(response.headers.get("location", "?"))
        hop = Call(url=str(response.request.url), audit_url=redact_url(str(response.request.url)),
                   host=response.request.url.host, agent=call.agent, run_id=call.run_id, deadline_at=call.deadline_at)
        self._emit(hop, 1, "ok", status=response.status_code, detail=f"redirect to {where}")

    def _send(self, call: Call) -> tuple[httpx.Response, bytes]:
        """GET with the body streamed under the deadline and size cap, then free the hops' rate-limit slots."""
        self._held.call, self._held.sent = call, 0
        remaining = call.deadline_at - self._clock()
        if remaining <= 0:
            raise DeadlineExceededError(f"{call.audit_url}: request deadline of {self.config.deadline_s:g}s passed")
        try:
            timeout = httpx.Timeout(min(self.config.timeout_s, remaining))
            with self._client.stream("GET", call.url, timeout=timeout, headers=dict(call.headers)) as response:
                body = read_bounded(
                    response,
                    url=call.audit_url,
                    max_bytes=self.config.max_bytes,
                    deadline_at=call.deadline_at,
                    clock=self._clock,
                )
                return response, body
        finally:
            for limiter in getattr(self._held, "slots", []):
                limiter.release()
            self._held.slots, self._held.call = [], None

    # -- the three ways to answer ----------------------------------------------------------------

    def _replay(self, call: Call) -> HttpResult:
        assert self._pack is not None
        started = self._clock()
        try:
            result = self._pack.lookup(call.url, max_bytes=self.config.max_bytes)
        except ResponseTooLargeError as exc:  # as a download past the cap: aborted, audited
            self._emit(call, 1, "error", detail=str(exc))
            raise
        except ReplayCorruptError as exc:  # recorded, but damaged: not to be read as a response never recorded
            self._emit(call, 1, "replay_corrupt", detail=exc.detail)
            raise
        except ReplayMissError:
            self._emit(call, 1, "replay_miss", detail="not in replay pack")
            raise
        self._count("replayed")
        outcome: Outcome = "ok" if result.status < 400 else "http_error"
        ms = (self._clock() - started) * 1000
        self._emit(call, 1, outcome, status=result.status, nbytes=len(result.body), ms=ms, detail="replay")
        # A recorded error is final: retrying a recording cannot change it.
        raise_for_status(call.audit_url, result.status, "replayed")
        return result

    def _cache_get(self, call: Call) -> HttpResult | None:
        assert self._cache is not None
        hit = self._cache.get(call.url)
        if hit is not None:
            self._count("cached")
            self._emit(call, 1, "cache_hit", status=hit.status, nbytes=len(hit.body))
            if self._recorder is not None:  # a pack holds the whole run, whichever way it was answered
                self._record(call, hit.status, hit.headers, hit.body, how="cached")
        return hit

    def _fetch(self, call: Call) -> HttpResult:
        attempts = self.config.max_retries + 1
        for attempt in range(1, attempts + 1):
            if attempt > 1 and self.config.max_requests is not None and self._spent() >= self.config.max_requests:
                # a retry is a request like any other: it counts against the run's budget
                self._refuse(call, attempt=attempt, detail=f"{BUDGET_SPENT} {self.config.max_requests} for this "
                             "run spent (retry not sent)")
            answer = self._try_once(call, attempt, last=attempt == attempts)
            if isinstance(answer, tuple):
                return self._finish(call, *answer)
            self._sleep(answer)
        raise AssertionError("unreachable: the last attempt always returns or raises")

    def _try_once(self, call: Call, attempt: int, *, last: bool) -> tuple[httpx.Response, bytes] | float:
        """One audited attempt: the response and body to hand back, or the delay before trying again."""
        started = self._clock()
        try:
            response, body = self._send(call)
        except PolicyError as exc:  # raised by _gate on a redirect to a host outside the allow-list
            self._refuse(call, attempt=attempt, detail=str(exc))
        except httpx.UnsupportedProtocol as exc:  # a redirect to file:// or ftp://: retrying won't help
            self._refuse(call, attempt=attempt, detail=f"redirect refused: {exc}")
        except (httpx.InvalidURL, ValueError) as exc:  # a redirect to a URL httpx cannot build (IDNA, control chars)
            if isinstance(exc, WatchdeskError):
                raise
            self._refuse(call, attempt=attempt, detail=f"redirect refused: not a valid URL ({type(exc).__name__})")
        except (DeadlineExceededError, ResponseTooLargeError) as exc:  # final: the deadline or cap is spent
            timed_out = isinstance(exc, DeadlineExceededError)
            self._emit(call, attempt, "timeout" if timed_out else "error", ms=self._ms(started), detail=str(exc))
            raise
        except httpx.TransportError as exc:
            outcome: Outcome = "timeout" if isinstance(exc, httpx.TimeoutException) else "error"
            delay = None if last else self._backoff(call, attempt, None)
            detail = detail_text(type(exc).__name__, delay)
            self._emit(call, attempt, outcome, ms=self._ms(started), detail=detail)
            if delay is None:
                raise TransportError(gave_up(call.audit_url, attempt, exc)) from exc
            return delay
        except httpx.HTTPError as exc:  # too many redirects, undecodable body: retrying won't help
            self._emit(call, attempt, "error", ms=self._ms(started), detail=type(exc).__name__)
            raise TransportError(f"{call.audit_url}: {type(exc).__name__}") from exc
        status = response.status_code
        delay = None
        if status in RETRY_STATUSES and not last:
            delay = self._backoff(call, attempt, response.headers.get("Retry-After"))
        outcome = "ok" if status < 400 else "http_error"
        self._emit(
            call,
            attempt,
            outcome,
            status=status,
            nbytes=len(body),
            ms=elapsed_ms(response, self._ms(started)),
            detail=detail_text(f"HTTP {status}", delay),
        )
        return (response, body) if delay is None else delay

    def _finish(self, call: Call, response: httpx.Response, body: bytes) -> HttpResult:
        status = response.status_code
        if self._recorder is not None and status < 500 and status not in UNRECORDED:
            self._record(call, status, response.headers, body, how="live")
        suffix = give_up_reason(response, status, cap_s=self.config.max_retry_after_s)
        raise_for_status(call.audit_url, status, suffix)
        return HttpResult(
            url=call.url,
            status=status,
            headers=dict(response.headers),
            body=body,
            elapsed_ms=elapsed_ms(response, 0.0),
        )

    def _record(self, call: Call, status: int, headers: Mapping[str, str], body: bytes, *, how: str) -> None:
        assert self._recorder is not None
        source = f"{how} GET {call.host} on {datetime.now(UTC).date().isoformat()}"
        with self._record_lock, full_disk_stops():
            kept = {k: v for k, v in headers.items() if k.lower() in RECORDED_HEADERS}
            self._recorder.add(call.url, status, kept, body, source)

    def _backoff(self, call: Call, attempt: int, retry_after: str | None) -> float | None:
        return retry_delay(self.config, attempt, retry_after, now=self._clock(), deadline_at=call.deadline_at)

    def _ms(self, started: float) -> float:
        return (self._clock() - started) * 1000
