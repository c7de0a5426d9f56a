"""Bug: the HTTP cache kept any 200 answer for good, before the agent had looked at it. A 10-Q cut short by a dropped
connection was rejected by the filings agent (a gap, the cursor stays) but cached, so every later run read the same
cut body and never stored the filing; a transcript page saying "the transcript will be posted here" stayed the
answer after the call was posted. Now only SEC archive documents are cached, and one the agent rejects is dropped
from the cache."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
import pytest

from watchdesk.agents import filings, transcripts
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.edgar_parse import archive_url, submissions_url
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import CompanyRef
from watchdesk.store.store import Store

APPLE = CompanyRef(ticker="AAPL", cik=320193, name="Apple Inc.")
TEN_Q = archive_url(320193, "0000320193-25-000073", "aapl-20250628.htm")
CCL = CompanyRef(ticker="CCL", cik=815097, name="CARNIVAL CORP")
CALL_PAGE = "https://ir.example.com/ccl-q2-2020-call"
CALL = "transcripts/fool_raw_html/html/2020-07-10-carnival-corp-plc-ccl-q2-2020-earnings-call-transc.html"
PLACEHOLDER = (b"<html><body><h1>Carnival Q2 2020 earnings call</h1>"
               b"<p>The transcript will be posted here after the call.</p></body></html>")


def gateway(served: dict[str, bytes], cache: Path, domains: tuple[str, ...]) -> Gateway:
    def handler(request: httpx.Request) -> httpx.Response:
        body = served.get(str(request.url))
        return httpx.Response(404) if body is None else httpx.Response(200, content=body)

    config = GatewayConfig(user_agent="Test Desk desk@example.com", allowed_domains=domains, cache_dir=cache)
    return Gateway(config, audit=AuditBuffer(), sleep=lambda _s: None, transport=httpx.MockTransport(handler))


def test_a_filing_cut_short_is_fetched_whole_by_the_next_run(tmp_path: Path, edgar_fixtures: Path) -> None:
    whole = (edgar_fixtures / "filings/AAPL_10-Q_Q3FY2025_filed-2025-08-01.html").read_bytes()
    served = {submissions_url(320193): (edgar_fixtures / "submissions/CIK0000320193_APPLE.json").read_bytes(),
              TEN_Q: whole[:300_000]}  # the connection dropped after 300 KB: read-until-close cannot tell
    req = filings.FilingsRequest(company=APPLE, forms=("10-Q",), since=date(2025, 7, 1), until=date(2025, 8, 31),
                                 limit_per_form=1, compare_previous=False)
    with Store.open(tmp_path / "db.duckdb") as store:
        with gateway(served, tmp_path / "cache", ("sec.gov",)) as gw:
            first = filings.collect(req, fetcher=gw, store=store, run_id="r1")
        assert not first.new_doc_ids and "truncated" in first.gaps[0]
        served[TEN_Q] = whole  # SEC serves the whole document again
        with gateway(served, tmp_path / "cache", ("sec.gov",)) as gw:
            again = filings.collect(req, fetcher=gw, store=store, run_id="r2")
            assert gw.stats.cached == 0
    assert len(again.new_doc_ids) == 1 and again.gaps == []


def test_a_transcript_page_is_read_again_once_the_call_is_posted(tmp_path: Path, shared_fixtures: Path) -> None:
    if not (shared_fixtures / CALL).is_file():
        pytest.skip(f"{CALL} is not in ../shared/fixtures")
    served = {CALL_PAGE: PLACEHOLDER}
    req = transcripts.TranscriptsRequest(company=CCL, aliases=("Carnival",),
                                         chain=(transcripts.Source(kind="url", url=CALL_PAGE),))
    with Store.open(tmp_path / "db.duckdb") as store:
        with gateway(served, tmp_path / "cache", ("ir.example.com",)) as gw:
            before = transcripts.collect(req, fetcher=gw, store=store, run_id="r1")
        assert not before.new_doc_ids
        served[CALL_PAGE] = (shared_fixtures / CALL).read_bytes()  # the call is over: the page holds it
        with gateway(served, tmp_path / "cache", ("ir.example.com",)) as gw:
            after = transcripts.collect(req, fetcher=gw, store=store, run_id="r2")
    assert len(after.new_doc_ids) == 1
