"""SEC EDGAR I/O through a Fetcher (the gateway): ticker map, submissions, archive documents.

Parsing lives in `edgar_parse` and `sgml`; this module only fetches and turns HTTP failures into
errors that say what to check.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache

from watchdesk.sources.edgar_parse import (
    TICKERS_URL,
    archive_url,
    filing_index_url,
    full_submission_url,
    merge_submissions,
    older_page_url,
    parse_submissions,
    parse_ticker_map,
    submissions_url,
)
from watchdesk.sources.errors import HTTPStatusError, NotFoundError, ParsingError
from watchdesk.sources.models import CompanyRef, Fetcher, HttpResult, Submissions


def _get(fetcher: Fetcher, url: str, *, agent: str, run_id: str | None, cache: bool, hint: str) -> bytes:
    """GET `url`; a 404 (raised or returned) becomes NotFoundError carrying `hint`."""
    return _answer(fetcher, url, agent=agent, run_id=run_id, cache=cache, hint=hint).body


def _answer(fetcher: Fetcher, url: str, *, agent: str, run_id: str | None, cache: bool, hint: str) -> HttpResult:
    try:
        result = fetcher.get(url, agent=agent, run_id=run_id, cache=cache)
    except NotFoundError as err:
        raise NotFoundError(url, 404, hint) from err
    if result.status == 404:
        raise NotFoundError(url, 404, hint)
    if result.status >= 400:  # a Fetcher should raise these itself; never parse an error page
        raise HTTPStatusError(url, result.status, "EDGAR answered with an error status")
    return result


@contextmanager
def forgotten_if_rejected(fetcher: Fetcher, url: str) -> Iterator[None]:
    """A ParsingError in the block (a body cut short, binary) drops `url` from the gateway's cache: otherwise every
    later run would read the same bad copy of a document that is cached for good. A Fetcher without a cache has
    nothing to drop."""
    try:
        yield
    except ParsingError:
        if callable(forget := getattr(fetcher, "forget", None)):
            forget(url)
        raise


# EDGAR dates filings by Eastern time; five hours behind UTC is never later than New York's day (EST; EDT is four),
# so no filing the listing could not hold is counted as in it, with no time-zone database needed
_EASTERN = timedelta(hours=-5)


def served_on(headers: Mapping[str, str]) -> date | None:
    """EDGAR's (Eastern-time) day an answer was served, from its HTTP Date header (a replay pack keeps it); None
    without one. "Mon, 08 Jun 2026 01:14:09 GMT" was still 2026-06-07 in New York."""
    value = next((v for k, v in headers.items() if k.lower() == "date"), None)
    try:
        return (parsedate_to_datetime(value).astimezone(UTC) + _EASTERN).date() if value else None
    except (TypeError, ValueError):
        return None


def fetch_ticker_map(fetcher: Fetcher, *, agent: str, run_id: str | None = None) -> dict[str, CompanyRef]:
    """SEC's ticker -> company map. Not cached: new listings appear in it every day; the same body fetched again
    (another run in this process: a notebook's, a replayed pack's) is not parsed again."""
    body = _get(fetcher, TICKERS_URL, agent=agent, run_id=run_id, cache=False,
                hint="SEC's company_tickers.json moved; check TICKERS_URL")
    return dict(_parsed_ticker_map(body))  # a copy: a caller may change its map


@lru_cache(maxsize=1)
def _parsed_ticker_map(body: bytes) -> dict[str, CompanyRef]:
    """parse_ticker_map of the last body fetched (~0.06 s of CPU for SEC's 10,000 tickers; its refs are frozen)."""
    return parse_ticker_map(body)


def fetch_submissions(
    fetcher: Fetcher, cik: int, *, agent: str, run_id: str | None = None, follow_older: bool = False
) -> Submissions:
    """A company's filings listing; with follow_older, its older pages merged in (newest first).

    Never cached: the listing changes with every new filing.
    """
    answer = _answer(fetcher, submissions_url(cik), agent=agent, run_id=run_id, cache=False,
                     hint=f"no EDGAR submissions for CIK {cik}: check the CIK")
    # a replayed listing knows no filing after it was recorded; a live one is today's
    replayed = answer.from_replay
    main = replace(parse_submissions(answer.body), replayed=replayed,
                   served_on=served_on(answer.headers) if replayed else None)
    if not follow_older or not main.older_pages:
        return main
    return with_older_pages(fetcher, main, agent=agent, run_id=run_id)


def with_older_pages(fetcher: Fetcher, main: Submissions, *, agent: str, run_id: str | None = None) -> Submissions:
    """`main` merged with its older pages (`filings.files`), fetched now."""
    pages = [
        parse_submissions(
            _get(fetcher, older_page_url(name), agent=agent, run_id=run_id, cache=False,
                 hint=f"older submissions page {name} for CIK {main.cik} is gone: retry without follow_older"),
            cik=main.cik,
        )
        for name in main.older_pages
    ]
    return merge_submissions(main, pages)


def fetch_document(
    fetcher: Fetcher, cik: int, accession: str, filename: str, *, agent: str, run_id: str | None = None
) -> bytes:
    """One document of a filing, as filed. Cached: archived filings never change."""
    return _get(fetcher, archive_url(cik, accession, filename), agent=agent, run_id=run_id, cache=True,
                hint=f"filing {accession} of CIK {cik} has no {filename!r}: check the filing index")


def fetch_full_submission(
    fetcher: Fetcher, cik: int, accession: str, *, agent: str, run_id: str | None = None
) -> bytes:
    """The complete submission .txt (header and every document); parse it with `sgml`."""
    return _get(fetcher, full_submission_url(cik, accession), agent=agent, run_id=run_id, cache=True,
                hint=f"no filing {accession} for CIK {cik}: check the accession number and the CIK")


def fetch_filing_index(
    fetcher: Fetcher, cik: int, accession: str, *, agent: str, run_id: str | None = None
) -> bytes:
    """The filing's -index.html page (document table, 8-K items); parse it with `sgml`."""
    return _get(fetcher, filing_index_url(cik, accession), agent=agent, run_id=run_id, cache=True,
                hint=f"no filing {accession} for CIK {cik}: check the accession number and the CIK")
