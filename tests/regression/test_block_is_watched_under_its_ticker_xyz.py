"""Bug (a leftover): Block, Inc. trades as XYZ since 2025-01-21, but the ticker map shipped with watchdesk is SEC's
list of early 2025, which still says SQ (checked below on the shared fixtures' copy). So `watchdesk plan "Watch XYZ for
crypto"` stopped with "'XYZ' is not a company in SEC's ticker map; close matches: DXYZ (Destiny Tech100 Inc.)",
"Watch Block for crypto" told the user to "write $SQ to watch it", and "Watch Block Inc filings" or "watch SQ" wrote
symbol = "SQ", a ticker no exchange lists since (a run's listing of CIK 1512673 says XYZ). Now aliases.toml
[ticker_changes] holds the change, as [acquired] holds what became of companies since the snapshot: XYZ, SQ and Block's
name all read as XYZ under CIK 1512673, each decision saying why; a map refreshed from SEC that holds XYZ is read as
it is."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from watchdesk.graph.goal.names import CompanyIndex, load_aliases, shipped_index, ticker_changes
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.models import CompanyRef

DAY = date(2026, 12, 7)


def test_secs_list_of_early_2025_still_says_sq(edgar_fixtures: Path) -> None:
    path = edgar_fixtures / "tickers" / "company_tickers_exchange.json"
    if not path.is_file():
        pytest.skip("SEC's company_tickers_exchange.json is not in the shared fixtures")
    rows = json.loads(path.read_text())["data"]
    assert sorted(t for c, _, t, _ in rows if c == 1512673) == ["BSQKZ", "SQ"]
    assert not [t for _, _, t, _ in rows if t == "XYZ"]


@pytest.mark.parametrize(("goal", "said"), [
    ("Watch XYZ for crypto", "company 'XYZ' -> XYZ (Block, Inc., CIK 1512673) by ticker; its ticker since 2025-01-21 "
                             "(SQ before)"),
    ("Watch $XYZ filings", "company '$XYZ' -> XYZ (Block, Inc., CIK 1512673) by ticker"),
    ("watch xyz", "company 'xyz' -> XYZ (Block, Inc., CIK 1512673) by ticker, written in lower case"),
    ("Watch SQ for crypto", "company 'SQ' -> XYZ (Block, Inc., CIK 1512673) by ticker; SQ was its ticker until "
                            "2025-01-21: it trades as XYZ since"),
    ("Watch $SQ filings", "company '$SQ' -> XYZ (Block, Inc., CIK 1512673) by ticker; SQ was its ticker"),
    ("watch sq", "company 'sq' -> XYZ (Block, Inc., CIK 1512673) by ticker, written in lower case; SQ was its ticker"),
    ("Watch Block Inc filings", "company 'Block Inc' -> XYZ (Block, Inc., CIK 1512673) by SEC name; its ticker since "
                                "2025-01-21 (SQ before)"),
    ("watch sq and xyz", "company 'xyz' -> XYZ"),
])  # fmt: skip
def test_block_is_watched_as_xyz_however_it_is_named(goal: str, said: str) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [(t.symbol, t.cik) for t in plan.watchlist.tickers] == [("XYZ", 1512673)], plan.decisions
    assert any(d.startswith(said) for d in plan.decisions), plan.decisions


def test_block_alone_says_to_write_xyz() -> None:
    with pytest.raises(ConfigError, match=r"the name of Block, Inc. \(XYZ\): write \$XYZ to watch it"):
        parse_goal("Watch Block for crypto", as_of=DAY)


def test_the_old_ticker_is_the_same_company_in_the_index() -> None:
    index = shipped_index()
    assert index.ticker("SQ") is index.ticker("XYZ")
    assert index.tickers_of[1512673][0] == "XYZ"  # the company's ticker, before SQ and BSQKZ


def test_a_map_refreshed_from_sec_that_holds_xyz_is_read_as_it_is() -> None:
    """SEC's map of today lists XYZ (and no SQ): nothing is added, and SQ still reads as Block."""
    refs = [CompanyRef(ticker="NVDA", cik=1045810, name="NVIDIA CORP"),
            CompanyRef(ticker="XYZ", cik=1512673, name="Block, Inc.")]  # fmt: skip
    index = CompanyIndex.build(refs, aliases=load_aliases(), changes=ticker_changes())
    assert index.tickers_of[1512673] == ["XYZ"]
    assert index.ticker("SQ") == refs[1]
    plan = parse_goal("Watch SQ filings", as_of=DAY, index=index)
    assert [(t.symbol, t.cik) for t in plan.watchlist.tickers] == [("XYZ", 1512673)]
