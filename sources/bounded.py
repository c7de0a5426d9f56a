"""Reading a response body within a deadline and a size cap, so no server can hold a run or fill memory."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from watchdesk.sources.errors import DeadlineExceededError, ResponseTooLargeError

MIB = 1024 * 1024


def read_bounded(
    response: httpx.Response, *, url: str, max_bytes: int, deadline_at: float, clock: Callable[[], float]
) -> bytes:
    """The decoded body, streamed; raises past `max_bytes` or after the monotonic `deadline_at`.

    httpx's timeout bounds each read, not the whole body: a server that drips a byte a second never
    trips it. Checking the clock between chunks does, and the read timeout bounds the wait for one chunk.
    """
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ResponseTooLargeError(url, cap=max_bytes, why=f"declared {int(declared):,} bytes, over")
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise ResponseTooLargeError(url, cap=max_bytes, why="body passed")
        if clock() > deadline_at:
            raise DeadlineExceededError(f"{url}: not finished within the request deadline ({total:,} bytes read)")
        chunks.append(chunk)
    return b"".join(chunks)
