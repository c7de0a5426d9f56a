"""Rows as they go into the store. Keys are derived from content, so writes are idempotent."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime


def stable_id(*parts: object, length: int = 16) -> str:
    """A short deterministic key from the parts that identify a row."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentRecord:
    url: str
    source: str
    text: str
    fetched_at: datetime
    ticker: str | None = None
    cik: int | None = None
    form: str | None = None
    accession: str | None = None
    filename: str | None = None
    doc_type: str | None = None
    title: str | None = None
    filed_at: date | None = None
    period: date | None = None
    items: tuple[str, ...] = ()
    parent_doc_id: str | None = None
    run_id: str | None = None
    source_url: str | None = None
    provider: str | None = None
    tier: str | None = None  # news only: primary | established | other (migration 007)
    # when it counts as first stored, if not fetched_at: an undated document stored by an --as-of run is placed on
    # the run's as-of day (placed_by_run), not in the week of the real clock, where that run's briefing misses it
    first_stored_at: datetime | None = None

    @property
    def doc_id(self) -> str:
        return stable_id(self.url)


def placed_by_run(*, filed_at: date | None, fetched_at: datetime, as_of: date | None) -> datetime | None:
    """When an undated document counts as first stored: on the day the run is run as of (`--as-of`), at the time
    it was fetched; None (fetched_at) for a dated one, or in a run of today."""
    if filed_at is not None or as_of is None or as_of >= fetched_at.date():
        return None
    return datetime.combine(as_of, fetched_at.timetz())


HEADING = "heading"  # a filing span's role for a heading line (risk group, MD&A subheading): it states nothing
# A news document's doc_type where its headline and summary do not name the company, kept for the outlet's own tag
# naming it (agents/news.py stores it, the briefing marks it)
TAGGED_ONLY = "news (named only in its tags)"


@dataclass(frozen=True, slots=True, kw_only=True)
class SpanRecord:
    """A labelled stretch of a document: a filing section (or a heading in it, `role` HEADING) or a transcript
    statement."""

    doc_id: str
    seq: int
    start: int
    end: int
    section: str | None = None
    title: str | None = None
    speaker: str | None = None
    role: str | None = None
    speaker_kind: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SentenceRecord:
    doc_id: str
    seq: int
    start: int
    end: int
    text: str
    section: str | None = None
    speaker: str | None = None
    sentiment: str | None = None  # positive | negative | neutral, from the default sentence sentiment model
    sentiment_score: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FindingRecord:
    doc_id: str
    topic: str
    polarity: str
    score: float
    sentence: str
    start: int
    end: int
    method: str
    method_version: str
    created_at: datetime
    ticker: str | None = None
    section: str | None = None
    speaker: str | None = None
    run_id: str | None = None
    sure: bool | None = None  # the flagger's second pass sure of it (refine.is_sure); None: not judged by it

    @property
    def finding_id(self) -> str:
        return stable_id(self.doc_id, self.start, self.end, self.topic, self.method, self.method_version)


@dataclass(frozen=True, slots=True, kw_only=True)
class GapRecord:
    run_id: str
    agent: str
    target: str
    reason: str
    created_at: datetime
    ticker: str | None = None
    tried: tuple[str, ...] = ()
    # the days whose documents it leaves unread, when known (a filing: its filing date; migration 016)
    unread_from: date | None = None
    unread_to: date | None = None

    @property
    def gap_id(self) -> str:
        return stable_id(self.run_id, self.agent, self.target)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadCutRecord:
    """Days a step chose not to read by the watchlist's limit (migration 017): no gap, no failure."""

    run_id: str
    agent: str
    ticker: str
    unread_from: date
    unread_to: date
    reason: str  # said after "the runs": "read only the newest filing of each form (limit_per_form = 1)"
    created_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionRecord:
    agent: str
    action: str
    target: str
    attempt: int
    outcome: str
    at: datetime
    run_id: str | None = None
    host: str | None = None
    status: int | None = None
    nbytes: int | None = None
    ms: float | None = None
    detail: str = ""
    # One per event, drawn when it happens: two requests of one URL in a run (GOOG's and GOOGL's listing of one CIK)
    # are two rows, while the same event written twice is still one. Rows stored before keep the ids they have.
    action_id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])


@dataclass(slots=True, kw_only=True)
class RunRecord:
    run_id: str
    watchlist: str
    watchlist_hash: str
    watchlist_json: str = "{}"
    mode: str
    status: str
    started_at: datetime
    thread_id: str | None = None
    plan: list[dict[str, object]] = field(default_factory=list)
    approval: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    cost: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    finished_at: datetime | None = None
    replay_dir: str | None = None  # set when the run replays a pack: it resumes from the same one
    record_dir: str | None = None
    out_dir: str | None = None
    as_of: date | None = None
    watchlist_path: str | None = None  # the file the watchlist came from: approve reads its secrets from there
