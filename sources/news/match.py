"""Which watchlist companies a news item is about: names, aliases and ticker forms, look-alikes rejected.

A name matches as a word with a capital first letter ("Nvidia", "NVIDIA's", "Nvidia-backed"), never
inside another word ("ASML" is not "ASMLF", "TSM" is not "TSMC"). A bare ticker is too ambiguous
in prose, so symbols count only in ticker forms: "$NVDA", "NASDAQ:NVDA", "(NYSE: TSM)", or a feed's
own category tag that is exactly the symbol.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_EXCHANGES = r"(?:NASDAQ|NasdaqGS|NasdaqGM|NYSE|NYSEArca|AMEX|OTC|TWSE|TPE|TWO|Euronext|AMS|ENXTAM|LSE|TSX|HKEX)"
# Legal-form words dropped from SEC's company names: "NVIDIA CORP" -> "NVIDIA".
_LEGAL = frozenset({"corp", "corporation", "inc", "incorporated", "co", "company", "ltd", "limited", "plc",
                    "nv", "n.v.", "sa", "ag", "se", "holding", "holdings", "group", "the", "llc", "lp"})


@dataclass(frozen=True, slots=True)
class TickerTerms:
    """What names a company in news: its symbol and the names it goes by."""

    symbol: str
    names: tuple[str, ...]

    def pattern(self) -> re.Pattern[str]:
        sym = re.escape(self.symbol)
        forms = [rf"\${sym}(?![A-Za-z0-9])", rf"\b{_EXCHANGES}\s*:\s*{sym}(?![A-Za-z0-9]|\.[A-Za-z])"]
        for name in self.names:
            head, rest = re.escape(name[0]), re.escape(name[1:])
            # First letter as written (capitalised), the rest in any case: "Nvidia" and "NVIDIA", not "nvidia".
            forms.append(rf"(?<![\w$.\-/]){head.upper()}(?i:{rest})(?![\w]|-[A-Z]{{1,2}}\b)")
        return re.compile("|".join(forms))


def company_name(sec_name: str) -> str:
    """SEC's registrant name without its legal form: "TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD" ->
    "TAIWAN SEMICONDUCTOR MANUFACTURING"."""
    words = sec_name.replace(",", " ").split()
    while words and words[-1].lower() in _LEGAL:
        words.pop()
    return " ".join(words)


def terms_for(symbol: str, *, sec_name: str = "", aliases: Iterable[str] = ()) -> TickerTerms:
    names = [n for n in (company_name(sec_name), *aliases) if len(n) >= 3]
    return TickerTerms(symbol=symbol.upper(), names=tuple(dict.fromkeys(names)))


# An entry tagged with more symbols than this is a list (fund holdings, "top 50 dividend stocks", a week-ahead
# calendar): its tags alone do not make it about one company; its headline or summary must name it.
MAX_TAGS = 20


def topical_tags(categories: Iterable[str]) -> tuple[str, ...]:
    """An entry's category tags, or none when it carries more than MAX_TAGS distinct ones (a list of symbols)."""
    tags = tuple(categories)
    return tags if len({c.strip().upper() for c in tags}) <= MAX_TAGS else ()


def match_tickers(text: str, terms: Sequence[TickerTerms], *, categories: Iterable[str] = ()) -> list[str]:
    """Symbols of the companies `text` (headline and summary) or the entry's category tags name."""
    tags = {c.strip().upper() for c in topical_tags(categories)}
    return [t.symbol for t in terms if t.symbol in tags or t.pattern().search(text)]
