"""Filings agent: list a company's EDGAR filings, fetch the new ones, store them as clean text.

Per-filing failures become gaps; the agent never aborts the whole ticker for one bad document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from watchdesk.sources import edgar, edgar_parse, sgml
from watchdesk.sources.errors import WatchdeskError
from watchdesk.sources.html_text import html_to_text
from watchdesk.sources.models import CompanyRef, Fetcher, Filing, SubmissionDocument
from watchdesk.store.records import DocumentRecord, GapRecord
from watchdesk.store.store import Store

AGENT = "filings"
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
    """Fetch and store every filing in the request that is not stored yet."""
    ticker = req.company.ticker
    result = FilingsResult(ticker=ticker)
    subs = edgar.fetch_submissions(fetcher, req.company.cik, agent=AGENT, run_id=run_id)
    chosen = edgar_parse.select_filings(
        subs.filings, forms=req.forms, since=req.since, until=req.until, limit_per_form=req.limit_per_form
    )
    result.listed = len(chosen)
    known = store.known_accessions([f.accession for f in chosen] + list(req.accessions))
    todo: list[Filing | str] = [f for f in chosen if f.accession not in known]
    todo += [a for a in req.accessions if a not in known and a not in {f.accession for f in chosen}]
    result.skipped = len(chosen) + len(req.accessions) - len(todo)
    for item in todo[: req.max_documents]:
        target = item if isinstance(item, str) else f"{item.form} {item.accession}"
        try:
            result.new_doc_ids += _fetch_and_store(item, req=req, fetcher=fetcher, store=store, run_id=run_id)
        except WatchdeskError as exc:
            _gap(store, run_id=run_id, ticker=ticker, target=target, reason=str(exc))
            result.gaps.append(f"{target}: {exc}")
    for item in todo[req.max_documents :]:
        target = item if isinstance(item, str) else f"{item.form} {item.accession}"
        _gap(
            store,
            run_id=run_id,
            ticker=ticker,
            target=target,
            reason="over the policy's max_documents_per_run",
        )
        result.gaps.append(f"{target}: over the document limit")
    return result


def _fetch_and_store(
    item: Filing | str, *, req: FilingsRequest, fetcher: Fetcher, store: Store, run_id: str
) -> list[str]:
    cik = req.company.cik
    if isinstance(item, str) or item.form.split("/")[0] in _WITH_EXHIBITS:
        accession = item if isinstance(item, str) else item.accession
        raw = edgar.fetch_full_submission(fetcher, cik, accession, agent=AGENT, run_id=run_id)
        header, docs = sgml.parse_full_submission(raw)
        return _store_submission(header, docs, req=req, accession=accession, store=store, run_id=run_id)
    body = edgar.fetch_document(
        fetcher, cik, item.accession, item.primary_document, agent=AGENT, run_id=run_id
    )
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
    store.upsert_document(record)
    store.set_cursor(ticker=req.company.ticker, source=f"edgar:{item.form}", value=item.accession)
    return [record.doc_id]


def _store_submission(
    header: dict[str, str | list[str]],
    docs: Sequence[SubmissionDocument],
    *,
    req: FilingsRequest,
    accession: str,
    store: Store,
    run_id: str,
) -> list[str]:
    form = str(header.get("CONFORMED SUBMISSION TYPE", docs[0].type if docs else ""))
    filed = _sgml_date(header.get("FILED AS OF DATE"))
    period = _sgml_date(header.get("CONFORMED PERIOD OF REPORT"))
    items = header.get("ITEM INFORMATION", [])
    wanted = [d for d in docs if d.sequence == 1 or _EXHIBITS.match(d.type.strip())]
    ids: list[str] = []
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
        ids.append(store.upsert_document(record))
        parent = parent or record.doc_id
    store.set_cursor(ticker=req.company.ticker, source=f"edgar:{form}", value=accession)
    return ids


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
