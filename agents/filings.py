"""Filings agent: list a company's EDGAR filings, fetch the new ones, store them as clean text.

Per-filing failures become gaps; the agent never aborts the whole ticker for one bad document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from watchdesk.sources import edgar, edgar_parse, sgml
from watchdesk.sources.errors import ParsingError, WatchdeskError
from watchdesk.sources.filing_items import extract_items
from watchdesk.sources.html_text import html_to_text
from watchdesk.sources.models import CompanyRef, Fetcher, Filing, SubmissionDocument
from watchdesk.sources.sections import extract_sections
from watchdesk.store.records import DocumentRecord, GapRecord, SpanRecord
from watchdesk.store.store import Cursor, Store

Labelled = tuple[DocumentRecord, list[SpanRecord]]

AGENT = "filings"
_SECTIONED = {"10-K", "10-Q", "20-F"}
# Forms whose exhibits (press releases) matter: fetched as one full-submission .txt.
_WITH_EXHIBITS = ("8-K", "6-K")
# Press releases (EX-99.x) and material contracts (EX-10.x); not XBRL parts such as EX-101.SCH.
_EXHIBITS = re.compile(r"^EX-(99|10)(\.\d+)?[A-Z]?$", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class FilingsRequest:
    company: CompanyRef
    forms: tuple[str, ...]
    since: date
    until: date
    limit_per_form: int | None
    accessions: tuple[str, ...] = ()
    max_documents: int = 100


@dataclass(kw_only=True)
class FilingsResult:
    ticker: str
    listed: int = 0
    skipped: int = 0
    new_doc_ids: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)


def window(*, as_of: date, lookback_days: int, since: date | None, until: date | None) -> tuple[date, date]:
    """The filing-date window a run looks at: explicit dates win over the lookback."""
    end = until or as_of
    return since or end - timedelta(days=lookback_days), end


def collect(req: FilingsRequest, *, fetcher: Fetcher, store: Store, run_id: str) -> FilingsResult:
    """Fetch and store every filing in the request that is new since the cursor and not stored yet."""
    ticker = req.company.ticker
    result = FilingsResult(ticker=ticker)
    chosen = list_new_filings(req, fetcher=fetcher, store=store, run_id=run_id)
    result.listed = len(chosen)
    known = store.known_accessions([f.accession for f in chosen] + list(req.accessions))
    todo: list[Filing | str] = [f for f in reversed(chosen) if f.accession not in known]  # oldest first
    todo += [a for a in req.accessions if a not in known and a not in {f.accession for f in chosen}]
    result.skipped = len(chosen) + len(req.accessions) - len(todo)
    blocked: set[str] = set()  # forms whose cursor must not move past a failed filing
    for n, item in enumerate(todo):
        target = item if isinstance(item, str) else f"{item.form} {item.accession}"
        form = None if isinstance(item, str) else _base_form(item.form)
        if n >= req.max_documents:
            reason = f"over the policy's max_documents_per_run ({req.max_documents})"
        else:
            try:
                docs = _fetch(item, req=req, fetcher=fetcher, run_id=run_id)
                moved = None if isinstance(item, str) or form in blocked else item.accession
                cursor = Cursor(ticker, f"edgar:{form}", moved) if moved else None
                result.new_doc_ids += store.save_documents(docs, cursor=cursor)
                continue
            except WatchdeskError as exc:
                reason = str(exc)
        blocked.add(form or "")
        _gap(store, run_id=run_id, ticker=ticker, target=target, reason=reason)
        result.gaps.append(f"{target}: {reason}")
    return result


def list_new_filings(req: FilingsRequest, *, fetcher: Fetcher, store: Store, run_id: str) -> list[Filing]:
    """The filings in the window that are newer than each form's cursor, newest first."""
    subs = edgar.fetch_submissions(fetcher, req.company.cik, agent=AGENT, run_id=run_id)
    oldest = min((f.filing_date for f in subs.filings), default=None)
    if subs.older_pages and (oldest is None or req.since < oldest):
        # The recent page holds about 1,000 filings; a window reaching further back needs the older pages.
        subs = edgar.with_older_pages(fetcher, subs, agent=AGENT, run_id=run_id)
    chosen: dict[str, Filing] = {}
    for form in req.forms:
        cursor = store.get_cursor(ticker=req.company.ticker, source=f"edgar:{_base_form(form)}")
        try:
            picked = _select(subs.filings, form=form, req=req, after=cursor)
        except ValueError:  # the cursor's filing is no longer listed: fall back to the window alone
            picked = _select(subs.filings, form=form, req=req, after=None)
        chosen.update((f.accession, f) for f in picked)
    return sorted(chosen.values(), key=lambda f: f.filing_date, reverse=True)


def _select(filings: Sequence[Filing], *, form: str, req: FilingsRequest, after: str | None) -> list[Filing]:
    return edgar_parse.select_filings(
        filings, forms=[form], since=req.since, until=req.until, after=after, limit_per_form=req.limit_per_form
    )


def _base_form(form: str) -> str:
    return form.upper().removesuffix("/A")


def _fetch(item: Filing | str, *, req: FilingsRequest, fetcher: Fetcher, run_id: str) -> list[Labelled]:
    """A filing's documents with their spans, ready to be stored together."""
    cik = req.company.cik
    if isinstance(item, str) or item.form.split("/")[0] in _WITH_EXHIBITS:
        accession = item if isinstance(item, str) else item.accession
        raw = edgar.fetch_full_submission(fetcher, cik, accession, agent=AGENT, run_id=run_id)
        header, docs = sgml.parse_full_submission(raw)
        return _submission(header, docs, req=req, accession=accession, run_id=run_id)
    body = edgar.fetch_document(fetcher, cik, item.accession, item.primary_document, agent=AGENT, run_id=run_id)
    record = _record(
        req,
        url=edgar_parse.archive_url(cik, item.accession, item.primary_document),
        body=body,
        form=item.form,
        doc_type=item.form,
        accession=item.accession,
        filename=item.primary_document,
        filed_at=item.filing_date,
        period=item.report_date,
        items=item.items,
        run_id=run_id,
    )
    return [_with_spans(record)]


def _submission(
    header: dict[str, str | list[str]],
    docs: Sequence[SubmissionDocument],
    *,
    req: FilingsRequest,
    accession: str,
    run_id: str,
) -> list[Labelled]:
    form = str(header.get("CONFORMED SUBMISSION TYPE", docs[0].type if docs else ""))
    filed = _sgml_date(header.get("FILED AS OF DATE"))
    period = _sgml_date(header.get("CONFORMED PERIOD OF REPORT"))
    items = header.get("ITEM INFORMATION", [])
    wanted = [d for d in docs if d.sequence == 1 or _EXHIBITS.match(d.type.strip())]
    out: list[Labelled] = []
    parent: str | None = None
    for doc in wanted:
        record = _record(
            req,
            url=edgar_parse.archive_url(req.company.cik, accession, doc.filename),
            body=doc.body,
            form=form,
            doc_type=doc.type,
            accession=accession,
            filename=doc.filename,
            filed_at=filed,
            period=period,
            items=tuple(items) if isinstance(items, list) else (items,),
            parent_doc_id=parent,
            run_id=run_id,
            description=doc.description,
        )
        out.append(_with_spans(record))
        parent = parent or record.doc_id
    return out


def _record(req: FilingsRequest, *, url: str, body: bytes, description: str = "", **fields: object) -> DocumentRecord:
    filename = str(fields.get("filename") or "")
    is_html = filename.lower().endswith((".htm", ".html")) or body.lstrip()[:1] == b"<"
    text = html_to_text(body) if is_html else body.decode("utf-8", errors="replace")
    doc_type = str(fields.get("doc_type") or "")
    # File names and <title>s of filings are machine names (nvda-20250126); say what the document is.
    title = f"{req.company.name} {doc_type}"
    if description and description.upper() != doc_type.upper():
        title += f": {description}"
    return DocumentRecord(
        url=url,
        source="edgar",
        text=text,
        fetched_at=datetime.now(UTC),
        ticker=req.company.ticker,
        cik=req.company.cik,
        title=title,
        **fields,  # type: ignore[arg-type]
    )


def _with_spans(record: DocumentRecord) -> Labelled:
    """A document and its section (or 8-K item) spans, so findings say where they stand."""
    doc_id = record.doc_id
    form = (record.doc_type or "").upper().removesuffix("/A")
    try:
        if form in _SECTIONED:
            parts = [(s.item, s.title, s.start, s.end) for s in extract_sections(record.text, form=form)]
        elif form in {"8-K", "6-K"}:
            # Items that live in an exhibit or only in the header have no span here (start -1).
            parts = [(i.item, i.title, i.start, i.end) for i in extract_items(record.text, form=form) if i.start >= 0]
        else:
            parts = []
    except ParsingError:
        parts = []  # unlabelled findings beat no document: sectioning is a refinement
    spans = [
        SpanRecord(doc_id=doc_id, seq=n, start=start, end=end, section=item, title=title)
        for n, (item, title, start, end) in enumerate(parts)
    ]
    return record, spans


def _sgml_date(value: str | list[str] | None) -> date | None:
    if not isinstance(value, str) or len(value) != 8:
        return None
    return date(int(value[:4]), int(value[4:6]), int(value[6:]))


def _gap(store: Store, *, run_id: str, ticker: str, target: str, reason: str) -> None:
    store.record_gap(
        GapRecord(
            run_id=run_id,
            agent=AGENT,
            target=target,
            reason=reason,
            ticker=ticker,
            created_at=datetime.now(UTC),
        )
    )
