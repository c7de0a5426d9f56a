"""Resolving the watchlist's tickers to SEC companies, before anything is written."""

from __future__ import annotations

from watchdesk.graph.watchlist import Watchlist
from watchdesk.sources import edgar
from watchdesk.sources.edgar_parse import resolve_ticker
from watchdesk.sources.models import CompanyRef, Fetcher


def resolve_companies(watchlist: Watchlist, *, fetcher: Fetcher) -> dict[str, CompanyRef]:
    """Every ticker to a CompanyRef; an unknown one raises UnknownTickerError with suggestions."""
    ticker_map = edgar.fetch_ticker_map(fetcher, agent="planner")
    companies: dict[str, CompanyRef] = {}
    for ticker in watchlist.tickers:
        if ticker.cik is not None:
            known = ticker_map.get(ticker.symbol)
            name = known.name if known else ticker.symbol
            companies[ticker.symbol] = CompanyRef(ticker=ticker.symbol, cik=ticker.cik, name=name)
        else:
            companies[ticker.symbol] = resolve_ticker(ticker.symbol, ticker_map)
    return companies
