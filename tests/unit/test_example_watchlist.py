"""`watchdesk init`'s watchlist is the canonical job: NVIDIA, TSMC, ASML with calls, filings and news."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

from watchdesk.graph.planner import build_plan
from watchdesk.graph.policy import check_step
from watchdesk.graph.run_gateway import rate_limits
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.models import CompanyRef

COMPANIES = {
    "NVDA": CompanyRef("NVDA", 1045810, "NVIDIA CORP"),
    "TSM": CompanyRef("TSM", 1046179, "TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD"),
    "ASML": CompanyRef("ASML", 937966, "ASML HOLDING NV"),
}


def example():  # type: ignore[no-untyped-def]
    return parse_watchlist((resources.files("watchdesk.graph") / "example_watchlist.toml").read_text())


def test_every_company_has_calls_filings_and_news_with_its_own_folder_first() -> None:
    wl = example()
    assert [t.symbol for t in wl.tickers] == ["NVDA", "TSM", "ASML"]
    for ticker in wl.tickers:
        assert set(ticker.sources) == {"transcripts", "edgar", "news"}
        first = ticker.transcripts[0]
        assert first.kind == "folder" and first.path == f"~/watchdesk/calls/{ticker.symbol}"
    assert wl.topics.watch == ("inventory", "supply_chain", "geopolitical")


def test_its_plan_passes_the_policy_and_reads_the_news(tmp_path: Path) -> None:
    wl = example()
    plan = build_plan(wl, COMPANIES, as_of=date(2026, 9, 1), out_dir=tmp_path)
    assert [s["agent"] for s in plan].count("news") == 1
    assert all(check_step(s, policy=wl.policy, out_dir=tmp_path) is None for s in plan), [
        (s["id"], check_step(s, policy=wl.policy, out_dir=tmp_path)) for s in plan]
    news = next(s for s in plan if s["agent"] == "news")
    assert news["permission"] == "net:www.sec.gov,net:pr.tsmc.com,net:www.asml.com"


def test_feed_hosts_get_a_polite_rate_and_sec_keeps_its_own() -> None:
    assert rate_limits(example()) == {"sec.gov": 10.0, "pr.tsmc.com": 1.0, "www.asml.com": 1.0}
