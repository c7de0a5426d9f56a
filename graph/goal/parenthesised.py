"""A company named with its ticker in parentheses ("Alphabet (GOOGL)", "GOOGL (Alphabet)") is one company, read once:
the ticker written is the one watched, and one decision says both words."""

from __future__ import annotations

import re
from dataclasses import replace

from watchdesk.graph.goal.found import Found, Named
from watchdesk.graph.goal.names import CompanyIndex
from watchdesk.graph.goal.text import Text
from watchdesk.graph.goal.words import EXCHANGE_SUFFIX, common_words

# "Alphabet (GOOGL)", "Alphabet (NASDAQ: GOOGL)", "Alphabet ($GOOGL)": between the two, an opening parenthesis (and
# an exchange); after the second, its closing one
_OPEN = re.compile(r"\s*\(\s*(?:(?:nasdaq|nyse(?: american)?|amex|otc)\s*:\s*)?\$?$", re.IGNORECASE)
_CLOSE = re.compile(rf"(?:{EXCHANGE_SUFFIX.pattern})?\s*\)")  # "Nvidia (NVDA US)": with its exchange
# "NASDAQ:NVDA", "NYSE: TSM", "nyse:tsm": where a ticker is listed, no company (Nasdaq, Inc.) to watch; so is "TSM
# (NYSE)" after a ticker
_EXCHANGES = r"(?:nasdaq|nyse(?: american| arca)?|amex|otc)"
_EXCHANGE = re.compile(rf"\b{_EXCHANGES}\s*:\s*(?=\$?([a-z]{{1,5}}(?:[.-][a-z])?)\b)", re.IGNORECASE)
_LISTED_ON = re.compile(rf"(?<=[A-Za-z])\s*\(\s*{_EXCHANGES}\s*\)", re.IGNORECASE)


def read_exchanges(text: Text, index: CompanyIndex) -> None:
    """An exchange before a ticker ("NASDAQ: NVDA", "nyse:tsm") or in parentheses after one ("TSM (NYSE)") is read:
    it names where the ticker is listed."""
    for m in _EXCHANGE.finditer(text.raw):
        if m.group(1).isupper() or index.ticker(m.group(1)) is not None:  # "Nasdaq: tech selloff" names Nasdaq
            text.use(m.start(), m.end())
    for m in _LISTED_ON.finditer(text.raw):
        text.use(m.start(), m.end())
    for tok in text.tokens():  # "ASML NA", "TSM US": the exchange after a ticker in capitals; "2330 TT" a local code
        suffix = EXCHANGE_SUFFIX.match(text.raw, tok.end)
        if suffix and ((tok.word.isupper() and index.ticker(tok.word)) or _LOCAL_CODE.match(text.raw, tok.start)):
            text.use(suffix.start(1), suffix.end())


def say_exchange_suffixes(found: Found, raw: str) -> None:
    """Each company read with an exchange code after it ("ASML NA") says how the code was read; a local exchange's
    number with one ("2330 TT", "7203 JP") stops the plan, saying to name the company."""
    for i, n in enumerate(found.named):
        if n.said and n.phrase.isupper() and (suffix := EXCHANGE_SUFFIX.match(raw, n.end)):
            code = suffix.group(1)
            found.named[i] = replace(n, said=f"{n.said}; {code!r} after it is its exchange (Bloomberg's code)")
    for m in _LOCAL_CODE.finditer(raw):  # "2025 US tariffs" is a year: no US listing has a number for its ticker
        local = f"{m.group(1)} {m.group(2)}"
        found.problems.append(f"{local!r}: a number on a local exchange ({m.group(2)}), not a ticker in SEC's map; "
                              "name the company, or its US ticker (TSMC's 2330 TT is TSM)")


_LOCAL_CODE = re.compile(rf"(?<![\w.,])(\d{{3,6}})(?={EXCHANGE_SUFFIX.pattern})(?![ \t]+U[A-Z]\b)[ \t]+([A-Z]{{2}})")


def read_lower_case_in_parentheses(text: Text, found: Found, index: CompanyIndex) -> None:
    """A ticker in lower case alone in parentheses right after a company ("alphabet (googl)", "Alphabet (nasdaq:
    googl)") is read as the ticker in capitals is: one company with its name (pair_parenthesised). A common word so
    written ("NVIDIA (all)") is read only when it is that company's own ticker."""
    raw = text.raw
    for tok in text.tokens():
        ref = index.ticker(tok.word) if tok.word.isalpha() and tok.word.islower() else None
        if ref is None or not _CLOSE.match(raw, tok.end) or text.negation(tok.start, tok.end):
            continue
        before = next((n for n in found.named if _OPEN.fullmatch(raw, n.end, tok.start)), None)
        if before is None or (tok.word in common_words() and before.ref.cik != ref.cik):
            continue
        said = f"company {tok.text!r} -> {ref.ticker} ({ref.name}, CIK {ref.cik}) by ticker, written in lower case"
        found.named.append(Named(ref, tok.text, tok.start, said))
        found.spans.append((tok.start, tok.end))
        text.use(before.end, tok.end)  # the exchange too ("nasdaq:")


def pair_parenthesised(found: Found, raw: str) -> None:
    """Each company followed by another in parentheses: one Named when both are one company (the ticker written
    wins: "Alphabet (GOOG)" watches GOOG); a problem when they are two ("Apple (MSFT)")."""
    named = sorted(found.named, key=lambda n: n.start)
    kept: list[Named] = []
    for n in named:
        before = kept[-1] if kept else None
        if before is None or not _OPEN.fullmatch(raw[before.end : n.start]) or not _CLOSE.match(raw, n.end):
            kept.append(n)
            continue
        written = f"{raw[before.start : _CLOSE.match(raw, n.end).end()]}"  # type: ignore[union-attr]
        if before.ref.cik != n.ref.cik:
            found.problems.append(f"{written!r}: {n.phrase} is {n.ref.name} ({n.ref.ticker}), {before.phrase} is "
                                  f"{before.ref.name} ({before.ref.ticker}); name the one to watch")
            kept.append(n)
            continue
        name, ticker = (before, n) if n.phrase.lstrip("$").upper() == n.ref.ticker else (n, before)
        ref = ticker.ref if ticker.phrase.lstrip("$").upper() == ticker.ref.ticker else name.ref
        said = f"company {written!r} -> {ref.ticker} ({ref.name}, CIK {ref.cik}) by name and ticker"
        kept[-1] = Named(ref, name.phrase, before.start, said)
    found.named = kept
