"""When a request may go: a sliding-window rate limiter, Retry-After and backoff delays."""

from __future__ import annotations

import random
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


class SlidingWindowLimiter:
    """Blocks `acquire()` until one more event fits the window; safe to share between threads.

    Unlike a token bucket, this never lets a burst exceed the limit inside any window, which is the
    rule SEC enforces ("no more than 10 requests per second") and blocks IPs for.
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
        self._stamps: deque[float] = deque()
        self._lock = threading.Lock()

    @classmethod
    def per_second(
        cls,
        rate: float,
        *,
        margin_s: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> SlidingWindowLimiter:
        """A limiter for `rate` requests per second; rates below 1/s become 1 per 1/rate seconds."""
        if rate <= 0:
            raise ValueError(f"rate must be positive, got {rate}")
        limit, window = (int(rate), 1.0) if rate >= 1 else (1, 1.0 / rate)
        return cls(limit, window_s=window + margin_s, clock=clock, sleep=sleep)

    def acquire(self) -> float:
        """Wait until an event is allowed, record it, and return the seconds waited."""
        waited = 0.0
        # The lock is held while sleeping on purpose: waiters queue behind it instead of all
        # waking at once and racing for the same freed slot.
        with self._lock:
            while True:
                now = self._clock()
                while self._stamps and self._stamps[0] <= now - self.window_s:
                    self._stamps.popleft()
                if len(self._stamps) < self.limit:
                    self._stamps.append(now)
                    return waited
                delay = self._stamps[0] + self.window_s - now
                self._sleep(delay)
                waited += delay


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
