"""Loopback servers the integration tests talk to."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.loopback import Hit, Reply, serving


@pytest.fixture()
def webhook() -> Iterator[tuple[int, list[dict[str, Any]], list[int]]]:
    """A local stand-in for Slack's incoming webhook: (port, JSON bodies posted, statuses to answer)."""
    posts: list[dict[str, Any]] = []
    statuses: list[int] = []  # the answers to give, in order; then 200

    def hook(hit: Hit) -> Reply:
        posts.append(json.loads(hit.body))
        return Reply(status=statuses.pop(0) if statuses else 200, body=b"")

    with serving() as server:
        yield server.anywhere(hook).port, posts, statuses
