"""Bug: `watchdesk changes` listed the comparisons stored and nothing else, so a filing no run compared read like one
that changed nothing. On the demo's store `changes --ticker TSM` said "No filing changes for TSM." where the run could
not fetch TSMC's 20-F, and `--ticker NVDA` listed the 10-K's 228 changes and nothing of the 10-Q whose previous 10-Q
was not in the recording. Now each filing of a compared form (10-K, 10-Q, 20-F) without a comparison is named on
stderr with why: its comparison's gap, its own fetch's gap, or that no run compared it. Real recorded SEC responses:
NVIDIA's listing and FY2025 10-K from ../shared/fixtures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_filing_changes_run import FY2025
from tests.regression.test_a_timeout_on_the_previous_filing_is_retried import NVIDIA
from watchdesk.agents import filings
from watchdesk.graph.cli import cli
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.edgar_parse import TICKERS_URL, submissions_url
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.replay import PackWriter
from watchdesk.store.store import Store

NEW = "NVDA 10-K filed 2025-02-26 (0001045810-25-000023)"


def _run(edgar: Path, tmp: Path, *, with_fy2025: bool = True, compare: bool = True) -> Path:
    """A filings step for NVIDIA's 10-K of 2025-02-26 replayed from a pack without its previous 10-K (FY2024)."""
    responses = [(TICKERS_URL, "tickers/company_tickers.json"),
                 (submissions_url(1045810), "submissions/CIK0001045810_NVIDIA.json")]  # fmt: skip
    responses += [(FY2025, "filings/NVDA_10-K_FY2025_filed-2025-02-26.html")] if with_fy2025 else []
    writer = PackWriter(tmp / "pack")
    for url, rel in responses:
        if not (edgar / rel).exists():
            pytest.skip(f"{rel} is not in the fixtures")
        writer.add(url, 200, {"content-type": "text/html"}, (edgar / rel).read_bytes(), source=rel)
    writer.save()
    req = filings.FilingsRequest(company=NVIDIA, forms=("10-K",), since=date(2025, 2, 20), until=date(2025, 3, 1),
                                 limit_per_form=1, compare_previous=compare)  # fmt: skip
    config = GatewayConfig(mode="replay", replay_dir=tmp / "pack", allowed_domains=("sec.gov",))
    with Store.open(tmp / "w.duckdb") as store, Gateway(config, audit=AuditBuffer()) as gw:
        filings.collect(req, fetcher=gw, store=store, run_id="r1")
    return tmp / "w.duckdb"


def _said(db: Path, *args: str) -> str:
    done = CliRunner().invoke(cli, ["changes", "--db", str(db), *args, "--format", "csv"])
    assert done.exit_code == 0, done.output
    return done.stderr


def test_a_comparison_whose_previous_filing_failed_is_named(edgar_fixtures: Path, tmp_path: Path) -> None:
    db = _run(edgar_fixtures, tmp_path)
    said = _said(db, "--ticker", "NVDA")
    assert said.startswith("No filing changes for NVDA.")
    assert f"{NEW} not compared with 0001045810-24-000029: not in the recording: https://www.sec.gov/" in said
    with Store.open(db) as store:  # a second ticker of the company (as GOOGL is GOOG's): its filings are NVDA's
        store.upsert_company(cik=1045810, ticker="NVDQ", name="NVIDIA CORP")
    assert f"{NEW} not compared with 0001045810-24-000029" in _said(db, "--ticker", "NVDQ")


def test_a_filing_not_stored_is_named(edgar_fixtures: Path, tmp_path: Path) -> None:
    said = _said(_run(edgar_fixtures, tmp_path, with_fy2025=False))
    assert f"{NEW} not stored, so not compared: not in the recording: {FY2025}" in said


def test_a_filing_no_run_compared_is_named(edgar_fixtures: Path, tmp_path: Path) -> None:
    db = _run(edgar_fixtures, tmp_path, compare=False)
    assert f"{NEW} not compared: no run compared it with an earlier 10-K" in _said(db)
    assert "not compared" not in _said(db, "--since", "2025-03-01")  # the period bounds the newer filing's date
