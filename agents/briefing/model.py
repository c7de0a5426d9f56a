"""What a briefing is made of: plain records filled by the store's queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class FindingItem:
    finding_id: str
    ticker: str
    company: str
    topic: str
    polarity: str
    score: float
    sentence: str
    section: str | None
    speaker: str | None
    doc_id: str
    doc_title: str | None
    doc_url: str
    form: str | None  # the document's type: an exhibit's own ("EX-99.1")
    filed_at: date | None  # the event date: filed, called or published; else first stored
    speaker_kind: str | None = None  # management | analyst | operator | other, for call statements
    dated_by_storage: bool = False
    sure: bool | None = None  # False: the flagger was unsure of it (refine.is_sure), shown as "unsure"
    method_version: str | None = None  # the flagging that made it ("0.31", "0.31+<custom topics' fingerprint>")
    first_stored: datetime | None = None  # when its document was first stored (UTC; late: after its period closed)
    kind: str | None = None  # filing | call | news (queries.DOC_KIND); None where not known
    relayed: bool = False  # said in a management turn of Q&A that opens by passing on an analyst's question
    # its document said the sentence before (same topic; queries.SAID_AGAIN): a place it was said again, not counted
    said_again: bool = False
    start: int | None = None  # where in its document it stands (a character offset): the order of its places
    filed_as: str | None = None  # its filing's form, an exhibit's too (8-K for an EX-99.1), as the trend compares it


@dataclass(frozen=True, slots=True, kw_only=True)
class GapItem:
    ticker: str | None
    agent: str
    target: str
    reason: str
    run_id: str | None = None  # the run that recorded it (an earlier run's is said so)
    days: tuple[date, date] | None = None  # the days it leaves unread (a filing's date, a step's window); None: unknown


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRead:
    """How much of the period the watchlist's runs read of one ticker's source: an absence of its documents means
    "nothing filed" (called, published) only for the days read."""

    ticker: str
    source: str  # filings | transcripts | news: the agent that reads it
    why: tuple[str, ...] = ()  # what left days of the period unread, said for the reader; (): every day was read
    none_read: bool = False  # not one day of the period was read
    failed: bool = False  # a gap, or a step left out of the run, is why: not only the days the watchlist looks at


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentItem:
    doc_id: str
    ticker: str | None
    form: str | None
    title: str | None
    url: str
    filed_at: date | None
    dated_by_storage: bool = False  # the source gave no date: placed by the day it was first stored
    first_stored: datetime | None = None  # when it was first stored, UTC
    flagged: bool = True  # read for the topics; False: stored by a run that left flagging out (an approval edit)


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekPoint:
    """Mentions of one topic for one ticker in one ISO week (by the documents' event dates)."""

    week: date  # Monday
    ticker: str
    topic: str
    mentions: int
    positive: int
    negative: int
    kind: str | None = None  # filing | call | news when counted apart (the trend's baseline), else None

    @property
    def net(self) -> float:
        return (self.positive - self.negative) / self.mentions if self.mentions else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Earlier:
    """The latest earlier mentions of one topic for one ticker in one kind of call or filing (trend.like): what the
    trend compares the period's of that kind with."""

    ticker: str
    topic: str
    like: str  # call | 10-K/10-Q | 20-F/40-F | another filing's form
    day: date
    forms: tuple[str, ...]  # the forms that day's mentions are in ("10-K", "10-Q"); ("call",) for a call
    mentions: int
    positive: int
    negative: int
    since: int = 0  # documents of the kind stored after that day and before the period: none mentions the topic


@dataclass(frozen=True, slots=True, kw_only=True)
class ToneItem:
    """Sentence sentiment of one document: how many of its sentences read as good or bad news."""

    doc_id: str
    ticker: str | None
    form: str | None
    filed_at: date | None
    sentences: int
    positive: int
    negative: int

    @property
    def net(self) -> float:
        return (self.positive - self.negative) / self.sentences if self.sentences else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefingInput:
    title: str
    period_start: date
    period_end: date
    generated_at: datetime
    run_id: str
    watchlist_name: str
    tickers: list[str]
    topics: list[str]
    findings: list[FindingItem]
    gaps: list[GapItem]
    documents: list[DocumentItem]
    tone: list[ToneItem] = field(default_factory=list)
    period_label: str = ""
    history: list[WeekPoint] = field(default_factory=list)  # the trend: weeks up to the period's end
    # the weeks before the period that the trend compares with (Period.baseline_weeks of them, ending the day before
    # it starts); None: take the weeks of `history` before the period
    before: list[WeekPoint] | None = None
    # each ticker's latest earlier mentions of a topic in calls and in filings of a kind, before the period: what the
    # trend compares its calls and filings with (its news, with the weeks before); None: the weeks before, every kind
    earlier: list[Earlier] | None = None
    extras: dict[str, object] = field(default_factory=dict)  # data of plug-in parts (news, filing changes)
    llm_usage: dict[str, float] = field(default_factory=dict)  # the run's LLM judge: requests, tokens, cost
    # per ticker and source, how much of the period was read (empty: not known, no run of the briefing is stored)
    read: list[SourceRead] = field(default_factory=list)
    # each ticker's CIK as the runs planned it: tickers of one CIK are one company, whose documents are under one
    ciks: dict[str, int] = field(default_factory=dict)
