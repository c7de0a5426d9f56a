"""Filings agent over replayed real SEC responses: incremental runs, paged listings, unknown CIKs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from watchdesk.agents import filings
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.edgar_parse import archive_url, older_page_url, submissions_url
from watchdesk.sources.errors import NotFoundError
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import CompanyRef
from watchdesk.sources.replay import PackWriter
from watchdesk.store.store import Store

APPLE = CompanyRef(ticker="AAPL", cik=320193, name="Apple Inc.")
TESLA = CompanyRef(ticker="TSLA", cik=1318605, name="Tesla, Inc.")
AAPL_10K = archive_url(320193, "0000320193-24-000123", "aapl-20240928.htm")
AAPL_10Q = archive_url(320193, "0000320193-25-000073", "aapl-20250628.htm")
JSON = {"content-type": "application/json"}


def as_of(submissions: bytes, last_day: str) -> bytes:
    """The same real listing as SEC served it before `last_day`'s later filings existed."""
    doc = json.loads(submissions)
    recent = doc["filings"]["recent"]
    keep = [i for i, d in enumerate(recent["filingDate"]) if d <= last_day]
    doc["filings"]["recent"] = {k: [v[i] for i in keep] for k, v in recent.items()}
    return json.dumps(doc).encode()


def gateway(pack: Path, audit: AuditBuffer) -> Gateway:
    return Gateway(GatewayConfig(mode="replay", replay_dir=pack, allowed_domains=("sec.gov",)), audit=audit)


def apple_pack(root: Path, edgar: Path, *, listing: bytes) -> Path:
    writer = PackWriter(root)
    writer.add(submissions_url(320193), 200, JSON, listing, source="derived from CIK0000320193_APPLE.json")
    writer.add(
        AAPL_10K,
        200,
        {"content-type": "text/html"},
        (edgar / "filings/AAPL_10-K_FY2024_filed-2024-11-01.html").read_bytes(),
        source="fixture",
    )
    writer.add(
        AAPL_10Q,
        200,
        {"content-type": "text/html"},
        (edgar / "filings/AAPL_10-Q_Q3FY2025_filed-2025-08-01.html").read_bytes(),
        source="fixture",
    )
    writer.save()
    return root


def request(company: CompanyRef, **kw: object) -> filings.FilingsRequest:
    base: dict[str, object] = {
        "company": company,
        "forms": ("10-K", "10-Q"),
        "since": date(2024, 10, 1),
        "until": date(2025, 8, 31),
        "limit_per_form": 1,
        "compare_previous": False,  # the fetch of the previous filing is tested in test_filing_changes_run.py
    }
    return filings.FilingsRequest(**{**base, **kw})  # type: ignore[arg-type]


def test_second_run_fetches_only_the_new_filing(edgar_fixtures: Path, tmp_path: Path) -> None:
    real = (edgar_fixtures / "submissions/CIK0000320193_APPLE.json").read_bytes()
    early = apple_pack(tmp_path / "early", edgar_fixtures, listing=as_of(real, "2024-12-31"))
    later = apple_pack(tmp_path / "later", edgar_fixtures, listing=real)
    with Store.open(tmp_path / "db.duckdb") as store:
        first_audit, second_audit = AuditBuffer(), AuditBuffer()
        with gateway(early, first_audit) as gw:
            first = filings.collect(request(APPLE), fetcher=gw, store=store, run_id="r1")
        with gateway(later, second_audit) as gw:
            second = filings.collect(request(APPLE), fetcher=gw, store=store, run_id="r2")
            third = filings.collect(request(APPLE), fetcher=gw, store=store, run_id="r3")
        assert first_audit.urls == [submissions_url(320193), AAPL_10K]
        assert second_audit.urls[:2] == [submissions_url(320193), AAPL_10Q], "only the new 10-Q is fetched"
        assert second_audit.urls[2:] == [submissions_url(320193)], "a third run fetches no document at all"
        assert (len(first.new_doc_ids), len(second.new_doc_ids), len(third.new_doc_ids)) == (1, 1, 0)
        # which filings a run fetches is what is stored (by accession) and the window: no cursor, which no run read,
        # is written to look as if it were a bound
        assert store.query("SELECT source FROM cursors WHERE starts_with(source, 'edgar:')") == []
        assert store.counts()["documents"] == 2
        # "filings in window" counts the window's filings, stored or not: the 10-K stored by the first run is skipped
        assert (first.listed, first.skipped, second.listed, second.skipped, third.skipped) == (1, 0, 2, 1, 2)


def test_an_accession_asked_for_and_listed_is_one_filing_in_the_counts(edgar_fixtures: Path, tmp_path: Path) -> None:
    """A review saw '3 filings in window, 2 new documents, 2 already stored' on an empty database: a filing both
    listed in the window and asked for by accession was counted twice."""
    real = (edgar_fixtures / "submissions/CIK0000320193_APPLE.json").read_bytes()
    pack = apple_pack(tmp_path / "pack", edgar_fixtures, listing=as_of(real, "2024-12-31"))
    with Store.open(tmp_path / "db.duckdb") as store, gateway(pack, AuditBuffer()) as gw:
        req = request(APPLE, forms=("10-K",), accessions=("0000320193-24-000123",))
        first = filings.collect(req, fetcher=gw, store=store, run_id="r1")
        again = filings.collect(req, fetcher=gw, store=store, run_id="r2")
    assert (first.listed, len(first.new_doc_ids), first.skipped) == (1, 1, 0)
    assert (again.listed, len(again.new_doc_ids), again.skipped) == (1, 0, 1)  # listed and asked for: stored

def test_tesla_older_page_is_followed_when_the_window_reaches_back(edgar_fixtures: Path, tmp_path: Path) -> None:
    writer = PackWriter(tmp_path / "tsla")
    main = (edgar_fixtures / "submissions/CIK0001318605_TESLA.json").read_bytes()
    page = (edgar_fixtures / "submissions/CIK0001318605-submissions-001_TESLA_page.json").read_bytes()
    writer.add(submissions_url(1318605), 200, JSON, main, source="fixture")
    writer.add(older_page_url("CIK0001318605-submissions-001.json"), 200, JSON, page, source="fixture")
    writer.save()
    audit = AuditBuffer()
    with Store.open(":memory:") as store, gateway(tmp_path / "tsla", audit) as gw:
        req = request(TESLA, forms=("10-K",), since=date(2010, 1, 1), until=date(2012, 12, 31), limit_per_form=None)
        listed = filings.list_new_filings(req, fetcher=gw, store=store, run_id="r")
        recent_only = filings.list_new_filings(
            request(TESLA, forms=("10-K",), since=date(2024, 1, 1), until=date(2025, 12, 31)),
            fetcher=gw,
            store=store,
            run_id="r",
        )
    assert older_page_url("CIK0001318605-submissions-001.json") in audit.urls
    # Tesla filed its FY2011 10-K, a 10-K/A and its FY2010 10-K in that window (all on the older page).
    assert [(f.form, f.filing_date.isoformat()) for f in listed] == [
        ("10-K/A", "2012-03-28"),
        ("10-K", "2012-02-27"),
        ("10-K", "2011-03-03"),
    ], listed
    assert [f.form for f in recent_only] == ["10-K/A", "10-K"]  # the limit counts amendments on their own
    assert audit.urls.count(older_page_url("CIK0001318605-submissions-001.json")) == 1


def test_unknown_cik_is_a_clear_error_and_a_gap_not_a_crash(edgar_fixtures: Path, tmp_path: Path) -> None:
    body = (edgar_fixtures / "submissions/CIK-000000001_404_NoSuchKey.xml").read_bytes()
    writer = PackWriter(tmp_path / "p")
    # SEC's S3 answers every missing key with this NoSuchKey body; recorded for CIK-000000001.json.
    writer.add(submissions_url(1), 404, {"content-type": "application/xml"}, body, source="fixture")
    writer.save()
    bogus = CompanyRef(ticker="BOGUS", cik=1, name="nobody")
    with (
        Store.open(":memory:") as store,
        gateway(tmp_path / "p", AuditBuffer()) as gw,
        pytest.raises(NotFoundError, match="check the CIK"),
    ):
        filings.collect(request(bogus), fetcher=gw, store=store, run_id="r")
