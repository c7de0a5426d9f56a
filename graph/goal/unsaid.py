"""What a goal says that no parser before reads, read or said rather than dropped: a span before the plan's day
("last quarter", "the past 2 years") as how far back filings are read, and model or period codes ("MI300", "Q3")."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from watchdesk.graph.goal.found import Found, Named
from watchdesk.graph.goal.names import WELL_KNOWN, CompanyIndex
from watchdesk.graph.goal.text import Notes, Text
from watchdesk.graph.goal.timing import Timing

_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_COUNTS = {w: i for i, w in enumerate(_NUMBERS, 1)}
_LOOKBACK = re.compile(
    r"\b(?:since\s+)?(?:the\s+)?(?:last|past|previous|prior)\s+(?:(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|few|several|couple of)\s+)?(day|week|month|quarter|year)s?\b",
    re.IGNORECASE,
)
_MONTHS = {"month": 1, "quarter": 3, "year": 12}
# "Q3", "3Q25", "FY2025", "1H", "H2 2025", "Q4'24": a fiscal period, which no parser reads; its year of two digits
# (10-39) or four: "H20", "H100" and "H200" are NVIDIA's chips
PERIOD = re.compile(r"(?:Q[1-4]|[1-4]Q|H[12]|[12]H|FY)(?:'?[1-3]\d|(?:19|20)\d\d)?", re.IGNORECASE)


def with_lookback(timing: Timing, text: Text, notes: Notes, *, as_of: date) -> Timing:
    """`timing` with filings read since the span the goal names before `as_of` ("last quarter": 3 months), unless
    the goal names a start ("since March"), which is kept."""
    for m in list(text.finditer(_LOOKBACK)):
        text.use(m.start(), m.end())
        count, unit = (m.group(1) or "1").lower(), m.group(2).lower()
        if not (count.isdigit() or count in _COUNTS):  # "the last few quarters"
            notes.unclear(f"{m.group()!r}: how many? no start set (say 'the last 2 {unit}s' or 'since 2025-07-01')")
            continue
        if timing.since is not None:
            notes.unclear(f"{m.group()!r}: filings are read since {timing.since.isoformat()}, as the goal also says; "
                          "no other start set")
            continue
        n = int(count) if count.isdigit() else _COUNTS[count]
        since = _before(as_of, n, unit)
        notes.decide(f"filings since {since.isoformat()} (from {m.group()!r}: {n} {unit}{'s' * (n != 1)} before "
                     f"{as_of.isoformat()})")
        timing = replace(timing, since=since)
    return timing


def _before(day: date, n: int, unit: str) -> date:
    if unit in ("day", "week"):
        return day - timedelta(days=n * (7 if unit == "week" else 1))
    year, month = divmod(day.year * 12 + day.month - 1 - n * _MONTHS[unit], 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def say_codes(text: Text, notes: Notes) -> None:
    """Words of letters and digits no parser read ("MI300", "Q3"), said: the other parsers leave them out."""
    for tok in text.tokens():
        word = tok.word.lstrip("$")
        if not (any(c.isdigit() for c in word) and any(c.isalpha() for c in word)):
            continue
        if PERIOD.fullmatch(word):
            notes.unclear(f"{word!r}: not understood, ignored (a fiscal period; to read filings back to it, say how "
                          "far back: 'the last 2 quarters' or 'since 2025-07-01')")
        else:
            notes.unclear(f"{word!r}: not understood, ignored (to flag it as written, name it as a topic: "
                          f"'flag {word}')")


def say_qualified(text: Text, named: list[Named], notes: Notes, *, also_after: list[int] | None = None) -> None:
    """The words right after a watched company that no parser read, one of them an abbreviation ("watch Ford EV
    losses"): said, as "for EV losses" would be flagged; so are those after a ticker said and not watched (`also_after`,
    where each ends: "ford and gm EV losses"). The other parsers leave such words out (an abbreviation and a common
    word each say nothing alone)."""
    from watchdesk.graph.goal.positions import STANDS_ALONE_BEFORE
    from watchdesk.graph.goal.words import ACRONYMS

    tokens = text.tokens()
    for end in [n.end for n in named] + list(also_after or ()):
        run = []
        start = end
        for tok in (t for t in tokens if t.start >= start):
            if not text.raw[end : tok.start].isspace() or tok.word.lower() in STANDS_ALONE_BEFORE:
                break
            run.append(tok)
            end = tok.end
        said = " ".join(notes.not_understood)
        if not run or not text.is_free(run[0].start, run[-1].end):
            continue  # "watch Ford EV losses": a custom topic (qualified.py)
        if not any(t.word.upper() in ACRONYMS for t in run) or any(repr(t.text)[:-1] in said for t in run):
            continue
        phrase = text.raw[run[0].start : run[-1].end]
        notes.unclear(f"{phrase!r}: not understood, ignored (to flag it as written, name it as a topic: "
                      f"'for {phrase}')")


def say_generic_in_list(text: Text, found: Found, notes: Notes, index: CompanyIndex) -> None:
    """A word that starts too many companies' names to name one ("United", "American"), alone in a list of companies
    ("Delta, United and American Airlines"): said, not dropped unsaid (a common word, the leftovers skip it), with the
    well-known companies it starts. Right after a watch verb ("watch United for jet fuel") it stands where a company
    does: the goal stops on it, listing them."""
    from watchdesk.graph.goal.companies import GENERIC
    from watchdesk.graph.goal.company_said import cashtags, said_candidates
    from watchdesk.graph.goal.positions import after_watch_verb, beside_company, qualified_words

    starts = {n.start for n in found.named}
    for tok in text.tokens():
        if not tok.capitalized or tok.word.lower() not in GENERIC or not text.is_free(tok.start, tok.end) or any(
                p.startswith(repr(tok.text)) for p in found.problems):  # said already ("'Applied' is not a company")
            continue
        refs = sorted((r for r in index.prefixes.get(tok.word.lower(), []) if index.rank[r.cik] < WELL_KNOWN),
                      key=lambda r: index.rank[r.cik])[:5]  # fmt: skip
        which = f"{said_candidates(refs)}; write {cashtags(refs)} to watch one" if refs else "name it in full"
        if beside_company(tok.start, tok.end, found, text.raw):
            notes.unclear(f"{tok.text!r}: not understood, ignored (a company? {tok.word!r} alone starts too many "
                          f"companies' names: {which}, or name it in full)" if refs else
                          f"{tok.text!r}: not understood, ignored (a company? {tok.word!r} alone starts too many "
                          "companies' names: name it in full or by its ticker)")
        elif refs and after_watch_verb(tok.start, text.raw) and qualified_words(
                [Named(refs[0], tok.text, tok.start)], text.raw, starts) == "":
            found.problems.append(f"{tok.text!r} alone starts the names of several companies: {which} (or name it "
                                  "in full)")
            text.use(tok.start, tok.end)
