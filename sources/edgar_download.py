"""Bulk archive download with sec-edgar-downloader, run behind watchdesk's gateway.

sec-edgar-downloader's own transport calls SEC from its constructor, has no timeout or retry, rate
limits per process and prints per-filing errors instead of raising. Its orchestration (paging the
submissions listing, the date/amendment filters, the on-disk layout
`sec-edgar-filings/TICKER/FORM/ACCESSION/full-submission.txt`) is good, so we keep that and swap
its three transport functions for ones that go through our Fetcher: identity, allow-list, rate
limit, timeouts, retries, audit and replay all apply, and every failure is reported, not printed.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sec_edgar_downloader import _orchestrator
from sec_edgar_downloader._types import DownloadMetadata

from watchdesk.sources.edgar_parse import is_accession
from watchdesk.sources.errors import ParsingError, WatchdeskError
from watchdesk.sources.models import CompanyRef, Fetcher
from watchdesk.sources.redact import printable, redact_url

_PATCH_LOCK = threading.Lock()  # the swap is module-wide: one download at a time per process


@dataclass(kw_only=True)
class DownloadReport:
    saved: int = 0
    failed: list[str] = field(default_factory=list)
    folder: Path = Path(".")


@contextmanager
def _routed(fetcher: Fetcher, *, agent: str, run_id: str | None, failed: list[str],
            said: Callable[[str], None]) -> Iterator[None]:  # fmt: skip
    def download_filing(uri: str, _user_agent: str) -> bytes:
        name = uri.rsplit("/", 1)[-1]  # the file: the accession (or the primary document), not the whole URL
        try:
            body = fetcher.get(uri, agent=agent, run_id=run_id, cache=True).body
        except WatchdeskError as exc:
            failed.append(f"{uri}: {exc}")
            said(f"{name}: not saved ({exc})")
            raise
        said(f"{name}: fetched ({len(body) / 1e6:.1f} MB)")
        return body

    def list_filings(uri: str, _user_agent: str) -> Any:
        return _checked(fetcher.get(uri, agent=agent, run_id=run_id, cache=False).json(), uri=uri)

    names = ("download_filing", "get_list_of_available_filings")
    with _PATCH_LOCK:
        saved = {n: getattr(_orchestrator, n) for n in names}
        _orchestrator.download_filing = download_filing  # type: ignore[assignment]
        _orchestrator.get_list_of_available_filings = list_filings  # type: ignore[assignment]
        try:
            yield
        finally:
            for name, fn in saved.items():
                setattr(_orchestrator, name, fn)


def _checked(listing: Any, *, uri: str) -> Any:
    """A submissions listing whose every accession number is one: the library makes each a folder of the path it
    saves to (DIR/sec-edgar-filings/TICKER/FORM/ACCESSION/), so "../../../../x" in a listing (a replay pack is
    anyone's) saved the filing outside DIR, anywhere the user may write."""
    columns = listing.get("filings", {}).get("recent", {}) if isinstance(listing, dict) and "filings" in listing \
        else listing  # fmt: skip
    accessions = columns.get("accessionNumber") if isinstance(columns, dict) else None
    if not isinstance(accessions, list):
        return listing  # not a listing of this layout: the library says so as it reads it
    if bad := next((a for a in accessions if not is_accession(a)), None):
        raise ParsingError(f"{redact_url(uri)} lists {printable(repr(bad))[:80]} as an accession number (SEC writes "
                           "them 0001045810-25-000023): nothing saved from it")  # fmt: skip
    return listing


def download(
    fetcher: Fetcher,
    company: CompanyRef,
    *,
    form: str,
    folder: Path,
    limit: int | None = None,
    after: date | None = None,
    before: date | None = None,
    include_amends: bool = False,
    details: bool = True,
    agent: str = "filings",
    run_id: str | None = None,
    report: Callable[[str], None] = lambda _m: None,
) -> DownloadReport:
    """Save a company's filings of one form to `folder` in sec-edgar-downloader's layout; `report` hears of each
    document fetched or not (a bulk download of 10-Ks runs for minutes: it said nothing until its end)."""
    meta = DownloadMetadata(
        download_folder=folder,
        form=form,
        cik=str(company.cik).zfill(10),
        ticker=company.ticker,
        include_amends=include_amends,
        download_details=details,
    )
    if limit is not None:
        meta.limit = limit
    if after is not None:
        meta.after = after
    if before is not None:
        meta.before = before
    result = DownloadReport(folder=folder / "sec-edgar-filings" / company.ticker / form)
    # The library prints per-filing errors to stdout; we collect them in `failed` instead.
    routed = _routed(fetcher, agent=agent, run_id=run_id, failed=result.failed, said=report)
    with routed, redirect_stdout(io.StringIO()):
        # The user agent argument is unused: our Fetcher sends the configured identity.
        result.saved = _orchestrator.fetch_and_save_filings(meta, "watchdesk")
    return result
