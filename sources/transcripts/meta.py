"""Call metadata from a transcript's header text or file name: company, ticker, fiscal quarter, date."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import PurePath

from watchdesk.sources.regex_cache import compile_cached
from watchdesk.sources.transcripts.model import Hints

_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_DATE = compile_cached(rf"\b({_MONTHS})[a-z]*\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b")
_ISO = compile_cached(r"\b(20\d{2})-(\d{2})-(\d{2})\b")
# A fiscal period end or a publication stamp is not the call date ("for the period ending April 30, 2020").
_NOT_CALL_DATE = compile_cached(
    r"(?:ending|ended|end(?:ing)? of|through|as of|published|updated|posted)(?: on)?\s*$", re.IGNORECASE
)
# "(NASDAQ: NVDA)", "(NYSE:MFGP)", "( NVDA +0.03% )", "(TSM)".
_TICKER = compile_cached(
    r"\(\s*(?:(?P<exchange>NASDAQ|NYSE|NYSEAMERICAN|AMEX|OTC|TSX|LSE|Euronext|TWSE)\s*:\s*)?"
    r"(?P<ticker>[A-Z][A-Z0-9]{0,5}(?:[.\-][A-Z])?)(?:\s+[+\-−]?\d[\d.,]*%)?\s*\)"
)
# A vendor's header line "Taiwan Semiconductor Manufacturing Company Limited | Earnings Calls | 2026-07-16".
_COMPANY_BAR = compile_cached(
    r"^(?P<company>[A-Z][^|\n]{2,80}?)\s*\|\s*Earnings Calls?\b", re.MULTILINE | re.IGNORECASE
)
_PERIOD = compile_cached(r"\bQ([1-4])\s+(?:FY\s*|fiscal\s+(?:year\s+)?)?'?(20\d{2}|\d{2})\b", re.IGNORECASE)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_PERIOD_WORDS = compile_cached(
    r"\b(first|second|third|fourth)[- ]quarter(?: and full[- ]year)?(?: of| in)?(?: (fiscal|FY))?(?: year)? ?'?"
    r"(20\d{2})\b",
    re.IGNORECASE,
)
# The next call's period in the opening's safe harbour: "replay until the conference call to discuss our financial
# results for the first quarter of fiscal 2025" is not this call's.
_NEXT_CALL = compile_cached(r"(?:replay|until the (?:conference )?call|call to discuss)[^.]{0,80}$", re.IGNORECASE)
# File names: NVDA_2024_Q1, ACN_q1_2022, nvidia-nvda-q1-2025-..., 2020-07-07-...-mfgp-q2-2020-...
_NAME_TQY = compile_cached(r"(?:^|[_\-])([A-Za-z]{1,6})[_\-]q([1-4])[_\-](20\d{2})(?:[_\-.]|$)", re.IGNORECASE)
_NAME_TYQ = compile_cached(r"^([A-Za-z]{1,6})[_\-](20\d{2})[_\-]q([1-4])(?:[_\-.]|$)", re.IGNORECASE)
_NAME_DATE = compile_cached(r"^(20\d{2})-(\d{2})-(\d{2})-")


def period(year: int | str, quarter: int | str) -> str:
    """Canonical fiscal period "YYYY-Qn" ("25" reads as 2025)."""
    y = int(year)
    return f"{y + 2000 if y < 100 else y}-Q{int(quarter)}"


def find_ticker(text: str) -> tuple[str, int] | None:
    """First parenthesised ticker and where it starts."""
    m = _TICKER.search(text)
    return (m.group("ticker"), m.start()) if m else None


def find_period(text: str) -> str | None:
    """Fiscal period from "Q1 2025" or "first quarter of fiscal 2024", not the next call's ("replay until the
    conference call to discuss ... the first quarter of fiscal 2025")."""
    m = _PERIOD.search(text)
    if m:
        return period(m.group(2), m.group(1))
    for w in _PERIOD_WORDS.finditer(text):
        if not _NEXT_CALL.search(text[max(0, w.start() - 120) : w.start()]):
            return period(w.group(3), _ORDINALS[w.group(1).lower()])
    return None


def find_call_date(text: str) -> date | None:
    """First date in `text` that is not a period end."""
    for m in _DATE.finditer(text):
        if _NOT_CALL_DATE.search(text[max(0, m.start() - 25) : m.start()]):
            continue
        try:
            return datetime.strptime(f"{m.group(1)[:3]} {m.group(2)} {m.group(3)}", "%b %d %Y").date()
        except ValueError:
            continue
    iso = _ISO.search(text)
    return _safe_date(*iso.groups()) if iso else None


# The safe-harbour line states the call's own date: "All our statements are made as of today, May 28th, 2025".
_TODAY = compile_cached(
    rf"\b(?:as of today|today(?: is)?)[,\s]+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"({_MONTHS})[a-z]*\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b",
    re.IGNORECASE,
)


def find_stated_date(text: str) -> date | None:
    """The date a call gives itself ("as of today, May 28th, 2025"; "Today is Tuesday, July 16, 2026")."""
    m = _TODAY.search(text)
    if m is None:
        return None
    try:
        return datetime.strptime(f"{m.group(1)[:3].title()} {m.group(2)} {m.group(3)}", "%b %d %Y").date()
    except ValueError:
        return None


def header_meta(header: str, *, title: str | None = None) -> Hints:
    """Company, ticker, period and date from a title line and the text before the first turn."""
    company = ticker = None
    for source in filter(None, (title, header)):
        found = find_ticker(source)
        if found:
            ticker, at = found
            company = _company_before(source[:at])
            break
    text = " ".join(filter(None, (title, header)))
    bar = _COMPANY_BAR.search(header)
    company = company or (bar["company"].strip() if bar else None)
    return Hints(company=company, ticker=ticker, fiscal_period=find_period(text), call_date=find_call_date(header))


# The operator's opening names the company before the call's period or kind: "welcome to the AMD first quarter 2024
# conference call", "welcome everyone to NVIDIA's conference call", "welcome to the Q1 2021 ServiceNow earnings call",
# "I would like to welcome you to ...", "welcome to today's AMD earnings call", "thank you for joining (us for) the
# AMD ... call", "welcome to the Fiscal Year 2025 Fourth Quarter Micron ... call", "Apple Inc.'s", "Advanced Micro
# Devices, Inc. fourth quarter". Each word of the name is capitalised (or a digit: "3M"), joined by "of", "and", "&"
# at most ("Helen of Troy"); a legal suffix written with its full stop or after a comma is left out of the name.
_CALL_WORD = (r"(?:first|second|third|fourth|fiscal|FY|Q[1-4]|quarter|quarterly|full|annual|\d{4}|earnings|results|"
              r"conference|financial|post-earnings|business|webcast|call|analyst|investor)\b")
_NAME_WORD = r"[A-Z0-9](?:[\w&'’-]|\.(?=\w))*"  # "Amazon.com", never a sentence's full stop
_LEAD = (r"(?:welcome(?:\s+(?:everyone|you|all))?\s+to|thank\s+you\s+for\s+(?:joining|attending)"
         r"(?:\s+us\s+(?:for|on|at))?)\s+(?:the\s+|today['’]s\s+)?")
_CALLED_PERIOD = (r"(?:Q[1-4]|[1-4]Q\d{2,4}|(?:first|second|third|fourth)[- ]quarter|fiscal|full[- ]year|year|"
                  r"FY(?:\d{2,4})?|'?\d{2,4})")
_SUFFIX = r"(?:,?\s+(?:Inc|Corp|Co|Ltd|N\.V|S\.A)\.|,\s+(?:Inc|Corp|Ltd|plc|Incorporated|Corporation)\b)?"
_WELCOME = compile_cached(
    rf"\b(?i:{_LEAD}(?:{_CALLED_PERIOD}\s+)*)"
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:of\s+|and\s+|&\s+)?{_NAME_WORD}){{0,5}}?){_SUFFIX}['’]?s?\s+(?i:{_CALL_WORD})"
)
OPENING_REACH = 1500  # the operator's welcome comes first


def stated_company(opening: str) -> str | None:
    """The company a call's opening names ("welcome to the AMD first quarter 2024 conference call" -> "AMD"), or None
    where it names none in those words ("welcome to our business update call")."""
    m = _WELCOME.search(opening[:OPENING_REACH])
    return re.sub(r"['’]s?$", "", m["name"]) or None if m else None


def _company_before(prefix: str) -> str | None:
    # The company is the name written just before the "(TICKER)": last line, site noise trimmed.
    line = re.split(r"[\n|]", prefix.rstrip())[-1].strip(" ,:-")
    line = re.sub(r"^.*\b(?:Transcript|Image source)[^A-Z]*", "", line).strip()
    return line or None


def hints_from_name(origin: str) -> Hints:
    """Ticker, fiscal period and (for dated names) call date guessed from a file name or URL."""
    name = PurePath(origin.split("?")[0]).name
    ticker = quarter = year = None
    m = _NAME_TYQ.match(name)
    if m:
        ticker, year, quarter = m.groups()
    else:
        m2 = _NAME_TQY.search(name)
        if m2:
            ticker, quarter, year = m2.groups()
    d = _NAME_DATE.match(name)
    return Hints(
        ticker=ticker.upper() if ticker else None,
        fiscal_period=period(year, quarter) if year and quarter else None,
        call_date=_safe_date(*d.groups()) if d else None,
    )


def _safe_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None
