"""Bug: `watchdesk plan "Watch ASLM filings"` answered "close matches: SLM (SLM Corp), SLAM (Slam Corp.), ASML (ASML
HOLDING NV)": the obvious fix, two letters swapped, came last, and for TMS, NVAD or MSTF (TSM, NVDA, MSFT) it was
not offered at all; a watchlist's unknown ticker had the same ranking (a user walkthrough). A ticker that is the
typed one with two neighbouring letters swapped (Damerau distance 1) now comes first."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.names import shipped_index
from watchdesk.sources.edgar_parse import suggest_tickers


@pytest.mark.parametrize(("typed", "meant"), [("ASLM", "ASML"), ("TMS", "TSM"), ("NVAD", "NVDA"), ("MSTF", "MSFT")])
def test_a_swapped_ticker_leads_the_close_matches(typed: str, meant: str) -> None:
    index = shipped_index()
    assert index.close(typed)[0].ticker == meant
    assert suggest_tickers(typed, index.by_ticker)[0] == meant


def test_plan_offers_asml_first() -> None:
    result = CliRunner().invoke(cli, ["plan", "Watch ASLM filings for inventory", "--as-of", "2026-12-03"])
    assert result.exit_code == 2
    assert "close matches: ASML (ASML HOLDING NV), " in result.output, result.output


def test_a_ticker_typed_right_keeps_its_matches() -> None:
    assert [r.ticker for r in shipped_index().close("AAPL")][:1] == ["AAPL"]
