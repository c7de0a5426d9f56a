"""Trying a send again after a transient failure (a 4xx, a refused connection), with the store closed as it waits.

A mail server that greylists asks for minutes; DuckDB lets one process hold the file, so a delivery that kept it open
through its waits locked a notebook, `watchdesk findings` and the next run out of the store for all of them. From the
first failure tried again on, `pause` (deliver.py: store the retry, close the store) holds until the last attempt.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack, nullcontext
from typing import Protocol

from watchdesk.agents.briefing.channels import DeliveryError


class Tries(Protocol):  # deliver.Channels
    @property
    def attempts(self) -> int: ...
    @property
    def backoff(self) -> float: ...


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
                time.sleep(delay)
                delay *= 2
    return tries.attempts, DeliveryError("no attempt made", transient=False)  # pragma: no cover - attempts >= 1
