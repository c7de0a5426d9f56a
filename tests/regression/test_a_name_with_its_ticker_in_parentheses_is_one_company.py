"""Seen last session: "watch Alphabet (GOOGL) for AI demand" gave two decisions, "company 'Alphabet' -> GOOGL ... by
alias" and "company 'GOOGL' -> GOOGL ... by ticker", as if two companies were named. A name with its ticker in
parentheses (either way round, "$" or an exchange inside) is now one company and one decision; the ticker written is
the one watched ("Alphabet (GOOG)" watches GOOG); two different companies so written are a problem. An exchange
before a ticker ("NASDAQ: NVDA") was read as Nasdaq, Inc. (NDAQ), watched beside NVIDIA; it names no company now."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 3)


@pytest.mark.parametrize(("goal", "symbol", "written"), [
    ("watch Alphabet (GOOGL) for AI demand", "GOOGL", "Alphabet (GOOGL)"),
    ("watch Alphabet (GOOG) for AI demand", "GOOG", "Alphabet (GOOG)"),
    ("watch GOOGL (Alphabet) for AI demand", "GOOGL", "GOOGL (Alphabet)"),
    ("watch Alphabet ($GOOGL) for AI demand", "GOOGL", "Alphabet ($GOOGL)"),
    ("watch Alphabet (NASDAQ: GOOGL) for AI demand", "GOOGL", "Alphabet (NASDAQ: GOOGL)"),
])  # fmt: skip
def test_one_company_one_decision(goal: str, symbol: str, written: str) -> None:
    result = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in result.watchlist.tickers] == [symbol]
    assert result.watchlist.tickers[0].aliases == ("Alphabet",)
    companies = [d for d in result.decisions if d.startswith("company '")]
    assert companies == [f"company {written!r} -> {symbol} (Alphabet Inc., CIK 1652044) by name and ticker"]


def test_several_so_written_keep_their_order() -> None:
    result = parse_goal("watch NVIDIA (NVDA), AMD and Broadcom ($AVGO) for AI demand", as_of=DAY)
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA", "AMD", "AVGO"]
    assert len([d for d in result.decisions if d.startswith("company '")]) == 3


def test_two_companies_so_written_are_a_problem() -> None:
    with pytest.raises(ConfigError, match=r"'Apple \(MSFT\)': MSFT is MICROSOFT CORP \(MSFT\), Apple is Apple Inc. "
                                          r"\(AAPL\); name the one to watch"):
        parse_goal("watch Apple (MSFT) for pricing", as_of=DAY)


@pytest.mark.parametrize("goal", ["watch NASDAQ:NVDA for AI demand", "watch NASDAQ: NVDA and NYSE: TSM for AI demand"])
def test_an_exchange_before_a_ticker_is_no_company(goal: str) -> None:
    result = parse_goal(goal, as_of=DAY)
    assert "NDAQ" not in [t.symbol for t in result.watchlist.tickers]
    assert next(t.symbol for t in result.watchlist.tickers) == "NVDA"
    alone = parse_goal("watch Nasdaq for pricing", as_of=DAY).watchlist  # the company, where no ticker follows
    assert [t.symbol for t in alone.tickers] == ["NDAQ"]
