"""EDGAR fetching through a fake Fetcher that serves the real recorded SEC responses."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.sources import edgar
from watchdesk.sources.edgar_parse import (
    TICKERS_URL,
    archive_url,
    full_submission_url,
    older_page_url,
    submissions_url,
)
from watchdesk.sources.errors import HTTPStatusError, NotFoundError
from watchdesk.sources.models import Fetcher, HttpResult
from watchdesk.sources.sgml import parse_full_submission

TESLA = 1318605
ADBE = 796343
ADBE_8K = "0000796343-23-000044"


class FakeFetcher(Fetcher):
    """Serves fixture files by URL; unknown URLs raise NotFoundError like the gateway does."""

    def __init__(self, routes: dict[str, Path | tuple[int, bytes]], *, raise_404: bool = True) -> None:
        self.routes = routes
        self.raise_404 = raise_404
        self.calls: list[tuple[str, bool]] = []

    def get(self, url: str, *, agent: str, run_id: str | None = None, cache: bool = True) -> HttpResult:
        self.calls.append((url, cache))
        route = self.routes.get(url)
        if route is None and self.raise_404:
            raise NotFoundError(url, 404)
        status, body = (404, b"") if route is None else (
            route if isinstance(route, tuple) else (200, route.read_bytes()))
        return HttpResult(url=url, status=status, headers={}, body=body)


@pytest.fixture
def subs(edgar_fixtures: Path) -> Path:
    return edgar_fixtures / "submissions"


def test_fetch_submissions_is_not_cached(subs: Path) -> None:
    fetcher = FakeFetcher({submissions_url(1045810): subs / "CIK0001045810_NVIDIA.json"})
    result = edgar.fetch_submissions(fetcher, 1045810, agent="filings", run_id="r1")
    assert result.name == "NVIDIA CORP" and len(result.filings) == 1007
    assert fetcher.calls == [(submissions_url(1045810), False)]  # older pages only when asked


def test_tesla_older_page_is_followed_and_merged(subs: Path) -> None:
    page = "CIK0001318605-submissions-001.json"
    fetcher = FakeFetcher({submissions_url(TESLA): subs / "CIK0001318605_TESLA.json",
                           older_page_url(page): subs / "CIK0001318605-submissions-001_TESLA_page.json"})
    result = edgar.fetch_submissions(fetcher, TESLA, agent="filings", follow_older=True)
    accessions = [f.accession for f in result.filings]
    assert len(accessions) == 1002 + 720 == len(set(accessions))
    dates = [f.filing_date for f in result.filings]
    assert dates == sorted(dates, reverse=True)
    assert dates[-1].isoformat() == "2005-02-17" and dates[0].year == 2026
    assert {f.cik for f in result.filings} == {TESLA}
    assert [cache for _, cache in fetcher.calls] == [False, False]


def test_unknown_cik_surfaces_as_not_found_with_advice(subs: Path) -> None:
    with pytest.raises(NotFoundError) as info:
        edgar.fetch_submissions(FakeFetcher({}), 1, agent="filings")
    assert "no EDGAR submissions for CIK 1" in str(info.value)
    assert "check the CIK" in str(info.value)
    assert info.value.status == 404


def test_real_404_body_returned_instead_of_raised_is_not_parsed(subs: Path) -> None:
    body = (subs / "CIK-000000001_404_NoSuchKey.xml").read_bytes()
    fetcher = FakeFetcher({submissions_url(1): (404, body)}, raise_404=False)
    with pytest.raises(NotFoundError, match="check the CIK"):
        edgar.fetch_submissions(fetcher, 1, agent="filings")


def test_other_error_status_is_an_http_error() -> None:
    fetcher = FakeFetcher({TICKERS_URL: (503, b"busy")}, raise_404=False)
    with pytest.raises(HTTPStatusError) as info:
        edgar.fetch_ticker_map(fetcher, agent="filings")
    assert info.value.status == 503


def test_fetch_ticker_map(edgar_fixtures: Path) -> None:
    fetcher = FakeFetcher({TICKERS_URL: edgar_fixtures / "tickers" / "company_tickers.json"})
    assert edgar.fetch_ticker_map(fetcher, agent="planner")["NVDA"].cik == 1045810


def test_archive_documents_are_cached(edgar_fixtures: Path) -> None:
    filings = edgar_fixtures / "filings"
    fetcher = FakeFetcher({
        archive_url(ADBE, ADBE_8K, "adbe-20230315.htm"): filings / "ADBE_8-K_2023-03_adbe-20230315.htm",
        full_submission_url(ADBE, ADBE_8K): filings / "ADBE_8-K_2023-03-15_earnings_0000796343-23-000044.txt",
    })
    doc = edgar.fetch_document(fetcher, ADBE, ADBE_8K, "adbe-20230315.htm", agent="filings")
    _, docs = parse_full_submission(edgar.fetch_full_submission(fetcher, ADBE, ADBE_8K, agent="filings"))
    assert docs[0].body == doc
    assert "adbeex991q123.htm" in [d.filename for d in docs]
    assert [cache for _, cache in fetcher.calls] == [True, True]


def test_missing_document_names_the_filing() -> None:
    with pytest.raises(NotFoundError, match=r"has no 'nope\.htm'"):
        edgar.fetch_document(FakeFetcher({}), ADBE, ADBE_8K, "nope.htm", agent="filings")
