"""Fetching feeds through the gateway, politely: conditional GET with the validators of the last answer."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date
from email.utils import parsedate_to_datetime
from typing import Protocol

from watchdesk.sources.models import HttpResult


class ConditionalFetcher(Protocol):
    """The gateway's GET with request headers (`watchdesk.sources.gateway.Gateway`)."""

    def get(
        self, url: str, *, agent: str, run_id: str | None = None, cache: bool = True,
        headers: Mapping[str, str] | None = None,
    ) -> HttpResult: ...


@dataclass(frozen=True, slots=True)
class FeedState:
    """The validators a server gave with its last full answer: sent back, they let it answer 304."""

    etag: str | None = None
    last_modified: str | None = None

    def request_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers

    def dumps(self) -> str:
        return json.dumps({"etag": self.etag, "last_modified": self.last_modified}, sort_keys=True)

    @classmethod
    def loads(cls, value: str | None) -> FeedState:
        if not value:
            return cls()
        try:
            data = json.loads(value)
        except ValueError:
            return cls()
        return cls(etag=data.get("etag"), last_modified=data.get("last_modified"))


@dataclass(frozen=True, slots=True)
class FeedAnswer:
    """A feed's body, or None when the server said nothing changed (304); the state to keep."""

    body: bytes | None
    state: FeedState
    replayed: bool = False  # from a replay pack: it knows no item published after it was recorded
    replayed_on: date | None = None  # that day, from the recorded Date header


def fetch_feed(
    fetcher: ConditionalFetcher, url: str, *, state: FeedState, agent: str, run_id: str | None = None
) -> FeedAnswer:
    """GET a feed, conditionally when the last answer had validators; never from the cache (feeds change)."""
    result = fetcher.get(url, agent=agent, run_id=run_id, cache=False, headers=state.request_headers() or None)
    if result.status == 304:
        return FeedAnswer(None, state)
    headers = {k.lower(): v for k, v in result.headers.items()}
    state = FeedState(etag=headers.get("etag"), last_modified=headers.get("last-modified"))
    return FeedAnswer(result.body, state, replayed=result.from_replay,
                      replayed_on=_day(headers.get("date")) if result.from_replay else None)


def _day(value: str | None) -> date | None:
    try:
        return parsedate_to_datetime(value).astimezone(UTC).date() if value else None
    except (TypeError, ValueError):
        return None
