"""Resolving the watchlist's tickers to SEC companies, before anything is written."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from watchdesk.graph.watchlist import Ticker, Watchlist
from watchdesk.sources import edgar
from watchdesk.sources.edgar_parse import resolve_ticker
from watchdesk.sources.errors import ConfigError, UnknownTickerError, UnknownTickersError
from watchdesk.sources.models import CompanyRef, Fetcher

if TYPE_CHECKING:
    from watchdesk.store.store import Store


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
        raise UnknownTickersError(unknown)
    return companies


def stored_companies(store: Store, watchlist: Watchlist) -> dict[str, CompanyRef] | None:
    """The companies a run of `watchlist` resolved when it started, as it stored them (one row a CIK), for the run
    resumed: resolving again asked SEC for its ticker map (~1 MB) at each `watchdesk approve`, a request of the same
    run made twice, and could give the rest of the run other CIKs than its plan's. None when a ticker has no one row
    (two tickers of one CIK, GOOG and GOOGL, keep the later one's): the tickers are resolved again, as before."""
    symbols = [t.symbol for t in watchlist.tickers]
    rows = store.query("SELECT ticker, cik, name FROM companies WHERE list_contains(?, ticker)", [symbols])
    found: dict[str, list[CompanyRef]] = {}
    for ticker, cik, name in rows:
        found.setdefault(ticker, []).append(CompanyRef(ticker=ticker, cik=cik, name=name))
    if any(len(found.get(s, [])) != 1 for s in symbols):
        return None
    return {s: found[s][0] for s in symbols}


def match_companies(
    tickers: tuple[Ticker, ...], ticker_map: dict[str, CompanyRef]
) -> tuple[dict[str, CompanyRef], list[UnknownTickerError]]:
    """The tickers found (or given a cik), and an error for each one SEC's map does not know."""
    companies: dict[str, CompanyRef] = {}
    unknown: list[UnknownTickerError] = []
    for ticker in tickers:
        if ticker.cik is not None and (mismatch := _cik_mismatch(ticker.symbol, ticker.cik, ticker_map)):
            unknown.append(mismatch)
            continue
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


class TickerCikMismatchError(UnknownTickerError):
    """A ticker given with a CIK that SEC lists under other tickers ("ASLM" with ASML's CIK)."""

    def __init__(self, ticker: str, cik: int, listed: list[CompanyRef], origin: str) -> None:
        best = (difflib.get_close_matches(ticker, [r.ticker for r in listed], n=1, cutoff=0) or [listed[0].ticker])[0]
        ConfigError.__init__(self, f"ticker {ticker!r} is not CIK {cik}'s: {origin} lists that CIK ({listed[0].name}) "
                                   f"as {', '.join(r.ticker for r in listed)}; did you mean symbol = \"{best}\"? (or "
                                   "correct the cik)")  # fmt: skip
        self.ticker = ticker
        self.suggestions = [best]


def _cik_mismatch(symbol: str, cik: int, ticker_map: dict[str, CompanyRef]) -> UnknownTickerError | None:
    """The error for a symbol its CIK is not listed under: by SEC's map when it was fetched, else by the snapshot
    shipped with watchdesk. A CIK neither lists cannot be checked and passes."""
    from watchdesk.graph.goal.names import shipped_index

    origin, refs = "SEC's ticker map", [r for r in ticker_map.values() if r.cik == cik]
    fetched = bool(refs)
    if not refs and (listed := _listed(symbol, ticker_map)) is not None and listed.cik != cik:
        # SEC's current map lists no company under the CIK, and the symbol as another's: the run would fetch the
        # filings of a CIK the symbol is not (a 404, or another filer's), and read news and calls as the symbol's
        return UnlistedCikError(symbol, cik, listed, origin)
    if not refs:
        index = shipped_index()
        origin, refs = index.origin, [r for r in index.by_ticker.values() if r.cik == cik]
    if not refs or _plain(symbol) in {_plain(r.ticker) for r in refs}:
        return None
    if not fetched:
        # The snapshot is dated: a company may have changed its ticker since (Block, CIK 1512673: SQ, then XYZ in
        # 2025), and a current ticker must not be refused on its word (a review, session 27). It refuses only what
        # it can tell: the symbol is another company's, or it is a slip of one of this CIK's tickers ("ASLM").
        elsewhere = shipped_index().ticker(symbol)
        slip = difflib.get_close_matches(_plain(symbol), [_plain(r.ticker) for r in refs], n=1, cutoff=0.7)
        if (elsewhere is None or elsewhere.cik == cik) and not slip:
            return None
    return TickerCikMismatchError(symbol, cik, refs, origin)


class UnlistedCikError(UnknownTickerError):
    """A ticker given with a CIK its ticker map lists no company under, while it lists the ticker as another CIK's."""

    def __init__(self, ticker: str, cik: int, listed: CompanyRef, origin: str) -> None:
        ConfigError.__init__(self, f"ticker {ticker!r} and cik {cik} disagree: {origin} lists no company under CIK "
                                   f"{cik}, and {ticker} as CIK {listed.cik} ({listed.name}); did you mean cik = "
                                   f"{listed.cik}? (or correct the symbol)")  # fmt: skip
        self.ticker = ticker
        self.suggestions = [ticker]


def cik_doubts(tickers: tuple[Ticker, ...], ticker_map: dict[str, CompanyRef]) -> list[str]:
    """What the snapshot of SEC's map shipped with watchdesk says of tickers given with a CIK it lists no company
    under, while it lists the symbol as another CIK's, where `ticker_map` (SEC's, when read) cannot say: a warning, not
    a refusal, since a company registered since the snapshot (BlackRock, CIK 2012383 in 2024) is not in it."""
    from watchdesk.graph.goal.names import shipped_index

    if all(t.cik is None for t in tickers):  # nothing to doubt: the snapshot (~0.25 s of CPU to read) is not read
        return []
    index = shipped_index()
    doubts = []
    for t in tickers:
        if t.cik is None or any(r.cik == t.cik for r in ticker_map.values()) or _listed(t.symbol, ticker_map):
            continue
        listed = _listed(t.symbol, index.by_ticker)
        if listed is not None and listed.cik != t.cik and not any(r.cik == t.cik for r in index.by_ticker.values()):
            doubts.append(f"{t.symbol} and cik {t.cik} disagree: {index.origin} lists no company under CIK {t.cik}, "
                          f"and {t.symbol} as CIK {listed.cik} ({listed.name}); a run fetches CIK {t.cik}'s filings. "
                          f"Check the cik (cik = {listed.cik}?), unless that company registered CIK {t.cik} "
                          "since (SEC's current map settles it: run the dry run with WATCHDESK_SEC_IDENTITY set)")
    return doubts


def _listed(symbol: str, by_ticker: dict[str, CompanyRef]) -> CompanyRef | None:
    return by_ticker.get(symbol) or by_ticker.get(_plain(symbol))


def _plain(ticker: str) -> str:
    return ticker.upper().replace(".", "-")  # BRK.B is SEC's BRK-B


def _shipped(symbol: str, cik: int) -> CompanyRef | None:
    from watchdesk.graph.goal.names import shipped_index  # the snapshot is read only when a cik spares the lookup

    ref = shipped_index().ticker(symbol)
    return ref if ref is not None and ref.cik == cik else None


def ticker_owner(symbol: str, cik: int) -> tuple[CompanyRef, str] | None:
    """The company the snapshot of SEC's map shipped with watchdesk lists `symbol` as, and the snapshot said, when it is
    another CIK's: for a run's check of EDGAR's listing of `cik` (agents.filing_identity), read only when that listing
    does not hold the symbol."""
    from watchdesk.graph.goal.names import shipped_index

    index = shipped_index()
    ref = index.ticker(symbol)
    return (ref, index.origin) if ref is not None and ref.cik != cik else None
