"""Trying a send again after a transient failure (a 4xx, a refused connection), with the store closed as it waits.

A mail server that greylists asks for minutes; DuckDB lets one process hold the file, so a delivery that kept it open
through its waits locked a notebook, `watchdesk findings` and the next run out of the store for all of them. From the
first failure tried again on, `pause` (deliver.py: store the retry, close the store) holds until the last attempt.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack, nullcontext
from typing import Protocol

from watchdesk.agents.briefing.channels import DeliveryError


class Tries(Protocol):  # deliver.Channels
    @property
    def attempts(self) -> int: ...
    @property
    def backoff(self) -> float: ...
    @property
    def sleep(self) -> Callable[[float], None]: ...  # time.sleep; a test's own, which waits no real second


# what a failed attempt that is tried again holds while it waits: (attempt, what is said of it) -> context
Pause = Callable[[int, str], AbstractContextManager[object]]


def wait_after(tries: Tries, attempt: int) -> float:
    """Seconds to wait after a failed `attempt` (counting from 1) before the next: the backoff, doubled each time."""
    return tries.backoff * 2 ** (attempt - 1)


def retry(
    send: Callable[[], object], tries: Tries, *, say: Callable[[str], None], first: int = 1,
    pause: Pause = lambda _n, _said: nullcontext(),
) -> tuple[int, DeliveryError | None]:
    """(attempts made, counting from `first`, the last error or None); each failed attempt that is tried again is
    said as it happens, so a run waiting on a slow server shows what it waits for."""
    delay = wait_after(tries, first)
    with ExitStack() as waiting:
        for attempt in range(first, tries.attempts + 1):
            try:
                send()
                return attempt, None
            except DeliveryError as exc:
                if not exc.transient or attempt == tries.attempts:
                    return attempt, exc
                said = f"attempt {attempt} of {tries.attempts} failed ({exc}); trying again in {delay:g} s"
                if attempt == first:  # the waits and the attempts after them hold no store
                    waiting.enter_context(pause(attempt, said))
                say(said)
                tries.sleep(delay)
                delay *= 2
    return tries.attempts, DeliveryError("no attempt made", transient=False)  # pragma: no cover - attempts >= 1


class Attempts:
    """A send whose attempts are counted outside retry(), so that a Ctrl-C that stops retry() (in a wait between two
    attempts, or as the store is reopened after the last) still knows what they came to: nothing was in flight unless
    `in_flight` (stopped during an attempt, the message may have been handed over)."""

    def __init__(self, send: Callable[[], object]) -> None:
        self.send, self.made, self.in_flight = send, 0, False
        self.error: DeliveryError | None = None

    def __call__(self) -> None:
        self.made += 1
        self.in_flight = True
        try:
            self.send()
        except DeliveryError as exc:
            self.error, self.in_flight = exc, False
            raise
        # a Ctrl-C during the send leaves it in flight: cleared in a `finally`, a send stopped as the server had the
        # message was recorded "sent" (no error, nothing in flight)
        self.error, self.in_flight = None, False

    def stopped(self, tries: Tries) -> tuple[int, DeliveryError | None]:
        """(attempts made, the error to record) once a Ctrl-C stopped retry() outside an attempt: an attempt that
        would have been tried again is a failure said as stopped, never sent (nothing was in flight)."""
        error = self.error
        if error is not None and error.transient and self.made < tries.attempts:
            error = DeliveryError(f"stopped (Ctrl-C) before attempt {self.made + 1} of {tries.attempts}, so not sent; "
                                  f"attempt {self.made}: {error}", transient=False)  # fmt: skip
        return self.made, error
