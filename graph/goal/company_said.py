"""What a plan says of the companies a goal names: each one's decision, the problems that stop the plan (one SEC does
not list, one acquired since, a name of several), and what watchdesk can still do for those SEC does not list."""

from __future__ import annotations

import re

from watchdesk.graph.goal.found import Found, Group, Named
from watchdesk.graph.goal.names import (
    CompanyIndex,
    Match,
    acquired,
    name_key,
    products,
    segments,
    ticker_changed,
    ticker_doubts,
)
from watchdesk.graph.goal.text import Notes
from watchdesk.sources.models import CompanyRef

UNLISTED = "is not listed with SEC (no ticker to watch)"
# A company SEC's ticker map holds only by its depositary receipts ("Airbus SE/ADR", EADSY): no reports to read
NO_REPORTS = "files no reports with SEC (its entry there holds only its depositary receipts: no filings to watch)"
# A company acquired since the shipped snapshot (names.acquired)
GONE = "it files no more reports with SEC (no filings to watch; watch the company that bought it, if listed)"


def unread_company(outcome: object) -> bool:
    """Is `outcome` a company watchdesk has no filings of: one SEC does not list, or one that files no reports?"""
    return isinstance(outcome, str) and outcome.endswith((UNLISTED, NO_REPORTS))



def ticker_doubt(written: str, ref: CompanyRef) -> str:
    """What to add to a ticker's decision when people write it for another company SEC does not list ("BYD": BYD
    Company, not only Boyd Gaming); "" for "$BYD", written as a ticker only, or any other ticker."""
    doubt = None if written.startswith("$") else ticker_doubts().get(written.upper())
    return f"; not {doubt}: write ${ref.ticker} to say you mean {ref.name}" if doubt else ""


def stop_acquired(found: Found) -> None:
    """A company to watch that was acquired since the shipped snapshot ("Pioneer": PXD, Exxon's since 2024) is a
    problem that says what became of it, whichever way it was read (name, alias, ticker in any case)."""
    for named in list(found.named):
        if what := acquired().get(named.ref.ticker):
            found.problems.append(f"{named.phrase!r}: {named.ref.name} ({named.ref.ticker}) {what}: {GONE}")
            found.named.remove(named)


def said_candidates(refs: list[CompanyRef]) -> str:
    """ "VRTX (VERTEX PHARMACEUTICALS INC / MA), VERX (Vertex, Inc.)" """
    return ", ".join(f"{r.ticker} ({r.name})" for r in refs)


def cashtags(refs: list[CompanyRef]) -> str:
    """ "$VRTX or $VERX" """
    tags = [f"${r.ticker}" for r in refs]
    return tags[0] if len(tags) == 1 else ", ".join(tags[:-1]) + " or " + tags[-1]



def record(
    outcome: Match | Group | list[CompanyRef] | str, phrase: str, *, found: Found, index: CompanyIndex, notes: Notes,
    start: int = 0,
) -> None:
    """One reading of `phrase` into `found`: its companies with their decision, or the problem that stops the plan."""
    if isinstance(outcome, Group):
        listed = ", ".join(f"{r.ticker} ({r.name})" for r in outcome.refs)
        said = (f"company {phrase!r} -> {outcome.name}, {len(outcome.refs)} companies: {listed} "
                "(by group name; each one's CIK is in the watchlist)")
        found.named += [Named(ref, phrase, start, said, group=True) for ref in outcome.refs]
    elif isinstance(outcome, str):
        close = ", ".join(f"{r.ticker} ({r.name})" for r in index.close(phrase.lstrip("$")))
        found.problems.append(f"{phrase!r}: {outcome}" + (f"; close matches: {close}" if close else ""))
    elif isinstance(outcome, list):
        found.problems.append(f"{phrase!r} could be several companies: {said_candidates(outcome)}; write "
                              f"{cashtags(outcome)} to watch one (or name it in full)")
    else:  # said once placed: a company named as context is not watched (positions.place_context)
        also = f"; also named so: {', '.join(r.ticker for r in outcome.others)}" if outcome.others else ""
        ref = outcome.ref
        said = f"company {phrase!r} -> {ref.ticker} ({ref.name}, CIK {ref.cik}) by {outcome.how}{also}"
        said += ticker_changed(phrase, ref)
        if outcome.how == "ticker":
            said += ticker_doubt(phrase, ref)
        elif outcome.how == "alias" and (part := segments().get(name_key(phrase))):
            said += f": {phrase} is {part}, which {ref.ticker}'s filings report"
        elif outcome.how == "alias" and (product := products().get(name_key(phrase))):
            said += f": {phrase} is {product}, a product, not a company: {ref.ticker}'s filings and calls report it"
        found.named.append(Named(ref, phrase, start, said))


_UNLISTED_PROBLEM = re.compile(r"""^('[^']*'|"[^"]*"): .* """ + re.escape(UNLISTED))
_NO_REPORTS_PROBLEM = re.compile(r"""^('[^']*'|"[^"]*"): .* \(([A-Z0-9.-]+), .*\) """ + re.escape(NO_REPORTS))


def unlisted_said(problems: list[str], *, others: bool) -> str:
    """What watchdesk can and cannot do for the companies SEC does not list among `problems` ("LVMH", "Hermès"), or
    that file no reports there ("Airbus"), said after them; `others`: the goal names companies SEC lists too."""
    from watchdesk.graph.goal.text import fold

    unlisted = [m.group(1)[1:-1] for p in problems if (m := _UNLISTED_PROBLEM.match(p))]
    receipts = [(m.group(1)[1:-1], m.group(2)) for p in problems if (m := _NO_REPORTS_PROBLEM.match(p))]
    if not unlisted and not receipts:
        return ""
    names = unlisted + [name for name, _ in receipts]
    one = len(names) == 1
    listed = names[0] if one else ", ".join(names[:-1]) + " and " + names[-1]
    symbol = receipts[0][1] if receipts and not unlisted else (
        re.sub(r"[^A-Z0-9]", "", fold(names[0]).upper())[:10] or "NAME")
    its, it = ("its", "it") if one else ("their", "them")
    why = (f"{'is' if one else 'are'} not listed with SEC: {'it files' if one else 'they file'} no 10-K, 10-Q or 20-F "
           "there" if not receipts else
           f"{'files' if one else 'file'} no 10-K, 10-Q or 20-F with SEC" + (
               " (SEC knows " + ", ".join(f"{n} only by its depositary receipts, {t}" for n, t in receipts
                                           if n.lstrip("$").upper() != t) + ")" if any(
                   n.lstrip("$").upper() != t for n, t in receipts) else ""))
    only = "companies that file them" if receipts else "companies SEC lists"
    return (f"\n{listed} {why}, so watchdesk has none of {its} filings to read, and a goal watches only {only}."
            f"\n{its.capitalize()} earnings calls and news can still be read by a watchlist file written by "
            f'hand: [[tickers]] symbol = "{symbol}" with sources = ["transcripts"] (a folder of {its} call '
            f'transcripts, transcripts/{symbol}) or ["news"] (with [[news.feeds]]); see the README\'s watchlist '
            "reference."
            + (f" Or leave {it} out of the goal to plan the others." if others else ""))
