"""A foreign issuer's listing (TSMC, real submissions JSON): 20-F and 6-Ks listed, 6-Ks classified,
Forms 3/4 never fetched, and documents the recording lacks become gaps rather than failures."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from watchdesk.agents import filings
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.edgar_parse import archive_url, parse_submissions, submissions_url
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import CompanyRef
from watchdesk.sources.replay import PackWriter
from watchdesk.sources.six_k import classify_6k
from watchdesk.store.store import Store

TSMC = CompanyRef(ticker="TSM", cik=1046179, name="TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD")
LISTING = "submissions/CIK0001046179_TSMC_first200.json"
TWENTY_F = "0001628280-26-025362"
Q2_RESULTS = "0001046179-26-000451"
Q1_RESULTS = "0001046179-26-000199"


@pytest.fixture()
def pack(edgar_fixtures: Path, tmp_path: Path) -> Path:
    """Only the listing is recorded: no TSMC 6-K or 20-F document exists in any public snapshot."""
    writer = PackWriter(tmp_path / "pack")
    writer.add(submissions_url(TSMC.cik), 200, {"content-type": "application/json"},
               (edgar_fixtures / LISTING).read_bytes(), source="fixture")
    writer.save()
    return tmp_path / "pack"


def request(**kw: object) -> filings.FilingsRequest:
    base: dict[str, object] = {"company": TSMC, "forms": ("10-K", "10-Q", "8-K", "20-F", "6-K"),
                               "since": date(2026, 1, 1), "until": date(2026, 9, 1), "limit_per_form": None}
    return filings.FilingsRequest(**{**base, **kw})  # type: ignore[arg-type]


def run(pack: Path, tmp_path: Path, req: filings.FilingsRequest) -> tuple[filings.FilingsResult, AuditBuffer, Store]:
    audit = AuditBuffer()
    store = Store.open(tmp_path / "db.duckdb")
    config = GatewayConfig(mode="replay", replay_dir=pack, allowed_domains=("sec.gov",))
    with Gateway(config, audit=audit) as gw:
        result = filings.collect(req, fetcher=gw, store=store, run_id="r1")
    return result, audit, store


def test_the_6ks_are_classified_from_the_listing(edgar_fixtures: Path) -> None:
    subs = parse_submissions((edgar_fixtures / LISTING).read_bytes())
    kinds = {f.accession: classify_6k(description=f.description, filename=f.primary_document, size=f.size,
                                      report_date=f.report_date, filing_date=f.filing_date).kind
             for f in subs.filings if f.form == "6-K"}
    assert {a for a, k in kinds.items() if k == "earnings_release"} == {Q1_RESULTS, Q2_RESULTS}
    assert Counter(kinds.values()) == {"other": 17, "monthly_revenue": 5, "earnings_release": 2,
                                       "financial_statements": 2}
    assert kinds["0001046179-26-000471"] == "monthly_revenue"  # tsm-revenue20260810.htm


def test_exhibit_descriptions_win_over_the_file_name() -> None:
    found = classify_6k(exhibits=["EX-99.1 TSMC 2Q26 Management Report"], filename="tsm-revenue.htm")
    assert found.kind == "management_report"
    assert classify_6k(exhibits=["Press release: Q2 2026 financial results"]).kind == "earnings_release"
    assert classify_6k(description="TSMC June 2026 Revenue Report").kind == "monthly_revenue"
    assert classify_6k(description="Board of directors meeting resolutions").kind == "other"


def test_a_run_lists_the_20f_and_results_6ks_skips_forms_3_and_4_and_records_gaps(pack: Path, tmp_path: Path) -> None:
    result, audit, store = run(pack, tmp_path, request())
    with store:
        assert len(result.six_k) == 26 and result.listed == 3  # the 20-F and two quarters' results
        assert result.new_doc_ids == []
        # the three documents, and the listing's older page (filings before April 2026): none recorded
        assert sorted(g.split(":")[0] for g in result.gaps) == [f"20-F {TWENTY_F}", f"6-K {Q1_RESULTS}",
                                                               f"6-K {Q2_RESULTS}", "older filings of CIK 1046179"]
        assert all("not in the recording" in g for g in result.gaps), result.gaps
        assert store.con.execute("select count(*) from gaps").fetchone() == (4,)
    urls = audit.urls
    assert archive_url(TSMC.cik, TWENTY_F, "tsm-20251231.htm") in urls
    assert not [u for u in urls if "xslF345" in u or "form3" in u or "form4" in u]  # no ownership filings


def test_monthly_revenue_6ks_are_fetched_only_when_asked(pack: Path, tmp_path: Path) -> None:
    result, _, store = run(pack, tmp_path, request(forms=("6-K",), six_k_kinds=("monthly_revenue",)))
    store.close()
    assert result.listed == 5 and len(result.gaps) == 5 + 1  # and the older listing page


def test_form_4_is_fetched_only_when_asked(pack: Path, tmp_path: Path) -> None:
    result, audit, store = run(pack, tmp_path, request(forms=("4",), limit_per_form=1))
    store.close()
    assert result.listed == 1 and len(result.gaps) == 1 + 1 and len(audit.urls) == 3
    assert audit.urls[-1].endswith("xslF345X06/wk-form4_1787226096.xml")


def test_edgar_list_shows_each_6k_kind() -> None:
    import json

    from click.testing import CliRunner

    from watchdesk.graph.cli import cli
    from watchdesk.graph.demo import demo_pack

    args = ["edgar", "list", "TSM", "--forms", "6-K", "--since", "2026-07-01", "--replay", str(demo_pack())]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    rows = {r["accession"]: r["kind"] for r in map(json.loads, result.stdout.splitlines())}
    assert rows[Q2_RESULTS] == "earnings_release" and rows["0001046179-26-000447"] == "monthly_revenue"
    assert len(rows) == 10
