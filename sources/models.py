"""Records that sources/ returns: plain, typed, free of I/O."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, Protocol

Outcome = Literal["ok", "cache_hit", "http_error", "timeout", "refused", "replay_miss", "replay_corrupt", "error"]


@dataclass(frozen=True, slots=True)
class HttpResult:
    """One response as the gateway hands it back (after retries, cache or replay)."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    elapsed_ms: float = 0.0
    from_cache: bool = False
    from_replay: bool = False

    def json(self) -> Any:
        return json.loads(self.body)

    def text(self, encoding: str = "utf-8") -> str:
        return self.body.decode(encoding, errors="replace")


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One request attempt, for the audit trail. Never carries secrets or bodies."""

    url: str
    host: str
    method: str
    agent: str
    run_id: str | None
    attempt: int
    outcome: Outcome
    status: int | None = None
    nbytes: int = 0
    ms: float = 0.0
    detail: str = ""


@dataclass(frozen=True, slots=True)
class CompanyRef:
    """A company as SEC's ticker map names it."""

    ticker: str
    cik: int
    name: str


@dataclass(frozen=True, slots=True)
class Filing:
    """One row of an EDGAR submissions listing."""

    cik: int
    accession: str  # with dashes: 0001045810-25-000023
    form: str
    filing_date: date
    report_date: date | None
    primary_document: str
    items: tuple[str, ...] = ()
    description: str = ""
    size: int = 0

    @property
    def accession_nodash(self) -> str:
        return self.accession.replace("-", "")


@dataclass(frozen=True, slots=True)
class SubmissionDocument:
    """One <DOCUMENT> of a full-submission .txt (SGML) file."""

    type: str
    sequence: int
    filename: str
    description: str
    body: bytes


@dataclass(frozen=True, slots=True)
class Submissions:
    """A parsed submissions JSON page: company facts, filings and the older pages to follow."""

    cik: int
    name: str
    tickers: tuple[str, ...]
    filings: tuple[Filing, ...]
    older_pages: tuple[str, ...] = field(default=())
    replayed: bool = False  # from a replay pack: as old as its recording (agents/filings.listing_age)
    # of a replayed listing, the day it was served (its recorded HTTP Date header, as EDGAR's Eastern-time day), when
    # the pack kept it: a filing made later that day or after is not in it
    served_on: date | None = None


class Fetcher(Protocol):
    """What sources/ needs from the gateway: a GET that raises on failure.

    The real implementation is `watchdesk.sources.gateway.Gateway`; tests may pass any object
    with this method.
    """

    def get(self, url: str, *, agent: str, run_id: str | None = None, cache: bool = True) -> HttpResult: ...
