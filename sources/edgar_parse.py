"""Pure parsers and URL helpers for SEC EDGAR: ticker map, submissions JSON, filing selection.

Nothing here does I/O; `edgar.py` fetches the bytes and hands them to these functions.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from typing import Any

from watchdesk.sources.errors import ParsingError, UnknownTickerError
from watchdesk.sources.models import CompanyRef, Filing, Submissions

TICKERS_URL = "https://www.sec.gov/files/company_tickers.json"
SUBMISSIONS_BASE = "https://data.sec.gov/submissions"
ARCHIVES_BASE = "https://www.sec.gov/Archives/edgar/data"

_ACCESSION = re.compile(r"^\d{10}-\d{2}-\d{6}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Words that say nothing about which company is meant; dropped before comparing names.
_NAME_NOISE = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "lp",
    "nv", "sa", "ag", "se", "holding", "holdings", "group", "the", "de",
})


# --- ticker map -------------------------------------------------------------------------------


_NOT_PRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]+")


def plain_name(name: str, *, limit: int = 120) -> str:
    """A company name as one short printable line: fetched text cannot draw lines in a prompt or a plan."""
    flat = " ".join(_NOT_PRINTABLE.sub(" ", name).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def parse_ticker_map(data: bytes) -> dict[str, CompanyRef]:
    """SEC company_tickers.json (or company_tickers_exchange.json) -> {TICKER: CompanyRef}."""
    raw = _load_json(data, what="ticker map")
    try:
        if isinstance(raw, dict) and "fields" in raw:  # company_tickers_exchange.json layout
            idx = {name: i for i, name in enumerate(raw["fields"])}
            rows = [(r[idx["ticker"]], r[idx["cik"]], r[idx["name"]]) for r in raw["data"]]
        else:
            rows = [(r["ticker"], r["cik_str"], r["title"]) for r in raw.values()]
        refs = (CompanyRef(ticker=str(t).strip().upper(), cik=int(c), name=plain_name(str(n))) for t, c, n in rows)
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ParsingError(f"ticker map is not in SEC's company_tickers.json layout: {err!r}") from err
    out: dict[str, CompanyRef] = {}
    for ref in refs:
        out.setdefault(ref.ticker, ref)  # SEC lists the main listing first; keep it
    return out


def is_accession(value: object) -> bool:
    """Whether `value` is an accession number as SEC writes it ("0001045810-25-000023"), and nothing more."""
    return isinstance(value, str) and _ACCESSION.fullmatch(value) is not None


def normalise_ticker(ticker: str) -> str:
    # SEC writes share classes with a dash (BRK-B); people often type BRK.B or BRK/B.
    return re.sub(r"[./ ]", "-", ticker.strip().upper())


def resolve_ticker(ticker: str, ticker_map: Mapping[str, CompanyRef]) -> CompanyRef:
    """The CompanyRef for `ticker`, or UnknownTickerError with close suggestions."""
    ref = ticker_map.get(normalise_ticker(ticker))
    if ref is None:
        raise UnknownTickerError(ticker, suggest_tickers(ticker, ticker_map))
    return ref


def _name_words(name: str) -> list[str]:
    return re.sub(r"[^a-z0-9 ]+", " ", name.lower().replace("&", " ")).split()


def swapped_tickers(ticker: str, known: Collection[str]) -> list[str]:
    """Known tickers that are `ticker` with two neighbouring letters swapped (Damerau distance 1): "ASLM" -> ASML,
    the typo a close-match ratio ranks behind SLM and SLAM, or misses ("TMS" -> TSM). Suggested first, in the order
    of `known` (SEC's map lists the largest companies first: ASML before SALM)."""
    query = normalise_ticker(ticker)
    swaps = {query[:i] + query[i + 1] + query[i] + query[i + 2 :] for i in range(len(query) - 1)} - {query}
    return [t for t in known if t in swaps]


def suggest_tickers(ticker: str, ticker_map: Mapping[str, CompanyRef], *, n: int = 3) -> list[str]:
    """Up to `n` tickers close to `ticker` by symbol, by company name or by name initials; of two as close, the one
    SEC's map lists first (the larger company)."""
    query = normalise_ticker(ticker)
    scores = {t: difflib.SequenceMatcher(None, query, t).ratio()
              for t in difflib.get_close_matches(query, list(ticker_map), n=n * 3, cutoff=0.6)}
    for tick, score in _name_scores(ticker, ticker_map, n=n * 3).items():
        scores[tick] = max(score, scores.get(tick, 0.0))
    swapped = swapped_tickers(ticker, ticker_map)
    # a tie goes to the larger company, listed first in SEC's map: "APPL" is AAPL before PAPL, "NVDAXX" NVDA before VAXX
    place = {t: i for i, t in enumerate(ticker_map) if t in scores}
    ranked = swapped + [t for t in sorted(scores, key=lambda t: (-scores[t], place[t])) if t not in swapped]
    seen_ciks: set[int] = set()
    out: list[str] = []
    for tick in ranked:
        if ticker_map[tick].cik not in seen_ciks:  # GOOG and GOOGL are one company: suggest it once
            seen_ciks.add(ticker_map[tick].cik)
            out.append(tick)
    return out[:n]


def _name_scores(typed: str, ticker_map: Mapping[str, CompanyRef], *, n: int) -> dict[str, float]:
    """Tickers whose company name resembles what was typed ("nvidia", "Taiwan Semiconductor", "TSMC")."""
    query = " ".join(w for w in _name_words(typed) if w not in _NAME_NOISE)
    if not query:
        return {}
    scores: dict[str, float] = {}
    by_name: dict[str, str] = {}
    for ref in ticker_map.values():
        words = _name_words(ref.name)
        name = " ".join(w for w in words if w not in _NAME_NOISE)
        by_name.setdefault(name, ref.ticker)
        initials = "".join(w[0] for w in words if w != "the")
        if len(query) >= 4 and f"{name} ".startswith(f"{query} "):
            scores[ref.ticker] = 0.95
        # "TSMC" = Taiwan Semiconductor Manufacturing Co (Ltd): any initials prefix of 3+ letters.
        elif len(query) >= 3 and initials.startswith(query.replace(" ", "")):
            scores.setdefault(ref.ticker, 0.9)
    for name in difflib.get_close_matches(query, list(by_name), n=n, cutoff=0.75):
        tick = by_name[name]
        scores[tick] = max(difflib.SequenceMatcher(None, query, name).ratio(), scores.get(tick, 0.0))
    return scores


# --- submissions ------------------------------------------------------------------------------


def _load_json(data: bytes, *, what: str) -> Any:
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as err:
        head = data[:60].decode("utf-8", errors="replace")
        raise ParsingError(f"{what} is not valid JSON ({err}); body starts {head!r}") from err


def _parse_date(value: str, *, field: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as err:
        raise ParsingError(f"submissions: bad {field} {value!r}") from err


def _filings_from_columns(cols: Mapping[str, Any], *, cik: int) -> tuple[Filing, ...]:
    """Columnar arrays (accessionNumber[], form[], ...) -> Filing rows, newest first as listed."""
    try:
        accessions, forms = cols["accessionNumber"], cols["form"]
        filed, primary = cols["filingDate"], cols["primaryDocument"]
    except (KeyError, TypeError) as err:
        raise ParsingError(f"submissions: missing column {err}; is this a submissions JSON?") from err
    count = len(accessions)
    blank = [""] * count
    reports, items = cols.get("reportDate", blank), cols.get("items", blank)
    descs, sizes = cols.get("primaryDocDescription", blank), cols.get("size", [0] * count)
    columns = (accessions, forms, filed, primary, reports, items, descs, sizes)
    if any(len(c) != count for c in columns):
        raise ParsingError("submissions: columns have different lengths; the JSON is truncated")
    parse_day = date.fromisoformat
    try:
        return tuple(
            Filing(cik=cik, accession=acc, form=form, filing_date=parse_day(fd),
                   report_date=parse_day(rd) if rd else None, primary_document=doc,
                   items=tuple(i.strip() for i in it.split(",") if i.strip()) if it else (),
                   description=desc or "", size=int(size or 0))
            for acc, form, fd, doc, rd, it, desc, size in zip(*columns, strict=True)
        )
    except (TypeError, ValueError) as err:
        raise ParsingError(f"submissions: bad value in a filing row ({err})") from err


def parse_submissions(data: bytes, *, cik: int | None = None) -> Submissions:
    """A data.sec.gov submissions JSON, main file or older `-submissions-NNN` page.

    Older pages carry no company header, so their CIK must be passed as `cik`.
    """
    raw = _load_json(data, what="submissions")
    if not isinstance(raw, dict):
        raise ParsingError("submissions: expected a JSON object at top level")
    if "filings" not in raw:  # older page: the columns sit at top level
        if cik is None:
            raise ParsingError("submissions: an older page has no CIK; pass cik= (the company's CIK)")
        return Submissions(cik=cik, name="", tickers=(), filings=_filings_from_columns(raw, cik=cik))
    try:
        own_cik = int(raw["cik"])
        recent, files = raw["filings"]["recent"], raw["filings"].get("files", [])
        older = tuple(str(f["name"]) for f in files)
    except (KeyError, TypeError, ValueError) as err:
        raise ParsingError(f"submissions: missing or bad key {err} in the company header") from err
    return Submissions(
        cik=own_cik,
        name=str(raw.get("name") or ""),
        tickers=tuple(str(t) for t in raw.get("tickers") or ()),
        filings=_filings_from_columns(recent, cik=own_cik),
        older_pages=older,
    )


def merge_submissions(main: Submissions, pages: Iterable[Submissions]) -> Submissions:
    """`main` with the filings of its older pages appended; no accession appears twice."""
    seen: set[str] = set()
    merged: list[Filing] = []
    for filing in (f for sub in (main, *pages) for f in sub.filings):
        if filing.accession not in seen:
            seen.add(filing.accession)
            merged.append(filing)
    merged.sort(key=lambda f: f.filing_date, reverse=True)  # stable: keeps SEC's order within a day
    return Submissions(cik=main.cik, name=main.name, tickers=main.tickers,
                       filings=tuple(merged), older_pages=main.older_pages, replayed=main.replayed,
                       served_on=main.served_on)


# --- selection --------------------------------------------------------------------------------


def _form_matcher(forms: Collection[str] | None, *, include_amendments: bool) -> Any:
    wanted = {f.strip().upper() for f in forms} if forms is not None else None

    def matches(form: str) -> bool:
        form = form.upper()
        is_amendment = form.endswith("/A")
        if wanted is None:
            return include_amendments or not is_amendment
        if form in wanted:  # an explicitly named "10-K/A" is always wanted
            return True
        return include_amendments and is_amendment and form[:-2] in wanted

    return matches


def _apply_cursor(filings: list[Filing], after: str) -> list[Filing]:
    """Keep what is newer than the cursor; `filings` is newest first."""
    cursor = after.strip()
    if _ISO_DATE.fullmatch(cursor):
        day = _parse_date(cursor, field="cursor date")
        return [f for f in filings if f.filing_date > day]
    if _ACCESSION.fullmatch(cursor):
        for i, filing in enumerate(filings):
            if filing.accession == cursor:
                return filings[:i]
        raise ValueError(
            f"cursor {cursor} is not among these filings: fetch with follow_older=True or use a date cursor"
        )
    raise ValueError(f"cursor {after!r} is neither an accession number (0001045810-25-000023) nor a date")


def select_filings(
    filings: Iterable[Filing],
    *,
    forms: Collection[str] | None,
    since: date | None,
    until: date | None,
    after: str | None = None,
    limit_per_form: int | None = None,
    include_amendments: bool = True,
) -> list[Filing]:
    """Filings that match, newest first.

    `since`/`until` bound the filing date, both inclusive. `after` is a cursor: an ISO date keeps
    filings filed strictly later; an accession number keeps the filings listed before it (newer)
    in the newest-first order, and raises ValueError when it is not in `filings`. The cursor is
    applied before the form filter, so any filing of the company can serve as one.
    Filings of the same day keep their input order, which for SEC listings is newest first.
    `limit_per_form` counts each form string on its own (a 10-K/A does not use up the 10-K slot).
    """
    ordered = sorted(filings, key=lambda f: f.filing_date, reverse=True)  # stable within a day
    if after:
        ordered = _apply_cursor(ordered, after)
    matches = _form_matcher(forms, include_amendments=include_amendments)
    counts: dict[str, int] = {}
    out: list[Filing] = []
    for filing in ordered:
        if (since and filing.filing_date < since) or (until and filing.filing_date > until):
            continue
        if not matches(filing.form):
            continue
        if limit_per_form is not None:
            if counts.get(filing.form, 0) >= limit_per_form:
                continue
            counts[filing.form] = counts.get(filing.form, 0) + 1
        out.append(filing)
    return out


# --- URLs -------------------------------------------------------------------------------------


def _dashed(accession: str) -> str:
    digits = accession.replace("-", "")
    if len(digits) != 18 or not digits.isdigit():
        raise ValueError(f"bad accession number {accession!r}: expected 0001045810-25-000023")
    return f"{digits[:10]}-{digits[10:12]}-{digits[12:]}"


def submissions_url(cik: int) -> str:
    return f"{SUBMISSIONS_BASE}/CIK{int(cik):010d}.json"


def older_page_url(name: str) -> str:
    """URL of an older submissions page named in `filings.files` (CIK##########-submissions-001.json)."""
    return f"{SUBMISSIONS_BASE}/{name}"


def archive_url(cik: int, accession: str, filename: str) -> str:
    return f"{ARCHIVES_BASE}/{int(cik)}/{_dashed(accession).replace('-', '')}/{filename}"


def full_submission_url(cik: int, accession: str) -> str:
    return archive_url(cik, accession, f"{_dashed(accession)}.txt")


def filing_index_url(cik: int, accession: str) -> str:
    return archive_url(cik, accession, f"{_dashed(accession)}-index.html")
