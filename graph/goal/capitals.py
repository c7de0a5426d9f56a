"""Tickers written in capitals that are words or acronyms too ("ON", "IT", "GM") or one letter ("F", "T", "C"): read
where a company stands (an acronym there said, not guessed), never elsewhere, and a letter is never the start of a
company's name ("T" is AT&T's ticker, not T-Mobile's first letter)."""

from __future__ import annotations

from typing import TypeGuard

from watchdesk.graph.goal.companies import SHORT_NAME_RANK
from watchdesk.graph.goal.found import Found, Named
from watchdesk.graph.goal.names import CompanyIndex
from watchdesk.graph.goal.positions import after_watch_verb, beside_company, qualified_words
from watchdesk.graph.goal.text import Notes, Text, Token
from watchdesk.graph.goal.words import ACRONYMS, COMPANY_FIRST, MARGIN_MOVES, common_words
from watchdesk.sources.models import CompanyRef

_WORDS = frozenset("AI")  # "A" and "I" are words in capitals too


def capital_ticker(tok: Token, index: CompanyIndex) -> CompanyRef | None:
    """The well-known company whose ticker `tok` is, written in capitals, when the goal parser reads it as no company
    where it stands alone: one letter, a common word ("ON", "NOW") or an acronym ("GM", gross margin)."""
    word = tok.word
    if tok.text.startswith("$") or not word.isalpha() or not word.isupper() or len(word) > 5 or word in _WORDS:
        return None
    if len(word) > 1 and word.lower() not in common_words() and word not in ACRONYMS:
        return None  # "NVDA", "MA": read as tickers by the companies' parser
    ref = index.ticker(word)
    return ref if ref is not None and index.rank[ref.cik] < SHORT_NAME_RANK else None


def company_first(tok: Token, index: CompanyIndex) -> CompanyRef | None:
    """The company an acronym such as "GM" names where a company stands, in capitals or not ("ford and gm")."""
    word = tok.word
    if tok.text.startswith("$") or word.upper() not in COMPANY_FIRST or not (word.isupper() or word.islower()):
        return None
    return index.ticker(word)


def _reading(tok: Token, ref: CompanyRef, qualified: str | None, *, first: bool, notes: Notes) -> str | None:
    """The decision that reads `tok`, where a company stands, as `ref`; None when it is no company there (said, if it
    could be: "watch MSFT and AI", "Ford and GM compression")."""
    if first:  # "watch GM for EV losses", "Ford and GM": General Motors, with the other reading said
        if margin_follows(qualified):
            notes.unclear(first_as_acronym(tok.text, qualified, ref))
            return None
        return first_as_company(tok.text, ref)
    if qualified:  # "NVDA and IT spending", "watch C suite changes": words
        return None
    if tok.word in ACRONYMS:
        notes.unclear(f"{tok.text!r}: an abbreviation, not the ticker of {ref.name} ({ref.ticker}): write "
                      f"${ref.ticker} to watch it")
        return None
    return f"company {tok.text!r} -> {ref.ticker} ({ref.name}, CIK {ref.cik}) by ticker, written in capitals"


def margin_follows(qualified: str | None) -> TypeGuard[str]:
    """Do the words after "GM" say what a margin does ("compression ...")? Then it is gross margin, not the company."""
    after = (qualified or "").split()
    return bool(after) and after[0].lower() in MARGIN_MOVES


def first_as_company(written: str, ref: CompanyRef) -> str:
    """How "GM" read as General Motors is said."""
    return (f"company {written!r} -> {ref.ticker} ({ref.name}, CIK {ref.cik}) by ticker, where a company stands "
            f"(before what a margin does, as in '{written} compression', it is read as gross margin)")


def first_as_acronym(written: str, qualified: str, ref: CompanyRef) -> str:
    """How "GM" before what a margin does ("Ford and GM compression"), read as gross margin, is said."""
    return (f"{written!r} before {qualified!r}: read as gross margin, not the ticker of {ref.name} ({ref.ticker}): "
            f"write ${ref.ticker} to watch it")


def _spaced_beside_tickers(tok: Token, found: Found, raw: str) -> bool:
    """Is `tok` typed by a space beside a ticker written in capitals ("JPM BAC WFC C for NII")? One list, as with
    commas."""
    for n in found.named:
        if n.phrase.lstrip("$") != n.ref.ticker:
            continue
        gap = raw[n.end : tok.start] if n.end <= tok.start else raw[tok.end : n.start]
        if gap and not gap.strip(" \t"):
            return True
    return False


def read_capitals(text: Text, found: Found, index: CompanyIndex, notes: Notes) -> None:
    """Such a ticker is a company where it is listed with one ("T and VZ", "NVDA, ON and AMD", "C, JPM and BAC") or, one
    letter, after a watch verb ("watch F for tariffs"), and qualifies no word after it ("NVDA and IT spending", "watch
    C suite changes" are words); each one read can list the next, so this goes round until none is. An acronym there
    ("MSFT, GOOGL and AI") is how analysts write something else too: said how to watch the company, not guessed; but
    "GM" there is General Motors ("Ford and GM", "watch GM"), unless what a margin does follows ("GM compression")."""
    while True:
        read = False
        starts = {n.start for n in found.named}
        for tok in text.tokens():
            first = company_first(tok, index)
            ref = first or capital_ticker(tok, index)
            if ref is None or text.negation(tok.start, tok.end):
                continue
            # "watch F": a letter after a watch verb is read; "watch MSFT and AI": an acronym there is said
            # "GM" is a company only joined to one ("Ford and GM", not "AMD GM": AMD's gross margin)
            where = beside_company(tok.start, tok.end, found, text.raw) or (not first and _spaced_beside_tickers(
                tok, found, text.raw)) or ((len(tok.word) == 1 or tok.word in ACRONYMS or first) and after_watch_verb(
                tok.start, text.raw))
            if not where:
                continue
            qualified = qualified_words([Named(ref, tok.text, tok.start)], text.raw, starts)
            if (said := _reading(tok, ref, qualified, first=first is not None, notes=notes)) is None:
                continue
            found.named.append(Named(ref, tok.text, tok.start, said))
            found.spans.append((tok.start, tok.end))
            text.use(tok.start, tok.end)
            read = True
        if not read:
            found.named.sort(key=lambda n: n.start)
            return
