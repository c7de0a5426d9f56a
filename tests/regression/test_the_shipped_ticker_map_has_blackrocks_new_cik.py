"""Bug (goals6's review): the ticker map shipped with watchdesk was SEC's company_tickers.json of 2024-05, so
`watchdesk plan "Watch BlackRock filings weekly"` wrote cik = 1364742 for BLK, the CIK of the company BlackRock made a
subsidiary when it formed a new holding company (CIK 2012383) in October 2024: a run would list the old entity's
filings, not BlackRock's. The shipped snapshot is now SEC's company_tickers_exchange.json of early 2025 (the shared
fixtures' copy, real SEC data: 10,015 tickers), ranked as the 2024-05 map ranked each company (the 2025 list puts TSMC
at 7,000), with the 2024-05 rows of the companies acquired since that it no longer lists (aliases.toml [acquired]),
so "Watch Pioneer" still says Exxon Mobil bought it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from watchdesk.graph.goal.names import acquired, shipped_index, ticker_changes
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 7)


@pytest.mark.parametrize("goal", ["Watch BlackRock filings weekly", "watch BLK", "Watch $BLK and Blackstone"])
def test_blackrock_is_watched_under_its_new_cik(goal: str) -> None:
    plan = parse_goal(goal, as_of=DAY)
    blk = next(t for t in plan.watchlist.tickers if t.symbol == "BLK")
    assert blk.cik == 2012383, plan.decisions
    assert "companies: resolved with the snapshot of SEC's ticker map shipped with watchdesk (early 2025)" in (
        plan.decisions)


def test_the_snapshot_is_secs_list_with_the_acquired_companies_it_no_longer_holds(edgar_fixtures: Path) -> None:
    path = edgar_fixtures / "tickers" / "company_tickers_exchange.json"
    if not path.is_file():
        pytest.skip("SEC's company_tickers_exchange.json is not in the shared fixtures")
    listed = {(str(t).strip(), int(c)) for c, _, t, _ in json.loads(path.read_text())["data"]}
    shipped = {(t, ref.cik) for t, ref in shipped_index().by_ticker.items()}
    assert listed <= shipped
    # PXD, MRO...: said to be acquired; XYZ: Block's ticker since 2025-01-21 (aliases.toml [ticker_changes])
    assert {t for t, _ in shipped - listed} <= set(acquired()) | set(ticker_changes())


def test_well_known_companies_keep_their_rank() -> None:
    """The 2025 list's order is no market value for some (TSMC 7,000th, Unilever 7,293rd): the 2024-05 order stands,
    so "tsm" in lower case is still a well-known company's ticker."""
    plan = parse_goal("watch nvda, tsm and asml", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["NVDA", "TSM", "ASML"]


def test_a_company_gone_from_secs_list_is_said_not_listed() -> None:
    """Atlas Copco's receipts (ATLKY) were in the 2024-05 map and are in no list of early 2025: said, not guessed."""
    with pytest.raises(ConfigError, match="'Atlas Copco': Atlas Copco is not listed with SEC"):
        parse_goal("watch Atlas Copco", as_of=DAY)
