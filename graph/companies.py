"""Resolving the watchlist's tickers to SEC companies, before anything is written."""

from __future__ import annotations

from watchdesk.graph.watchlist import Ticker, Watchlist
from watchdesk.sources import edgar
from watchdesk.sources.edgar_parse import resolve_ticker
from watchdesk.sources.errors import ConfigError, UnknownTickerError
from watchdesk.sources.models import CompanyRef, Fetcher


def resolve_companies(watchlist: Watchlist, *, fetcher: Fetcher) -> dict[str, CompanyRef]:
    """Every ticker to a CompanyRef; unknown ones raise one error naming all, with suggestions.

    A ticker given with its `cik` needs no lookup: SEC's ticker map is fetched only when some ticker lacks one.
    """
    needs_map = any(t.cik is None for t in watchlist.tickers)
    ticker_map = edgar.fetch_ticker_map(fetcher, agent="planner") if needs_map else {}
    companies, unknown = match_companies(watchlist.tickers, ticker_map)
    if len(unknown) == 1:
        raise unknown[0]
    if unknown:
        raise ConfigError(f"{len(unknown)} unknown tickers:\n" + "\n".join(f"  - {exc}" for exc in unknown))
    return companies


def match_companies(
    tickers: tuple[Ticker, ...], ticker_map: dict[str, CompanyRef]
) -> tuple[dict[str, CompanyRef], list[UnknownTickerError]]:
    """The tickers found (or given a cik), and an error for each one SEC's map does not know."""
    companies: dict[str, CompanyRef] = {}
    unknown: list[UnknownTickerError] = []
    for ticker in tickers:
        if ticker.cik is not None:
            # the company's name matters beyond the plan: the news agent finds items by it ("Apple takes wraps off
            # ..."); with no lookup, the snapshot of SEC's map shipped with watchdesk gives it when the CIK agrees
            known = ticker_map.get(ticker.symbol) or _shipped(ticker.symbol, ticker.cik)
            name = known.name if known else (ticker.aliases or (ticker.symbol,))[0]
            companies[ticker.symbol] = CompanyRef(ticker=ticker.symbol, cik=ticker.cik, name=name)
            continue
        try:
            companies[ticker.symbol] = resolve_ticker(ticker.symbol, ticker_map)
        except UnknownTickerError as exc:
            unknown.append(exc)
    return companies, unknown


def _shipped(symbol: str, cik: int) -> CompanyRef | None:
    from watchdesk.graph.goal.names import shipped_index  # the snapshot is read only when a cik spares the lookup

    ref = shipped_index().ticker(symbol)
    return ref if ref is not None and ref.cik == cik else None
