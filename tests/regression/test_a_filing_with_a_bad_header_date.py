"""A review: a full submission whose SGML header holds a date that is none ("FILED AS OF DATE: 20261306") raised a
bare ValueError in the filings agent: its gap said "unexpected ValueError ...; please report it" and the run exited 1
as for a bug in watchdesk. It is a filing that cannot be read, a gap like any other unparsable filing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from watchdesk.agents import filings
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.edgar_parse import full_submission_url, submissions_url
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import CompanyRef
from watchdesk.sources.replay import PackWriter
from watchdesk.store.store import Store

NVIDIA = CompanyRef(ticker="NVDA", cik=1045810, name="NVIDIA CORP")
EIGHT_K = "0001045810-26-000024"


def test_a_bad_date_in_a_filings_header_is_a_parsing_gap(edgar_fixtures: Path, tmp_path: Path) -> None:
    real = (edgar_fixtures / f"filings/NVDA_8-K_2026-03_{EIGHT_K}.txt").read_bytes()
    assert b"FILED AS OF DATE:\t\t20260306" in real
    writer = PackWriter(tmp_path / "pack")
    writer.add(submissions_url(1045810), 200, {"content-type": "application/json"},
               (edgar_fixtures / "submissions/CIK0001045810_NVIDIA.json").read_bytes(), source="fixture")
    writer.add(full_submission_url(1045810, EIGHT_K), 200, {"content-type": "text/plain"},
               real.replace(b"FILED AS OF DATE:\t\t20260306", b"FILED AS OF DATE:\t\t20261306"),
               source=f"NVDA_8-K_2026-03_{EIGHT_K}.txt, its filing date made a month 13")  # fmt: skip
    writer.save()
    req = filings.FilingsRequest(company=NVIDIA, forms=(), since=date(2026, 3, 1), until=date(2026, 3, 31),
                                 limit_per_form=None, accessions=(EIGHT_K,))  # fmt: skip
    config = GatewayConfig(mode="replay", replay_dir=tmp_path / "pack", allowed_domains=("sec.gov",))
    with Store.open(":memory:") as store, Gateway(config, audit=AuditBuffer()) as gw:
        result = filings.collect(req, fetcher=gw, store=store, run_id="r1")
        failures = store.query("SELECT target FROM actions WHERE outcome = 'error'")
    assert result.gaps == [f"{EIGHT_K}: '20261306' in the filing's SGML header is not a date (month must be in "
                           "1..12)"]  # fmt: skip
    assert failures == [], "no bug audited: the run does not exit 1"
