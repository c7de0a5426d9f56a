"""Tickers written in capitals that are words or acronyms too ("ON", "IT", "GM") or one letter ("F", "T", "C"): read
where a company stands (an acronym there said, not guessed), never elsewhere, and a letter is never the start of a
company's name ("T" is AT&T's ticker, not T-Mobile's first letter)."""

from __future__ import annotations

from watchdesk.graph.goal.companies import SHORT_NAME_RANK, Found, Named
from watchdesk.graph.goal.names import CompanyIndex
from watchdesk.graph.goal.positions import after_watch_verb, beside_company, qualified_words
from watchdesk.graph.goal.text import Notes, Text, Token
from watchdesk.graph.goal.words import ACRONYMS, common_words
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
    ("Ford and GM", "MSFT, GOOGL and AI") is how analysts write something else too: said how to watch the company,
    not guessed."""
    while True:
        read = False
        starts = {n.start for n in found.named}
        for tok in text.tokens():
            ref = capital_ticker(tok, index)
            if ref is None or text.negation(tok.start, tok.end):
                continue
            # "watch F": a letter after a watch verb is read; "watch GM for EV losses": an acronym there is said
            where = beside_company(tok.start, tok.end, found, text.raw) or _spaced_beside_tickers(
                tok, found, text.raw) or ((len(tok.word) == 1 or tok.word in ACRONYMS) and after_watch_verb(
                tok.start, text.raw))
            if not where or qualified_words([Named(ref, tok.text, tok.start)], text.raw, starts):
                continue
            if tok.word in ACRONYMS:
                notes.unclear(f"{tok.text!r}: an abbreviation, not the ticker of {ref.name} ({ref.ticker}): write "
                              f"${ref.ticker} to watch it")
                continue
            said = f"company {tok.text!r} -> {ref.ticker} ({ref.name}, CIK {ref.cik}) by ticker, written in capitals"
            found.named.append(Named(ref, tok.text, tok.start, said))
            found.spans.append((tok.start, tok.end))
            text.use(tok.start, tok.end)
            read = True
        if not read:
            found.named.sort(key=lambda n: n.start)
            return
