"""Filings agent: list a company's EDGAR filings, fetch the new ones, store them as clean text.

Per-filing failures become gaps; the agent never aborts the whole ticker for one bad document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from watchdesk.agents.bugs import audit_bug
from watchdesk.agents.filing_identity import Owner, check_company
from watchdesk.agents.filing_spans import SECTIONED, Labelled, with_spans
from watchdesk.agents.filings_compare import COMPARE_VERSION, StoredPair, compare_stored, previous_filing
from watchdesk.agents.flagging.topics import TopicLibrary
from watchdesk.sources import edgar, edgar_parse, sgml
from watchdesk.sources.errors import ParsingError, ResponseTooLargeError, TransportError, WatchdeskError
from watchdesk.sources.filing_items import exhibit_title
from watchdesk.sources.html_emphasis import read_html
from watchdesk.sources.html_text import html_to_text
from watchdesk.sources.models import CompanyRef, Fetcher, Filing, SubmissionDocument, Submissions
from watchdesk.sources.six_k import SixKKind, classify_6k
from watchdesk.sources.text_bytes import check_complete_html, check_text, to_utf8
from watchdesk.store.records import DocumentRecord, GapRecord, ReadCutRecord
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
    # 6-Ks worth a document: results and management reports; notices and monthly revenue only when asked.
    six_k_kinds: tuple[SixKKind, ...] = ("earnings_release", "management_report")
    compare_previous: bool = True  # a new 10-K, 10-Q or 20-F is compared with the one before it
    topics: TopicLibrary | None = None  # what compared changes are tagged with (None: every shipped topic)
    # the gateway's size cap in force (WATCHDESK_HTTP_MAX_MB, in bytes): a comparison an earlier run left because the
    # previous filing passed a smaller cap is made again (None: not known, never made again)
    http_max_bytes: int | None = None
    # where SEC's ticker map lists a symbol its CIK's listing does not hold (filing_identity): None, not checked
    owner: Owner | None = None


@dataclass(kw_only=True)
class FilingsResult:
    ticker: str
    listed: int = 0
    skipped: int = 0
    new_doc_ids: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    six_k: dict[str, SixKKind] = field(default_factory=dict)  # every 6-K in the window: accession -> kind
    compared: list[str] = field(default_factory=list)  # "new_doc_id vs old_doc_id" per comparison stored
    notes: list[str] = field(default_factory=list)  # what the listing says of the company (a ticker changed)


def window(*, as_of: date, lookback_days: int, since: date | None, until: date | None) -> tuple[date, date]:
    """The filing-date window a run looks at: explicit dates win over the lookback."""
    end = until or as_of
    return since or end - timedelta(days=lookback_days), end


def collect(req: FilingsRequest, *, fetcher: Fetcher, store: Store, run_id: str) -> FilingsResult:
    """Fetch and store every filing in the request (its window, limit and accessions) that is not stored yet."""
    ticker = req.company.ticker
    result = FilingsResult(ticker=ticker)
    listing: dict[str, Filing] = {}
    chosen = list_new_filings(req, fetcher=fetcher, store=store, run_id=run_id, six_k=result.six_k, listing=listing,
                              gaps=result.gaps, notes=result.notes)
    result.listed = len(chosen)
    known = store.known_accessions([f.accession for f in chosen] + list(req.accessions))
    listed: list[Filing | str] = [f for f in reversed(chosen) if f.accession not in known]  # oldest first
    # An accession asked for by number is fetched as its listing row says (primary document or full
    # submission); one the listing does not show is fetched as its full submission.
    asked = [listing.get(a, a) for a in req.accessions if a not in known and a not in {f.accession for f in chosen}]
    todo = listed + asked
    # over the policy's cap the newest filings listed are kept (as transcripts keep the newest calls), then those
    # asked for by number; what is kept is still stored oldest first
    over = [*reversed(listed), *asked][req.max_documents :]
    # an accession both asked for and listed in the window is one filing, stored or not
    result.skipped = len(({f.accession for f in chosen} | set(req.accessions)) & known)
    fresh: dict[str, tuple[Filing, bytes]] = {}  # sectioned primary documents stored now, to compare
    for item in todo:
        target = item if isinstance(item, str) else f"{item.form} {item.accession}"
        if item in over:
            reason = f"over the policy's max_documents_per_run ({req.max_documents}); the newest were stored"
        else:
            try:
                pending: dict[str, tuple[Filing, bytes]] = {}
                docs = _fetch(item, req=req, fetcher=fetcher, run_id=run_id, keep=pending)
                # A filing's documents are stored together. No cursor is kept: what is stored (by accession) and the
                # window decide what a run fetches, and a failed filing, not stored, is fetched by the next run.
                result.new_doc_ids += store.save_documents(docs)
                fresh.update(pending)
                continue
            except WatchdeskError as exc:
                reason = str(exc)
            except Exception as exc:  # a bug on one odd document: its gap, audited as a failure; the others go on
                reason = _bug(store, exc, run_id=run_id, target=target, doing=f" reading {_fetched_name(item)}")
        day = None if isinstance(item, str) else item.filing_date
        _gap(store, run_id=run_id, ticker=ticker, target=target, reason=reason, gaps=result.gaps, days=(day, day))
    if req.compare_previous:
        fresh |= _stored_uncompared(req, listing=listing, fresh=fresh, fetcher=fetcher, store=store, run_id=run_id,
                                    gaps=result.gaps)  # fmt: skip
        for doc_id, (filing, body) in fresh.items():
            _compare_previous(
                filing,
                doc_id,
                body,
                listing=list(listing.values()),
                req=req,
                fetcher=fetcher,
                store=store,
                run_id=run_id,
                result=result,
            )
    return result


def list_new_filings(
    req: FilingsRequest,
    *,
    fetcher: Fetcher,
    store: Store,
    run_id: str,
    six_k: dict[str, SixKKind] | None = None,
    listing: dict[str, Filing] | None = None,
    gaps: list[str] | None = None,
    notes: list[str] | None = None,
) -> list[Filing]:
    """The filings in the window (the newest limit_per_form of each form), newest first; 6-Ks only of the
    kinds asked for (every 6-K's kind goes into `six_k`). Forms not asked for (3, 4, 5) are never chosen. Raises
    OtherCompanyError when the listing is another company's than the symbol's (filing_identity)."""
    subs = edgar.fetch_submissions(fetcher, req.company.cik, agent=AGENT, run_id=run_id)
    if (note := check_company(req.company, subs, owner=req.owner)) and notes is not None:
        notes.append(note)
    oldest = min((f.filing_date for f in subs.filings), default=None)
    if subs.older_pages and (oldest is None or req.since < oldest):
        # The recent page holds about 1,000 filings; a window reaching further back needs the older pages.
        try:
            subs = edgar.with_older_pages(fetcher, subs, agent=AGENT, run_id=run_id)
        except WatchdeskError as exc:  # the newest page still serves: say what the window misses
            target, reason = f"older filings of CIK {req.company.cik}", f"filings before {oldest} not listed: {exc}"
            unlisted = (req.since, oldest - timedelta(days=1)) if oldest else (req.since, req.until)
            _gap(store, run_id=run_id, ticker=req.company.ticker, target=target, reason=reason, gaps=gaps,
                 days=unlisted)  # fmt: skip
    if listing is not None:
        listing.update((f.accession, f) for f in subs.filings)
    kinds = _six_k_kinds(subs.filings, req=req)
    if six_k is not None:
        six_k.update(kinds)
    pool = [f for f in subs.filings if f.accession not in kinds or kinds[f.accession] in req.six_k_kinds]
    chosen: dict[str, Filing] = {}
    cut: list[date] = []  # per form the limit cut: the day before the oldest filing it kept
    # Chosen by this run's window and limit alone, never after the form's cursor: the cursor is the store's, moved
    # by whichever run (or watchlist) read furthest, and a wider window or a raised limit must still reach the
    # filings before it. What is stored already is not fetched again (collect leaves out known accessions).
    for form in req.forms:
        picked = _select(pool, form=form, req=req)
        chosen.update((f.accession, f) for f in picked)
        cut += _cut_before(picked, _select(pool, form=form, req=req, limit=False))
    limit_cut = max(cut) if cut and req.limit_per_form is not None else None
    _read_cuts(store, req, run_id=run_id, limit_cut=limit_cut, age=listing_age(subs),
               left_out=[f for f in subs.filings if kinds.get(f.accession, "") not in ("", *req.six_k_kinds)])
    return sorted(chosen.values(), key=lambda f: f.filing_date, reverse=True)


def _cut_before(picked: Sequence[Filing], listed: Sequence[Filing]) -> list[date]:
    """Per form string the limit left filings of (it counts each on its own), the day before the oldest it kept."""
    kept = {f.accession for f in picked}
    forms = {f.form for f in listed if f.accession not in kept}
    return [min(f.filing_date for f in picked if f.form == form) - timedelta(days=1) for form in forms]


def _read_cuts(
    store: Store,
    req: FilingsRequest,
    *,
    run_id: str,
    limit_cut: date | None,
    left_out: Sequence[Filing],
    age: tuple[date, str] | None = None,
) -> None:
    """The days the watchlist's own choices left unread, stored as read coverage, not as gaps: a limit or a kind of
    6-K not read is the watchlist's choice, not a failure, so the run is not partial and nothing is listed under Gaps.
    `limit_cut`: the last day before the oldest filing limit_per_form kept; `left_out`: the 6-Ks of kinds not read;
    `age`: of a replayed listing, the first day it cannot hold all of, and why (listing_age): no failure either."""
    now, ticker = datetime.now(UTC), req.company.ticker
    cuts = []
    unknown_from = age[0] if age is not None and age[0] <= req.until else None
    if age is not None and unknown_from is not None:
        cuts.append(ReadCutRecord(run_id=run_id, agent=AGENT, ticker=ticker, unread_from=max(unknown_from, req.since),
                                  unread_to=req.until, reason=age[1], created_at=now))  # fmt: skip
    if limit_cut is not None:
        n = req.limit_per_form or 0
        newest = "the newest filing" if n == 1 else f"the newest {n} filings"
        cuts.append(ReadCutRecord(run_id=run_id, agent=AGENT, ticker=ticker, unread_from=req.since,
                                  unread_to=limit_cut, reason=f"read only {newest} of each form (limit_per_form = {n})",
                                  created_at=now))  # fmt: skip
    reason = "left out the 6-Ks it filed other than results and management reports (monthly revenue, notices)"
    # a 6-K's day the limit or the listing's age already leaves unknown is said once (one cut a first day)
    days = sorted({f.filing_date for f in left_out if (limit_cut is None or f.filing_date > limit_cut)
                   and (unknown_from is None or f.filing_date < unknown_from)})  # fmt: skip
    if any(_base_form(form) == "6-K" for form in req.forms):
        cuts += [ReadCutRecord(run_id=run_id, agent=AGENT, ticker=ticker, unread_from=day, unread_to=day,
                               reason=reason, created_at=now) for day in days]  # fmt: skip
    store.replace_read_cuts(run_id=run_id, agent=AGENT, ticker=ticker, cuts=cuts)


def listing_age(subs: Submissions) -> tuple[date, str] | None:
    """Of a replayed listing, the first day it cannot hold all the filings of, and why: the day it was served (a
    filing later that day is not in it), else, recorded without its Date, the day after its newest filing. None for
    a live listing, which is today's."""
    if not subs.replayed:
        return None
    if subs.served_on is not None:
        day = subs.served_on.isoformat()
        return subs.served_on, f"replayed a listing served on {day}, which holds no filing made after it"
    newest = max((f.filing_date for f in subs.filings), default=None)
    if newest is None:
        return None
    return newest + timedelta(days=1), (f"replayed a listing recorded without its date, whose newest filing is of "
                                        f"{newest.isoformat()}: later ones are not known")


def _six_k_kinds(listed: Sequence[Filing], *, req: FilingsRequest) -> dict[str, SixKKind]:
    in_window = (f for f in listed if _base_form(f.form) == "6-K" and req.since <= f.filing_date <= req.until)
    return {
        f.accession: classify_6k(description=f.description, filename=f.primary_document, size=f.size,
                                 report_date=f.report_date, filing_date=f.filing_date).kind
        for f in in_window
    }


def _select(filings: Sequence[Filing], *, form: str, req: FilingsRequest, limit: bool = True) -> list[Filing]:
    return edgar_parse.select_filings(filings, forms=[form], since=req.since, until=req.until,
                                      limit_per_form=req.limit_per_form if limit else None)  # fmt: skip


def _base_form(form: str) -> str:
    return form.upper().removesuffix("/A")


def _fetch(
    item: Filing | str,
    *,
    req: FilingsRequest,
    fetcher: Fetcher,
    run_id: str,
    keep: dict[str, tuple[Filing, bytes]] | None = None,
) -> list[Labelled]:
    """A filing's documents with their spans, ready to be stored together (sectioned primaries also in `keep`)."""
    cik = req.company.cik
    if isinstance(item, str) or _with_exhibits(item):
        accession = item if isinstance(item, str) else item.accession
        raw = edgar.fetch_full_submission(fetcher, cik, accession, agent=AGENT, run_id=run_id)
        with edgar.forgotten_if_rejected(fetcher, edgar_parse.full_submission_url(cik, accession)):
            check_text(raw, origin=f"{accession}.txt", expected="an EDGAR full submission")
            header, docs = sgml.parse_full_submission(raw)
        return _submission(header, docs, req=req, accession=accession, run_id=run_id)
    body = edgar.fetch_document(fetcher, cik, item.accession, item.primary_document, agent=AGENT, run_id=run_id)
    with edgar.forgotten_if_rejected(fetcher, edgar_parse.archive_url(cik, item.accession, item.primary_document)):
        _check_whole(body, origin=item.primary_document)
    record = _primary_record(req, item, body, run_id=run_id)
    if keep is not None and _base_form(item.form) in SECTIONED:
        keep[record.doc_id] = (item, body)
    return [with_spans(record, html=body)]


def _with_exhibits(filing: Filing) -> bool:
    """Is the filing read from its full submission (.txt, exhibits included) rather than its primary document?"""
    return filing.form.split("/")[0] in _WITH_EXHIBITS


def _fetched_name(item: Filing | str) -> str:
    """The file a filing is read from, as a gap names it (an accession asked for by number: its full submission)."""
    if isinstance(item, str):
        return f"{item}.txt"
    return f"{item.accession}.txt" if _with_exhibits(item) else item.primary_document


def _check_whole(body: bytes, *, origin: str) -> None:
    """ParsingError for a primary document that is binary, empty or cut short: stored, it would read as the
    whole filing, so no later run would fetch it again."""
    check_text(to_utf8(body, origin=origin), origin=origin, expected="a filing's HTML or text")
    if not body.strip():
        raise ParsingError(f"{origin}: the document is empty")
    check_complete_html(body, origin=origin)


def _primary_record(req: FilingsRequest, item: Filing, body: bytes, *, run_id: str | None) -> DocumentRecord:
    cik = req.company.cik
    return _record(
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
    kind = ""
    if form.upper().startswith("6-K"):  # the exhibits' own descriptions say best what a 6-K carries
        found = classify_6k(exhibits=[d.description for d in docs], filename=docs[0].filename if docs else "")
        kind = found.label if found.kind != "other" else ""
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
            description=f"{kind}: {doc.description}" if kind and doc.description else kind or doc.description,
        )
        out.append(with_spans(record, html=doc.body, title=exhibit_title(doc, default="")))
        parent = parent or record.doc_id
    return out


def _record(req: FilingsRequest, *, url: str, body: bytes, description: str = "", **fields: object) -> DocumentRecord:
    filename = str(fields.get("filename") or "")
    is_html = filename.lower().endswith((".htm", ".html")) or body.lstrip()[:1] == b"<"
    doc_type = str(fields.get("doc_type") or "")
    # a 10-K's, 10-Q's or 20-F's headings are read next (with_spans): its text and emphasis from one parse
    reader = (lambda b: read_html(b).text) if _base_form(doc_type) in SECTIONED else html_to_text
    text = reader(body) if is_html else body.decode("utf-8", errors="replace")
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
    """A date of a full submission's header (YYYYMMDD); ParsingError, a gap of the filing, when it is none."""
    if not isinstance(value, str) or len(value) != 8:
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError as exc:  # "20261306", or no digits
        raise ParsingError(f"{value!r} in the filing's SGML header is not a date ({exc})") from exc


def _gap(
    store: Store,
    *,
    run_id: str,
    ticker: str,
    target: str,
    reason: str,
    gaps: list[str] | None = None,
    days: tuple[date | None, date | None] = (None, None),
) -> None:
    """A gap of the ticker's filings stored, and said in `gaps` (the step's result) as "target: reason"; `days`: the
    days it leaves unread (a filing: its filing date), None if unknown."""
    if gaps is not None:
        gaps.append(f"{target}: {reason}")
    store.record_gap(
        GapRecord(
            run_id=run_id,
            agent=AGENT,
            target=target,
            reason=reason,
            ticker=ticker,
            created_at=datetime.now(UTC),
            unread_from=days[0],
            unread_to=days[1],
        )
    )


def _bug(store: Store, exc: Exception, *, run_id: str, target: str, doing: str) -> str:
    """A bug met on one filing: audited as a failed action, so the run exits 1 while its other filings are stored."""
    return audit_bug(store, exc, agent=AGENT, action="filing", run_id=run_id, target=target, doing=doing)


def _compare_previous(
    filing: Filing,
    doc_id: str,
    body: bytes,
    *,
    listing: Sequence[Filing],
    req: FilingsRequest,
    fetcher: Fetcher,
    store: Store,
    run_id: str,
    result: FilingsResult,
) -> None:
    """Store the previous filing of the kind if missing (one fetch), compare, store the changes; a failure is a gap."""
    prev = previous_filing(listing, filing)
    if prev is None:
        return
    cik, ticker = req.company.cik, req.company.ticker
    try:
        old_body = edgar.fetch_document(fetcher, cik, prev.accession, prev.primary_document, agent=AGENT, run_id=run_id)
        _check_whole(old_body, origin=prev.primary_document)
        # Reference, not news: without this run's id the briefing does not quote last year's filing as new.
        old = _primary_record(req, prev, old_body, run_id=None)
        if prev.accession not in store.known_accessions([prev.accession]):
            store.save_documents([with_spans(old, html=old_body)])
        pair = StoredPair(old_doc_id=old.doc_id, old_body=old_body, new_doc_id=doc_id, new_body=body)
        diff = compare_stored(store, pair, form=_base_form(filing.form), ticker=ticker, library=req.topics,
                              run_id=run_id)  # fmt: skip
        if not any(s.present for s in diff.sections):
            # nothing to compare is said, once: with no row stored, every later run would fetch both again
            raise ParsingError("no section (risk factors, MD&A) was found in both filings")
    except Exception as exc:  # a bug comparing one pair is that comparison's gap too; the other filings go on
        # A gap "... with PREVIOUS" settles the comparison for good (_stored_uncompared): a filing not found or not
        # parsed. A bug's does not (the next run compares the filing again, as the run's exit message says), nor does
        # a failure of the network, which the next run's fetch may not meet.
        settled = isinstance(exc, WatchdeskError) and not _transient(exc)
        target = f"compare {filing.form} {filing.accession}" + (f" with {prev.accession}" if settled else "")
        reason = str(exc) if isinstance(exc, WatchdeskError) else _bug(
            store, exc, run_id=run_id, target=target, doing=f" comparing {filing.primary_document}")
        if _transient(exc):
            reason += "; the next run tries the comparison again"
        elif isinstance(exc, ResponseTooLargeError):
            reason += f"; a run with {exc.SETTING} raised past its size compares them"
        _gap(store, run_id=run_id, ticker=ticker, target=target, reason=reason, gaps=result.gaps,
             days=(filing.filing_date, filing.filing_date))  # fmt: skip
        return
    result.compared.append(f"{doc_id} vs {old.doc_id}")


def _transient(exc: Exception) -> bool:
    """A failure of the network (timeout, 5xx, 429) after the gateway's retries: not a 404, nor a replay pack's miss,
    nor a body over the size cap (the next run would meet the same cap, after downloading up to it again)."""
    return isinstance(exc, TransportError) and not isinstance(exc, LookupError | ResponseTooLargeError)


def _under_cap(gap: str) -> str:
    """SQL: the gap's filing passed a size cap smaller than the one now in force (the parameter; NULL: unknown), as
    ResponseTooLargeError says it ("... the cap of 2,621,440 bytes (WATCHDESK_HTTP_MAX_MB=2.5) ...")."""
    cap = rf"regexp_extract({gap}.reason, '(?:passed|over) the cap of ([0-9,]+) bytes', 1)"
    return f"TRY_CAST(replace({cap}, ',', '') AS BIGINT) < ?"


def _stored_uncompared(
    req: FilingsRequest,
    *,
    listing: dict[str, Filing],
    fresh: dict[str, tuple[Filing, bytes]],
    fetcher: Fetcher,
    store: Store,
    run_id: str,
    gaps: list[str],
) -> dict[str, tuple[Filing, bytes]]:
    """Filings stored by a run killed before it compared them, and so never compared: fetched again to compare them
    now. This run's own (resumed with `watchdesk approve`), or those of a run that never finished (interrupted,
    failed, abandoned): a new `watchdesk run` finds them already stored (not fetched again), so without this their
    comparison would never be made. Also the newest stored filing of each form, when a run stored it with the
    comparison turned off (`compare_previous = false`) and it is now on, or compared by an older way of comparing
    (COMPARE_VERSION). A reference filing (stored by a comparison, no run) and one whose comparison left a gap in any
    run (a filing not found or not parsed; not the network's failure, nor a bug; nor a previous filing over a size cap
    smaller than this run's, `http_max_bytes`) are not taken again, as a filing
    compared when first stored is never compared again (unless the way changes). One that cannot be fetched waits
    for a later run; one whose reading meets a bug is a gap (in `gaps`), audited as a failure, and is tried again by
    the next run; the others are compared."""
    rows = store.query(
        f"""
        SELECT d.doc_id, d.accession FROM documents d
        WHERE d.ticker = ? AND d.parent_doc_id IS NULL AND upper(replace(d.form, '/A', '')) IN ('10-K', '10-Q', '20-F')
          AND (d.run_id = ? OR d.run_id IN (SELECT r.run_id FROM runs r WHERE r.status <> 'done')
               OR d.doc_id IN (SELECT n.doc_id FROM documents n
                               WHERE n.ticker = d.ticker AND n.parent_doc_id IS NULL AND n.run_id IS NOT NULL
                               QUALIFY row_number() OVER (PARTITION BY upper(replace(n.form, '/A', ''))
                                                          ORDER BY n.filed_at DESC, n.accession DESC) = 1)
               -- a comparison a bug or the network stopped, whichever filing: tried again (its gap names no
               -- previous filing)
               OR EXISTS (SELECT 1 FROM gaps b WHERE b.ticker = d.ticker AND starts_with(b.target, 'compare ')
                          AND NOT contains(b.target, ' with ') AND ends_with(b.target, ' ' || d.accession))
               -- one whose previous filing passed a smaller size cap than this run's (ResponseTooLargeError)
               OR EXISTS (SELECT 1 FROM gaps b WHERE b.ticker = d.ticker AND starts_with(b.target, 'compare ')
                          AND contains(b.target, d.accession || ' with ') AND {_under_cap("b")}))
          -- not compared yet, or compared by an older way of comparing (migration 020): made again
          AND NOT EXISTS (SELECT 1 FROM filing_comparisons c
                          WHERE c.new_doc_id = d.doc_id AND coalesce(c.compare_version, 1) >= ?)
          -- a comparison settled by a gap is not made again, unless the previous filing passed a smaller size cap
          -- than this run's
          AND NOT EXISTS (SELECT 1 FROM gaps g
                          WHERE starts_with(g.target, 'compare ') AND contains(g.target, d.accession || ' with ')
                            AND NOT coalesce({_under_cap("g")}, false))
        """,
        [req.company.ticker, run_id, req.http_max_bytes, COMPARE_VERSION, req.http_max_bytes],
    )
    out: dict[str, tuple[Filing, bytes]] = {}
    for doc_id, accession in rows:
        filing = listing.get(accession)
        if doc_id in fresh or filing is None:
            continue
        try:
            if previous_filing(list(listing.values()), filing) is None:
                continue
            body = edgar.fetch_document(
                fetcher, req.company.cik, accession, filing.primary_document, agent=AGENT, run_id=run_id
            )
            _check_whole(body, origin=filing.primary_document)
        except WatchdeskError:
            continue  # the comparison waits for the next run that can fetch it
        except Exception as exc:  # a bug on one filing: its gap, audited as a failure; the others are compared
            # no "with PREVIOUS" in the target: a gap so named is a comparison made, and the next run could not retry
            target = f"compare {filing.form} {accession}"
            reason = _bug(store, exc, run_id=run_id, target=target,
                          doing=f" reading {filing.primary_document} again to compare it")  # fmt: skip
            _gap(store, run_id=run_id, ticker=req.company.ticker, target=target, reason=reason, gaps=gaps)
            continue
        out[doc_id] = (filing, body)
    return out
