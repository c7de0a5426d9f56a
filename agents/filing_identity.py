"""Is the company EDGAR lists under a watchlist entry's CIK the one its symbol names?

A watchlist gives each ticker a CIK, and a run lists that CIK's filings. A CIK copied wrong, or kept after the company
moved (BlackRock formed a new holding company in 2024: BLK is CIK 2012383, and 1364742 is a subsidiary now), lists
another filer's filings, which would be stored and briefed under the watchlist's symbol. The submissions JSON says
whose listing it is (its name and tickers); this module reads that against the symbol.
"""

from __future__ import annotations

from collections.abc import Callable

from watchdesk.sources.edgar_parse import normalise_ticker
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.models import CompanyRef, Submissions

# Where a symbol is listed, by SEC's ticker map as watchdesk knows it: the company and the map said ("the snapshot of
# SEC's ticker map shipped with watchdesk (early 2025)"), or None when the map lists the symbol under no other CIK
Owner = Callable[[str, int], tuple[CompanyRef, str] | None]
OTHER_COMPANY = "the watchlist's cik is not"  # in each such gap's reason


class OtherCompanyError(ConfigError):
    """EDGAR lists the watchlist's CIK as a company its symbol is not: nothing of that CIK is read."""


def check_company(company: CompanyRef, subs: Submissions, *, owner: Owner | None) -> str:
    """"" when EDGAR lists the CIK under the watchlist's symbol, or under no ticker while no other company has the
    symbol; a note when it lists other tickers only and the symbol is no other company's (a ticker changed since the
    watchlist was written: Block's SQ, XYZ since 2025); raises OtherCompanyError when the symbol is another CIK's."""
    symbol = normalise_ticker(company.ticker)
    if symbol in {normalise_ticker(t) for t in subs.tickers}:
        return ""
    listed = owner(company.ticker, company.cik) if owner is not None else None
    as_listed = f"{subs.name or 'a filer with no name'} ({_tickers(subs.tickers)})"
    if listed is not None:
        ref, origin = listed
        raise OtherCompanyError(
            f"EDGAR lists CIK {company.cik} as {as_listed}, and {origin} lists {company.ticker} as CIK {ref.cik} "
            f"({ref.name}): {OTHER_COMPANY} {company.ticker}'s, so none of CIK {company.cik}'s filings "
            f"were read (they would have been stored as {company.ticker}'s). Set cik = {ref.cik} for "
            f"{company.ticker} in the watchlist (or correct the symbol)")
    if not subs.tickers:
        return ""  # a filer with no ticker (a private company with public debt): the symbol is the watchlist's label
    return (f"EDGAR lists CIK {company.cik} as {as_listed}, not {company.ticker}: its filings are stored under "
            f"{company.ticker}, as the watchlist names it; write symbol = \"{subs.tickers[0]}\" if the ticker changed")


def _tickers(tickers: tuple[str, ...]) -> str:
    return ("tickers " + ", ".join(tickers)) if len(tickers) > 1 else f"ticker {tickers[0]}" if tickers else "no ticker"
