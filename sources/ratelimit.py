"""When a request may go: a sliding-window rate limiter, Retry-After and backoff delays."""

from __future__ import annotations

import functools
import ipaddress
import random
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import idna


class SlidingWindowLimiter:
    """At most `limit` requests in any window of `window_s` seconds; safe to share between threads.

    Counted conservatively: a request holds its slot from `acquire()` until `window_s` after its
    `release()`. The server saw the request before the client saw the answer, so the next request
    on that slot reaches the server at least `window_s` later: the limit holds at the server's end
    whatever the network or thread scheduling does, which a send-time stamp cannot promise.
    """

    def __init__(
        self,
        limit: int,
        *,
        window_s: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if limit < 1 or window_s <= 0:
            raise ValueError(f"need limit >= 1 and window_s > 0, got {limit=} {window_s=}")
        self.limit = limit
        self.window_s = window_s
        self._clock = clock
        self._sleep = sleep
        self._in_flight = 0
        self._finished: deque[float] = deque()  # release times still inside the window, oldest first
        self._state = threading.Condition()
        # Waiters queue here one at a time, so a freed slot wakes one thread, not a stampede.
        self._turn = threading.Lock()

    @classmethod
    def per_second(
        cls,
        rate: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> SlidingWindowLimiter:
        """A limiter for `rate` requests per second; rates below 1/s become 1 per 1/rate seconds."""
        if rate <= 0:
            raise ValueError(f"rate must be positive, got {rate}")
        limit, window = (int(rate), 1.0) if rate >= 1 else (1, 1.0 / rate)
        return cls(limit, window_s=window, clock=clock, sleep=sleep)

    def acquire(self) -> float:
        """Wait for a free slot, take it, and return the seconds waited; pair with `release()`."""
        started = self._clock()
        with self._turn:
            while (delay := self._try_take()) is not None:
                # Sleep without holding the state lock, so finishing requests can still release.
                self._sleep(delay)
        return self._clock() - started

    def release(self) -> None:
        """Mark a request finished: its slot frees up `window_s` from now."""
        with self._state:
            if self._in_flight < 1:
                raise RuntimeError("release() without a matching acquire()")
            self._in_flight -= 1
            self._finished.append(self._clock())
            self._state.notify()

    def _try_take(self) -> float | None:
        """Take a slot and return None, or return how long to sleep before trying again."""
        with self._state:
            while True:
                now = self._clock()
                while self._finished and self._finished[0] <= now - self.window_s:
                    self._finished.popleft()
                if self._in_flight + len(self._finished) < self.limit:
                    self._in_flight += 1
                    return None
                if self._finished:
                    return self._finished[0] + self.window_s - now
                self._state.wait()  # every slot is in flight: wait for a release


_PORTED = re.compile(r"[^:]+:\d{1,5}$").match  # "host:8443", never an IPv6 address ("::1")
_LABEL = re.compile(r"(?!-)[a-z0-9_-]{1,63}(?<!-)$").match  # an IDNA-encoded label (an underscore as DNS takes it)
_NOT_A_NAME = re.compile(r"[\\^$()\[\]{}|+?*,;\s]")  # a regex or glob character, a space, a list separator


def domain_matches(host: str, domain: str) -> bool:
    """True when `host` is `domain` or one of its subdomains (case- and trailing-dot-insensitive, an internationalised
    name in either form); a port on the entry ("feeds.example.com:8443") is the gateway's business, not the name's.
    An entry that is no host name (`entry_refusal`) matches nothing: an address ("10.0.0.1") matches itself alone."""
    if entry_refusal(domain):
        return False
    if _PORTED(domain):
        domain = domain.rsplit(":", 1)[0]
    host, domain = ascii_host(host.rstrip(".")), ascii_host(domain.strip("."))
    return host == domain or (host.endswith("." + domain) and not _is_address(domain))


@functools.lru_cache(maxsize=256)
def entry_refusal(entry: str) -> str | None:
    """Why an allowed_domains entry is no host name, IP address or "host:port", or None: a regex (`evil\\.sec.gov`),
    a glob (`*.example.com`), a URL, an address range or two hosts in one entry would otherwise be taken, match no host
    it seems to say, and a part of an address ("0.0.1") would match every address ending so."""
    name, port = (entry.rsplit(":", 1) if _PORTED(entry) else (entry, None))
    if not entry.strip():
        return "empty: name a host, such as sec.gov"
    if "://" in entry or "/" in entry:
        return _url_or_range(entry)
    if entry.startswith("*."):
        return f"no wildcards: write {entry[2:]!r}, which allows that domain and its subdomains"
    if bad := _NOT_A_NAME.search(entry):
        return f"{bad.group()!r} is in no host name: write one host per entry, as it is (no pattern)"
    if port is not None and not 0 < int(port) < 65536:
        return f"port {port} is no port (1 to 65535)"
    if _is_address(name):
        return None
    labels = ascii_host(name.strip(".")).split(".")
    if not all(_LABEL(label) for label in labels) or len(".".join(labels)) > 253:
        return "no host name: labels of letters, digits and hyphens joined by dots, such as feeds.example.com"
    if labels[-1].isdigit():
        return "no full IPv4 address: an address entry is written whole (10.0.0.1) and allows that address alone"
    return None


def _url_or_range(entry: str) -> str:
    try:
        ipaddress.ip_network(entry, strict=False)
    except ValueError:
        host = urlsplit(entry if "://" in entry else f"//{entry}").hostname  # never its user:password@
        return f"a URL: write its host alone ({host!r})" if host else "a path: write a host name alone"
    return "an address range: name each address (or its host name) an entry allows"


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def ascii_host(name: str) -> str:
    """`name` lowercased, an internationalised one in its IDNA (punycode) form as it goes on the wire: "bücher.example"
    and "xn--bcher-kva.example" are one name, "аpple.com" with a Cyrillic "а" is not "apple.com". A name IDNA refuses
    stays as it is (lowercased), equal to itself alone."""
    name = name.lower()
    if name.isascii():
        return name
    try:
        return idna.encode(name, uts46=True).decode("ascii")
    except idna.IDNAError:
        return name


class DomainLimits:
    """One limiter per rule ({"sec.gov": 10.0}); every host under a rule shares its limiter.

    Shared because SEC counts www.sec.gov and data.sec.gov together. The longest matching rule
    wins, so a rule for "www.sec.gov" can be stricter than the one for "sec.gov".
    """

    def __init__(
        self,
        rates: Mapping[str, float],
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._limiters = {
            domain: SlidingWindowLimiter.per_second(rate, clock=clock, sleep=sleep)
            for domain, rate in rates.items()
        }

    def for_host(self, host: str) -> SlidingWindowLimiter | None:
        matches = [d for d in self._limiters if domain_matches(host, d)]
        return self._limiters[max(matches, key=len)] if matches else None


def retry_after_s(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), None if absent/invalid."""
    if not value:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - datetime.now(UTC)).total_seconds()
    return max(0.0, seconds) if seconds == seconds else None  # NaN is not a delay


def backoff_s(attempt: int, *, base_s: float) -> float:
    """Exponential backoff for the retry after `attempt` (1-based), with "equal jitter".

    At least half the nominal delay is kept (so backoff still grows); the random half spreads out
    retries from parallel branches that failed together.
    """
    ceiling = base_s * 2 ** min(attempt - 1, 30)  # capped exponent: no float overflow
    return ceiling / 2 + random.uniform(0, ceiling / 2)
