"""What the gateway is told (config), what it counts (stats), and the pure helpers of its answers."""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import httpx

from watchdesk.sources.bounded import MIB
from watchdesk.sources.errors import ConfigError, HTTPStatusError, NotFoundError, RateLimitedError
from watchdesk.sources.ratelimit import domain_matches, retry_after_s

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Transient answers about the server's load, not the resource: never recorded into a pack.
UNRECORDED = frozenset({304, 408, 429})  # and 304: "nothing new since you asked" answers no later GET
# Only headers that describe the content are recorded, and the Date it was served: a replayed listing knows no filing
# after it (the filings agent says so, not "nothing filed").
RECORDED_HEADERS = frozenset({"content-type", "last-modified", "etag", "location", "content-disposition", "date"})
DEFAULT_AGENT = "watchdesk/0.1"
SEC_DOMAIN = "sec.gov"
_ARCHIVES = "/Archives/edgar/data/"


def cacheable(host: str, path: str) -> bool:
    """Is an answer kept in the on-disk cache? Only SEC archive documents, which never change once filed: a
    listing, a feed or a transcript page does, and a cached copy would be its answer for good."""
    return domain_matches(host, SEC_DOMAIN) and path.startswith(_ARCHIVES)


@dataclass(frozen=True, kw_only=True)
class GatewayConfig:
    """How the gateway may talk to the outside world; built once from settings and policy."""

    mode: Literal["live", "replay"] = "live"
    user_agent: str | None = None  # SEC requires "Name email"
    allowed_domains: tuple[str, ...] = ()  # a host passes if equal to or a subdomain of an entry
    rate_limits: dict[str, float] = field(default_factory=lambda: {SEC_DOMAIN: 10.0})
    timeout_s: float = 30.0  # per connect or read: a silent server
    deadline_s: float = 120.0  # per get(), attempts and waits included: a server that drips
    max_bytes: int = 100 * MIB  # per response body, decoded; aborted past it
    max_retries: int = 4
    backoff_base_s: float = 0.5
    max_backoff_s: float = 60.0
    max_retry_after_s: float = 30.0  # a server asking for a longer wait gets a gap, not a stalled run
    cache_dir: Path | None = None
    replay_dir: Path | None = None
    record_dir: Path | None = None  # live mode: also write 2xx/4xx responses into a pack here
    max_requests: int | None = None  # the policy's budget of requests (network or replayed) per run

    def __post_init__(self) -> None:
        if self.max_retries < 0 or self.timeout_s <= 0 or any(r <= 0 for r in self.rate_limits.values()):
            raise ConfigError("gateway: max_retries must be >= 0, timeout_s and every rate limit > 0")
        if self.deadline_s <= 0 or self.max_bytes <= 0 or self.max_retry_after_s < 0:
            raise ConfigError("gateway: deadline_s and max_bytes must be > 0, max_retry_after_s >= 0")


@dataclass
class GatewayStats:
    """Counters: `network` counts requests actually sent (retries and redirects included); `model`, the LLM judge's
    requests (sources/llm_http.py), which the run's budget counts too."""

    network: int = 0
    replayed: int = 0
    cached: int = 0
    refused: int = 0
    model: int = 0


@dataclass(frozen=True, slots=True)
class Call:
    url: str
    audit_url: str  # secrets redacted: the only form that reaches audit rows and messages
    host: str
    agent: str
    run_id: str | None
    deadline_at: float  # monotonic time by which get() must be done
    headers: tuple[tuple[str, str], ...] = ()  # request headers, e.g. If-None-Match for a conditional GET


def raise_for_status(call_url: str, status: int, detail: str = "") -> None:
    """Map an error status to the exception vocabulary; statuses below 400 pass."""
    if status == 404:
        raise NotFoundError(call_url, status, detail)
    if status == 429:
        raise RateLimitedError(call_url, status, detail or "rate limited; retry later or lower the rate")
    if status >= 400:
        raise HTTPStatusError(call_url, status, detail)


def elapsed_ms(response: httpx.Response, fallback_ms: float) -> float:
    """Time on the wire, excluding any rate-limit wait (which happens before the request is sent)."""
    try:
        return response.elapsed.total_seconds() * 1000
    except RuntimeError:  # transports that bypass httpx's timing (MockTransport) leave it unset
        return fallback_ms


def give_up_reason(response: httpx.Response, status: int, *, cap_s: float) -> str:
    if status not in RETRY_STATUSES:
        return ""
    asked = retry_after_s(response.headers.get("Retry-After"))
    if asked is not None and asked > cap_s:
        return f"the server asked to wait {asked:.0f}s, over the {cap_s:g}s cap: not waited"
    return "gave up after the retries the deadline allowed"


def detail_text(what: str, delay: float | None) -> str:
    return what if delay is None else f"{what}; retry in {delay:.2f}s"


def _tls_failure(exc: BaseException) -> ssl.SSLError | None:
    """The TLS error under a transport error (httpx wraps httpcore's, which wraps the ssl module's), if any."""
    seen: set[int] = set()
    at: BaseException | None = exc
    while at is not None and id(at) not in seen:
        if isinstance(at, ssl.SSLError):
            return at
        seen.add(id(at))
        at = at.__cause__ or at.__context__
    return None


def gave_up(url: str, attempts: int, exc: httpx.TransportError) -> str:
    """Why a request failed at the transport level, after its last attempt: what an offline machine is told."""
    name, tries = type(exc).__name__, f"{attempts} attempt{'' if attempts == 1 else 's'}"
    # the URL is never followed by ":": printed text is redacted again, and a redacted value would take the colon
    if isinstance(exc, httpx.ConnectError) and (tls := _tls_failure(exc)):  # the network works; the handshake not
        why = "its certificate did not verify" if isinstance(tls, ssl.SSLCertVerificationError) else "TLS failed"
        reason = getattr(tls, "verify_message", None) or getattr(tls, "reason", None) or str(tls)
        return (f"could not connect securely to {url} after {tries} ({why}: {reason}); a proxy that intercepts TLS "
                "or an out-of-date certificate store on this machine would do this")  # fmt: skip
    if isinstance(exc, httpx.ConnectError):  # refused, unreachable or a name that does not resolve: no network
        return f"could not connect to {url} after {tries} ({name}); check this machine's network connection"
    what = "timed out" if isinstance(exc, httpx.TimeoutException) else "failed"
    return f"{url} {what} after {tries} ({name})"
