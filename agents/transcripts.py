"""Transcripts agent: walk a ticker's chain of transcript sources until one yields calls; store new ones.

A source that fails (404, 429 after retries, nothing parseable) hands over to the next; when every
source fails the run records a gap that names what was tried.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from watchdesk.agents.bugs import audit_bug
from watchdesk.sources import transcript_sources as ts
from watchdesk.sources.errors import ConfigError, WatchdeskError, unexpected
from watchdesk.sources.models import CompanyRef, Fetcher
from watchdesk.sources.redact import redact_text, redact_url
from watchdesk.sources.transcripts.detect import parse_transcript
from watchdesk.sources.transcripts.meta import stated_company
from watchdesk.sources.transcripts.model import Hints, Transcript
from watchdesk.store.records import DocumentRecord, GapRecord, SpanRecord, placed_by_run, stable_id
from watchdesk.store.store import Cursor, Store

AGENT = "transcripts"


@dataclass(frozen=True, kw_only=True)
class Source:
    """A chain link as the planner hands it over (mirrors the watchlist's TranscriptSource)."""

    kind: str
    path: str | None = None
    url: str | None = None
    match: str | None = None

    def describe(self) -> str:
        return f"{self.kind} {self.path or self.url or ''}".strip()


@dataclass(frozen=True, kw_only=True)
class TranscriptsRequest:
    company: CompanyRef
    aliases: tuple[str, ...]
    chain: tuple[Source, ...]
    api_keys: Mapping[str, str] = field(default_factory=dict)
    max_documents: int = 100  # the policy's max_documents_per_run, as for filings
    as_of: date | None = None  # the run's day (`--as-of`): an undated call is placed on it
    # The company a name stated in a call's opening ("welcome to the AMD first quarter ...") clearly is, None when
    # unsure (graph/goal/names.py's index of SEC's names): a call whose header names no company is left out when its
    # opening names another one. None: such calls are taken as the company's, as before.
    company_named: Callable[[str], CompanyRef | None] | None = None


@dataclass(kw_only=True)
class TranscriptsResult:
    ticker: str
    provider: str | None = None
    found: int = 0
    new_doc_ids: list[str] = field(default_factory=list)
    tried: list[str] = field(default_factory=list)
    gap: str | None = None


def find_calls(
    req: TranscriptsRequest,
    *,
    fetcher: Fetcher,
    run_id: str | None,
    skipped: list[tuple[str, str]] | None = None,
    bugs: list[tuple[str, Exception]] | None = None,
) -> tuple[str | None, list[tuple[Transcript, str]], list[str]]:
    """Walk the chain: (provider that answered, its calls with their origin, what failed before it).

    Documents of the answering source that could not be read are added to `skipped` as (origin, reason); documents of
    any source tried whose parsing met a bug, to `bugs` as (origin, exception).
    """
    tried: list[str] = []
    for source in req.chain:
        left_out: list[str] = []  # feed entries left out (a link off the allow-list): said, not fatal
        try:
            calls = _calls_from(source, req=req, fetcher=fetcher, run_id=run_id, left_out=left_out, skipped=skipped,
                                bugs=bugs)  # fmt: skip
            return source.kind, calls, tried + [redact_text(s) for s in left_out]
        except WatchdeskError as exc:
            tried += [redact_text(s) for s in left_out] + [redact_text(f"{source.describe()}: {exc}")]
    return None, [], tried


def collect(req: TranscriptsRequest, *, fetcher: Fetcher, store: Store, run_id: str) -> TranscriptsResult:
    ticker = req.company.ticker
    skipped: list[tuple[str, str]] = []
    bugs: list[tuple[str, Exception]] = []
    provider, calls, tried = find_calls(req, fetcher=fetcher, run_id=run_id, skipped=skipped, bugs=bugs)
    result = TranscriptsResult(ticker=ticker, provider=provider, found=len(calls), tried=tried)
    for origin, reason in skipped:  # one unreadable file among good ones is a gap of its own, not a failed source
        _record_gap(store, run_id, ticker, target=f"{ticker} transcript {origin}", reason=reason, tried=())
    for origin, exc in bugs:  # and one that met a bug, whatever its source: audited, so the run is partial
        _bug_gap(store, run_id, ticker, origin=origin, exc=exc, doing="reading")
    if provider is not None:
        # newest first: under the policy's cap the calls an analyst wants are the latest, not a folder's first files
        newest = sorted(calls, key=lambda c: (c[0].call_date or date.min, c[0].fiscal_period or ""), reverse=True)
        for n, (call, origin) in enumerate(newest):
            if len(result.new_doc_ids) >= req.max_documents:
                cap = req.max_documents
                result.gap = (f"{ticker}: {len(newest) - n} older calls left unstored, over the policy's "
                              f"max_documents_per_run ({cap}); the newest were stored")
                _record_gap(store, run_id, ticker, target=f"{ticker} transcripts", reason=result.gap, tried=(),
                            days=_call_days([c for c, _ in newest[n:]]))  # fmt: skip
                break
            try:
                doc = _store_new(call, origin, req, store, run_id)
            except WatchdeskError:
                raise  # the store itself failed: no other call can be stored either
            except Exception as exc:  # a bug on one call: its gap; the other calls are stored
                _bug_gap(store, run_id, ticker, origin=origin, exc=exc, doing="storing", days=_call_days([call]))
                continue
            if doc:
                result.new_doc_ids.append(doc)
        return result
    result.gap = f"no earnings call found for {ticker}: tried " + "; ".join(tried or ["no sources configured"])
    _record_gap(store, run_id, ticker, target=f"{ticker} transcripts", reason=result.gap, tried=tuple(tried))
    return result


def _record_gap(
    store: Store, run_id: str, ticker: str, *, target: str, reason: str, tried: tuple[str, ...],
    days: tuple[date | None, date | None] = (None, None),
) -> None:  # fmt: skip
    """A gap of the ticker's calls stored; `days`: the call days it leaves unread, None if unknown."""
    store.record_gap(
        GapRecord(
            run_id=run_id, agent=AGENT, target=target, reason=reason, ticker=ticker, tried=tried,
            created_at=datetime.now(UTC), unread_from=days[0], unread_to=days[1],
        )
    )


def _call_days(calls: Sequence[Transcript]) -> tuple[date | None, date | None]:
    """The first and last call day of `calls`, as a gap's days; unknown (None) when one of them has no date."""
    days = [c.call_date for c in calls]
    known = [d for d in days if d is not None]
    return (min(known), max(known)) if known and len(known) == len(days) else (None, None)


def _bug_gap(
    store: Store, run_id: str, ticker: str, *, origin: str, exc: Exception, doing: str,
    days: tuple[date | None, date | None] = (None, None),
) -> None:  # fmt: skip
    """A call that met a bug (`doing` it): its gap, naming the file or URL, audited as a failure."""
    target = f"{ticker} transcript {origin}"
    reason = audit_bug(store, exc, agent=AGENT, action="transcript", run_id=run_id, target=target,
                       doing=f" {doing} {origin}")  # fmt: skip
    _record_gap(store, run_id, ticker, target=target, reason=reason, tried=(), days=days)


def _calls_from(
    source: Source,
    *,
    req: TranscriptsRequest,
    fetcher: Fetcher,
    run_id: str | None,
    left_out: list[str],
    skipped: list[tuple[str, str]] | None,
    bugs: list[tuple[str, Exception]] | None = None,
) -> list[tuple[Transcript, str]]:
    """The parseable calls one source offers; none at all counts as a failure of that source. A call whose parsing
    meets a bug is left out like an unreadable one, and also goes into `bugs`, whether or not the source fails."""
    candidates = _candidates(source, req=req, fetcher=fetcher, run_id=run_id, skipped=left_out)
    hints = Hints(ticker=req.company.ticker, company=req.company.name, provider=source.kind)
    calls: list[tuple[Transcript, str]] = []
    errors: list[tuple[str, str]] = []
    met: list[tuple[str, Exception]] = []  # calls whose parsing met a bug
    for cand in candidates:
        try:
            call = parse_transcript(
                cand.body,
                format=cand.format,
                origin=cand.origin,
                hints=Hints(ticker=req.company.ticker),
            )
            if (other := _opening_names_another(call, req)) is not None:
                errors.append((cand.origin, f"{cand.origin}: its opening names {other}, not {req.company.ticker} "
                               f"({req.company.name}): left out (add the name to the ticker's aliases if it is the "
                               "same company)"))  # fmt: skip
                continue
            if not same_company(call.company, req.company, req.aliases):
                errors.append((cand.origin, f"{cand.origin}: a call of {call.company}, not of {req.company.ticker} "
                               f"({req.company.name}): left out (add {call.company!r} to the ticker's aliases if "
                               "it is the same company)"))  # fmt: skip
                continue
            filled = hints.fill(replace(call, source_url=redact_url(cand.origin)))
            calls.append((filled, cand.origin))
        except (WatchdeskError, ValueError) as exc:  # the parsers' own messages start with the file's name
            said = str(exc)
            errors.append((cand.origin, said if said.startswith(cand.origin) else f"{cand.origin}: {said}"))
        except Exception as exc:  # a bug on one call: the others are still read
            met.append((cand.origin, exc))
    if bugs is not None:
        bugs.extend(met)
    if not calls:
        errors += [(origin, unexpected(exc, doing=f" reading {origin}")) for origin, exc in met]
        why = "; ".join(reason for _, reason in errors[:3]) if errors else "no transcript there"
        raise _NothingFound(why)
    if skipped is not None:
        skipped.extend(errors)
    return calls


class _NothingFound(WatchdeskError):
    pass


_NAME_WORD = re.compile(r"[a-z0-9]+")
_LEGAL = frozenset({"inc", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "holding", "holdings",
                    "group", "the", "nv", "sa", "ag", "se", "and", "of", "class", "com", "llc", "lp"})  # fmt: skip


def _name_words(name: str) -> set[str]:
    return {w for w in _NAME_WORD.findall(name.lower()) if w not in _LEGAL and len(w) > 1}


def _known_names(company: CompanyRef, aliases: Sequence[str]) -> list[str]:
    """The company's names beyond its ticker: its SEC name and aliases (none for `transcript fetch` without a
    watchlist, whose name is the ticker)."""
    return [n for n in (company.name, *aliases) if n and n.upper() != company.ticker.upper()]


def same_company(named: str | None, company: CompanyRef, aliases: Sequence[str]) -> bool:
    """Whether a call that names `named` as its company can be `company`'s: a word of the name in common with
    its SEC name or an alias, or its ticker. True when the call names none, or nothing but the ticker is known
    of the company (`watchdesk transcript fetch` without a watchlist): only a plain mismatch leaves a call out."""
    known = _known_names(company, aliases)
    if not named or not known:
        return True
    words = _name_words(named)
    return bool(words & {w for n in known for w in _name_words(n)}) or company.ticker.lower() in words


def _opening_names_another(call: Transcript, req: TranscriptsRequest) -> str | None:
    """For a call whose header names no company: the other company its operator's opening names ("AMD (AMD)"), or
    None. An AMD call without its header, dropped into NVIDIA's folder, was stored as NVIDIA's. Only a name that
    clearly is another SEC company, with no word in common with this one's names, leaves a call out: "Raytheon
    Technologies" for RTX or "TSMC" for TSM, unresolved or the same company, keep theirs."""
    if call.company is not None or req.company_named is None:
        return None
    stated = stated_company(" ".join(statement.text for statement in call.statements[:3]))
    # a word in common with the company's names; none known (`transcript fetch` without a watchlist): its ticker only
    if not stated or (_known_names(req.company, req.aliases) and same_company(stated, req.company, req.aliases)):
        return None
    other = req.company_named(stated)
    if other is None or other.ticker == req.company.ticker or (req.company.cik and other.cik == req.company.cik):
        return None
    return f"{stated} ({other.ticker})"


def _candidates(
    source: Source, *, req: TranscriptsRequest, fetcher: Fetcher, run_id: str | None, skipped: list[str]
) -> list[ts.Candidate]:
    ticker = req.company.ticker
    if source.kind == "folder":
        return ts.from_folder(Path(source.path or "."))
    if source.kind == "url":
        return ts.from_url(fetcher, source.url or "", agent=AGENT, run_id=run_id)
    if source.kind == "feed":
        pattern = _feed_match(source.match) if source.match else ts.default_pattern(ticker, req.aliases)
        return ts.from_feed(fetcher, source.url or "", pattern=pattern, agent=AGENT, run_id=run_id, skipped=skipped)
    if source.kind == "fmp":
        return ts.from_fmp(fetcher, ticker=ticker, api_key=req.api_keys.get("fmp"), agent=AGENT, run_id=run_id)
    raise _NothingFound(f"unknown transcript source kind {source.kind!r}")


def _feed_match(match: str) -> re.Pattern[str]:
    """A feed's `match`, compiled; ConfigError (the chain goes on) when it is no regular expression."""
    try:
        return re.compile(match, re.I)
    except re.error as exc:
        raise ConfigError(f"match {match!r} is no regular expression ({exc})") from exc


def _store_new(call: Transcript, origin: str, req: TranscriptsRequest, store: Store, run_id: str) -> str | None:
    """Store a call once (keyed by ticker, fiscal period and call date); None when already stored."""
    try:
        key = call.key()
    except ValueError:
        # no period or date: one row per origin, named by it redacted (a hash of its secrets would give them back)
        key = f"{req.company.ticker}:-:{stable_id(redact_url(origin))}"
    url = f"transcript:{key}"
    # A call stored before watchdesk read its stated date was keyed without it ("NVDA:2026-Q1:-"): the same call
    undated = f"transcript:{key.rsplit(':', 1)[0]}:-" if call.fiscal_period and call.call_date else None
    if store.known_urls([url, *([undated] if undated else [])]) or _same_call_stored(call, req, store):
        return None
    text, spans = call.joined()
    now = datetime.now(UTC)
    record = DocumentRecord(
        url=url,
        source="transcript",
        text=text,
        fetched_at=now,
        first_stored_at=placed_by_run(filed_at=call.call_date, fetched_at=now, as_of=req.as_of),
        ticker=req.company.ticker,
        cik=req.company.cik,
        form="transcript",
        doc_type="earnings call",
        filed_at=call.call_date,
        title=_title(call, req),
        run_id=run_id,
        source_url=redact_url(origin),
        provider=call.provider,
    )
    cursor = Cursor(req.company.ticker, "transcripts", key)
    return store.save_document(record, _spans(record.doc_id, call, spans), cursor=cursor)


def _same_call_stored(call: Transcript, req: TranscriptsRequest, store: Store) -> bool:
    """The company's call of that day, or of that fiscal period, stored under another key: one copy of a page names
    the period and another does not ("NVDA:-:2024-05-22" and "NVDA:2025-Q1:2024-05-22" are one call, which was
    stored twice and counted twice in the briefing)."""
    if not (call.call_date or call.fiscal_period):
        return False
    ticker = req.company.ticker.upper()
    period = f"transcript:{ticker}:{call.fiscal_period}:%" if call.fiscal_period else None
    # the same day is the same call only where one side names no period: an investor day on a call's date is another
    # event, and two keys that both name a period but differ are two calls (a code review)
    rows = store.query(
        "SELECT url LIKE ? AS by_period, text FROM documents WHERE source = 'transcript' AND ticker = ?"
        " AND parent_doc_id IS NULL AND ((filed_at = ? AND (? IS NULL OR url LIKE ?)) OR url LIKE ?)",
        [period, req.company.ticker, call.call_date, call.fiscal_period, f"transcript:{ticker}:-:%", period],
    )
    if any(by_period for by_period, _ in rows):
        return True
    # by the day alone: the same call only if the texts share what was said (an investor day on a call's date, with
    # no period either, is another event: a code review)
    said = _said(call)
    return any(_shares(said, text or "") for _, text in rows) if said else bool(rows)


def _shares(said: list[str], text: str) -> bool:
    plain = " ".join(text.split())
    return sum(line in plain for line in said) * 2 >= len(said)


def _said(call: Transcript) -> list[str]:
    """Up to eight long statements from the middle of the call, to recognise it by."""
    long = [" ".join(st.text.split()) for st in call.statements if len(st.text) >= 200]
    middle = len(long) // 2
    return [line[:160] for line in long[max(0, middle - 4) : middle + 4]]


def _spans(doc_id: str, call: Transcript, spans: Sequence[tuple[int, int]]) -> list[SpanRecord]:
    return [
        SpanRecord(
            doc_id=doc_id,
            seq=i,
            start=s,
            end=e,
            section=st.section,
            speaker=st.speaker,
            role=st.role,
            speaker_kind=st.kind,
        )
        for i, (st, (s, e)) in enumerate(zip(call.statements, spans, strict=True))
    ]


def _title(call: Transcript, req: TranscriptsRequest) -> str:
    period = f" {call.fiscal_period}" if call.fiscal_period else ""
    day = f" ({call.call_date:%Y-%m-%d})" if call.call_date else ""
    return f"{call.company or req.company.name}{period} earnings call{day}"
