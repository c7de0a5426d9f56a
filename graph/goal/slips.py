"""A ticker that may be a slip for another ("JPM, BAC, WFG": West Fraser Timber, where Wells Fargo's WFC was surely
meant): a little-known company's ticker, listed only with well-known ones, one letter from the ticker of a company
known as well as they are. It is watched as written (WFG is a real ticker) and said under Not understood, with the
company each ticker names."""

from __future__ import annotations

from string import ascii_uppercase

from watchdesk.graph.goal.found import Named
from watchdesk.graph.goal.names import CompanyIndex
from watchdesk.graph.goal.positions import company_lists
from watchdesk.graph.goal.text import Notes
from watchdesk.sources.models import CompanyRef

WELL_KNOWN = 500  # among the first 500 companies of SEC's ticker map (its order: the largest first)
FAR_LESS_KNOWN = 10  # ranked ten times further down than the company one letter away
LEAGUE = 3  # that company ranks no further down than three times the list's last


def say_ticker_slips(named: list[Named], index: CompanyIndex, raw: str, notes: Notes) -> None:
    """Each ticker written in a list of well-known companies that names a little-known one, when one letter changed
    gives the ticker of a company known as well as the others."""
    for group in company_lists(named, raw):
        for n in group:
            ranks = [index.rank[o.ref.cik] for o in group if o.ref.cik != n.ref.cik]
            if not ranks or n.phrase.lstrip("$").upper() != n.ref.ticker or max(ranks) >= WELL_KNOWN:
                continue
            meant = _one_letter_away(n.ref, index)
            if meant is not None and index.rank[meant.cik] <= LEAGUE * max(ranks) + 20:
                listed = ", ".join(o.phrase for o in group if o.ref.cik != n.ref.cik)
                notes.unclear(f"{n.phrase!r}: watched as written: {n.ref.ticker} is {n.ref.name}, listed with "
                              f"{listed}; if you meant {meant.ticker} ({meant.name}), write {meant.ticker}")


def _one_letter_away(ref: CompanyRef, index: CompanyIndex) -> CompanyRef | None:
    """The best-known company whose ticker is `ref`'s with one letter changed, when `ref` is little known and it is
    far better known."""
    rank = index.rank[ref.cik]
    if len(ref.ticker) < 3:  # "U", "KB": every letter or two is some company's ticker; a slip there is no sign
        return None
    near = [index.by_ticker[t] for i in range(len(ref.ticker)) for c in ascii_uppercase
            if (t := ref.ticker[:i] + c + ref.ticker[i + 1 :]) != ref.ticker and t in index.by_ticker]  # fmt: skip
    best = min(near, key=lambda r: index.rank[r.cik], default=None)
    if best is None or rank < WELL_KNOWN or rank < FAR_LESS_KNOWN * index.rank[best.cik]:
        return None
    return best
