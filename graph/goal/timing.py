"""When: the cadence ("weekly", "every Monday", "daily digest", "at 7am") and the horizon ("for the next
quarter", "through March") as an end date counted from the plan's as-of date."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from watchdesk.graph.goal.clock import run_time
from watchdesk.graph.goal.text import Notes, Text

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = tuple(m.lower() for m in calendar.month_name[1:])
_NUMBERS = {w: i for i, w in enumerate(("a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                         "ten", "eleven", "twelve"))}
_NUMBERS["a"] = 1
_NUM = r"(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"  # any count: "for 120 days"
_UNIT = r"(day|week|month|quarter|year)s?"
_DAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|" \
         r"jun|jul|aug|sep|sept|oct|nov|dec)\b\.?"
_I = re.IGNORECASE

_DAILY = re.compile(r"\b(?:daily(?: digest| summary| briefing| recap)?|every ?day|each day|every (?:business |trading |"
                    r"week)?day|each (?:business |trading )?day|every (?:morning|evening|night)|nightly|"
                    r"on (?:a )?daily basis|on weekdays)\b", _I)
_WEEKLY = re.compile(
    r"\b(?:weekly(?: digest| summary| briefing| recap)?|every week|each week|once a week|per week|"
    r"on (?:a )?weekly basis)\b", _I
)
_ON_DAY = re.compile(rf"\b(?:(?:every|each|on)\s+)?{_DAY}(?:\s+(?:morning|mornings|evening|evenings))?\b", _I)
_UNSUPPORTED = re.compile(
    r"\b(?:monthly|quarterly|bi-?weekly|fortnightly|hourly|yearly|(?:semi-?)?annually|"
    rf"every (?:two|2|other|second|third) (?:weeks?|{_DAY})|"
    r"every (?!1 )\d+ (?:hours?|days?|weeks?|months?|quarters?|years?)|"
    r"(?:once|twice) a (?:month|quarter|year)|(?:every|each) (?:month|quarter|year)|per (?:month|quarter))\b", _I
)
# "monthly revenue", "quarterly reports", "hourly wages": the word qualifies a noun, no cadence; what a cadence word
# is followed by when it is one ("monthly digest", "monthly on Fridays", "monthly and ...") is read as before
_QUALIFIES = re.compile(
    r"[ \t]+(?!(?:digests?|summar(?:y|ies)|briefings?|recaps?|updates?|e-?mails?|newsletters?|runs?|basis|cadence|"
    r"schedule|alerts?|reviews?|please|instead|then|starting|beginning|for|on|at|in|and|or|but|from|to|by|until|till|"
    r"through|thru|as|with|if|so|of)\b)[^\W\d_]", _I
)
_ADJECTIVE = re.compile(r"(?:monthly|quarterly|bi-?weekly|fortnightly|hourly|yearly)", _I)
_NEXT = re.compile(
    rf"\b(?:for|over|during|in|within)?\s*(?:the\s+)?(?:next|coming|following)\s+(?:{_NUM}\s+)?{_UNIT}\b", _I
)
_FOR = re.compile(rf"\b(?:for|over)\s+(?:up to\s+|no more than\s+|at most\s+|a maximum of\s+)?{_NUM}\s+{_UNIT}\b", _I)
_VAGUE = re.compile(rf"\b(?:for\s+)?(?:the\s+)?(?:next|coming)\s+(?:few|several|couple of|many)\s+{_UNIT}\b", _I)
_DECIMAL = re.compile(r"\b(?:for|over)\s+(?:the\s+)?(?:next\s+)?(\d+\.\d+)\s+(day|week|month|quarter|year)s?\b", _I)
_SIGNED = re.compile(rf"\b(?:(?:the\s+)?(?:next|coming|following)|for|over)\s+[-−–+]\s*\d+\s+{_UNIT}\b", _I)
_REST = re.compile(r"\b(?:for\s+|through\s+|over\s+|until\s+|till\s+|thru\s+)?(?:the\s+)?"
                   r"(?:(?:rest|remainder|end)\s+of\s+(?:the\s+|this\s+)?|the\s+|this\s+)(quarter|year|month)\b", _I)
# What starts a horizon: "to" and "by" alone do not ("flag any pushouts to Q2", "delivered by Friday", "from Q3 to
# Q4"), except before an ISO date.
# "ending in June", "ending March 2027", "ends on 2027-03-31": the same end, said otherwise
_UNTIL = r"\b(?:through|thru|until|till|up\s+to|(?:ending|ends?)(?:\s+(?:in|on|by))?)\s+"
_END_OF = r"(?:(?:the\s+)?end\s+of\s+)?"  # "until the end of Q1 2027", "until end of Q1 2027"
# "till end of next quarter": that quarter's last day, not three months on
_END_NEXT = re.compile(
    rf"(?:{_UNTIL})?(?:the\s+)?end\s+of\s+(?:the\s+)?(?:next|coming|following)\s+(month|quarter|year)\b", _I
)
# What else reads as a horizon ("until the summer", "through the end of the cycle"): said when no pattern reads it
_UNREAD_HORIZON = re.compile(
    r"\b(?:until|till|thru|(?:through|by)\s+(?:the\s+)?end\s+of)\b(?:\s+(?!(?:for|on|about|regarding|and|or|with|"
    r"weekly|daily|every|each|to|in|from|then|but|please|flag|watch|track|monitor|summari[sz]e|send|e-?mail)\b)"
    r"[^\s|.,;:!?()]+){0,5}", _I
)
_NO_END = re.compile(r"\b(?:until|till)\s+(?:further\s+notice|(?:i|we)\s+stop(?:\s+it)?|stopped|cancell?ed)\b", _I)
_YEAR_END = re.compile(
    rf"{_UNTIL}(?:the\s+)?(?:year[- ]end|end\s+of\s+(?:the\s+|this\s+)?year)(?:\s+(20\d\d))?\b", _I
)
_YEAR = re.compile(rf"{_UNTIL}{_END_OF}(20\d\d)\b(?![-/])", _I)
_NEXT_DAY = re.compile(rf"{_UNTIL}(next\s+)?{_DAY}\b", _I)
_NUMERIC = re.compile(rf"(?:{_UNTIL}|\bending\s+)(\d{{1,2}})[/.](\d{{1,2}})[/.](\d{{2,4}})\b", _I)
_BAD_QUARTER = re.compile(rf"{_UNTIL}{_END_OF}Q(?:[05-9]|\d\d+)\b(?:\s*'?\d{{2,4}})?", _I)
_STARTING = re.compile(
    rf"\b(?:starting|beginning|from|as of|effective)\s+(?:(?:the\s+)?(?:next|coming|this)\s+)?"
    rf"(?:{_UNIT}|{_DAY}|today|tomorrow|now)\b", _I
)
_SINCE = re.compile(
    rf"\b(?:since|from)\s+(?:{_MONTH}(?:\s+(\d{{4}}))?|(20\d\d|19\d\d)(?:-(\d\d)-(\d\d))?)"
    r"(?![\d-])(?!\s*(?:to|through|until|till|and)\b)", _I
)
_ISO_DAY = r"(\d{4}-\d{2}-\d{2})"
_TO = r"(?:\s+(?:to|through|until|till|and)\s+|\s*[-–—]\s*)"  # "2025-01-01 to 2025-06-30", "... – 2025-06-30"
_RANGE = re.compile(rf"\b(?:from|between)\s+{_ISO_DAY}{_TO}{_ISO_DAY}\b", _I)
_MONTH_YEAR = rf"{_MONTH}\s+(\d{{4}})"
_MONTH_RANGE = re.compile(rf"\b(?:from|between)\s+{_MONTH_YEAR}{_TO}{_MONTH_YEAR}", _I)
_ISO = re.compile(
    r"\b(?:through|until|till|to|by|ending|ends?\s+on|ends)\s+(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"
    r"(?![\d-])", _I
)
_QUARTER = re.compile(rf"{_UNTIL}{_END_OF}(?:fiscal\s+)?Q([1-4])(?:\s*'?(\d{{2,4}}))?\b", _I)
_DAY_MONTH = re.compile(rf"{_UNTIL}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?", _I)
# "until June 2025" is the month's end, "until June 20" that day: a day is 1-2 digits not followed by more
_UNTIL_MONTH = re.compile(rf"{_UNTIL}(?:(?:the\s+)?end\s+of\s+)?(?:mid-?)?{_MONTH}"
                          r"(?:\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d))?(?:,?\s+(\d{4}))?", _I)
# dates and periods a horizon cannot take, said rather than dropped
_FISCAL = re.compile(
    rf"{_UNTIL}(?:Q[1-4]\s+)?(?:FY\s?'?\d{{2,4}}|[12]H\s?'?\d{{2,4}}|fiscal\s+(?:year\s+)?\d{{4}})\b", _I
)
_SLASHED = re.compile(rf"{_UNTIL}(\d{{4}})/(\d{{1,2}})/(\d{{1,2}})\b|{_UNTIL}(\d{{1,2}})/(\d{{1,2}})(?![/\d])", _I)


@dataclass(frozen=True)
class Timing:
    cadence: str
    day: str | None
    time: str | None
    until: date | None
    since: date | None = None  # how far back filings are read ("since March")
    filings_until: date | None = None  # the end of a window of filings ("from 2025-01-01 to 2025-06-30")


def find_timing(text: Text, notes: Notes, *, as_of: date) -> Timing:
    window = find_window(text, notes)  # first: "from 2025-01-01 to 2025-06-30" is no horizon
    since = window[0] if window else find_since(text, notes, as_of=as_of)
    cadence, day, time = _cadence(text, notes)
    until = find_horizon(text, notes, as_of=as_of)
    return Timing(cadence, day, time, until, since, window[1] if window else None)


def _cadence(text: Text, notes: Notes) -> tuple[str, str | None, str | None]:
    cadence, day, said = None, None, []
    for pattern in (_UNSUPPORTED, _DAILY, _WEEKLY, _ON_DAY):  # "not daily", "but not on Mondays": no run then
        for m in list(text.finditer(pattern)):
            if negation := text.negation(m.start(), m.end()):
                text.use(m.start(), m.end())
                notes.unclear(f"{negation!r}: no run then; the cadence and day come from the rest of the goal")
    unsupported = [m for m in text.finditer(_UNSUPPORTED)  # first: "every other Monday" is not every Monday
                   if not (_ADJECTIVE.fullmatch(m.group()) and _QUALIFIES.match(text.raw, m.end()))]
    for m in unsupported:
        text.use(m.start(), m.end())
        named_day = re.search(_DAY, m.group(), _I)
        day = day or (named_day.group(1).lower() if named_day else None)
    for pattern, kind in ((_DAILY, "daily"), (_WEEKLY, "weekly")):
        for m in list(text.finditer(pattern)):
            if cadence and cadence != kind:
                notes.unclear(f"{m.group()!r}: the goal names both daily and weekly runs; chose {cadence}")
            cadence = cadence or kind
            said.append(m.group())
            text.use(m.start(), m.end())
    for m in list(text.finditer(_ON_DAY)):
        if re.search(r"\b(?:until|through|thru|till|to|by)\s+(?:next\s+)?$", text.raw[: m.start()], _I):
            continue  # "until next Friday" ends the watch: a horizon, not a run day
        if day and m.group(1).lower() != day:  # "every Monday and Thursday"
            notes.unclear(f"{m.group()!r}: a watchlist runs on one day a week; kept {day}")
            text.use(m.start(), m.end())
            continue
        day = day or m.group(1).lower()
        cadence = cadence or "weekly"
        said.append(m.group())
        text.use(m.start(), m.end())
    for m in unsupported:  # said once the cadence is known: "daily ... monthly" runs daily, and says so
        kept = "chose weekly" if cadence is None else f"kept {cadence}, which the goal also names"
        notes.unclear(f"{m.group()!r}: only daily and weekly runs are supported; {kept}")
    if unsupported and cadence is None:
        cadence = "weekly"
        said += [m.group() for m in unsupported]
    time = run_time(text, notes)
    if cadence is None:
        notes.decide(f"cadence: weekly on monday at {time or '07:00'} (none named; the default"  # merge.py reads it
                     + (f"; the time {time} as named)" if time else ")"))
        return "weekly", None, time
    when = f" on {day or 'monday'}" if cadence == "weekly" else ""
    defaults = [part for part, named in (("monday", day or cadence == "daily"), ("07:00", time)) if not named]
    notes.decide(f"cadence: {cadence}{when} at {time or '07:00'} (from {', '.join(repr(s) for s in said)}"
                 + (f"; {' and '.join(defaults)} by default)" if defaults else ")"))
    return cadence, day, time


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    if year > date.max.year:  # as `day + timedelta(...)` says past the calendar's end
        raise OverflowError("date value out of range")
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _quarter_end(day: date) -> date:
    month = (day.month - 1) // 3 * 3 + 3
    return date(day.year, month, calendar.monthrange(day.year, month)[1])


def find_horizon(text: Text, notes: Notes, *, as_of: date) -> date | None:
    """The last day to watch, or None (until stopped)."""
    for pattern, why in _NOT_HORIZONS:  # read and said, so no later parser takes them for a horizon or a topic
        for m in list(text.finditer(pattern)):
            text.use(m.start(), m.end())
            notes.unclear(f"{m.group().strip()!r}: {why}")
    until, first = _read_horizon(text, notes, as_of=as_of)
    for m in list(text.finditer(_NO_END)):  # "until further notice": no horizon, and said so
        text.use(m.start(), m.end())
        if until is None:
            notes.decide(f"horizon: none (from {m.group()!r}); the watchlist runs until you stop it")
            first = m.group()
    for m in list(text.finditer(_UNREAD_HORIZON)):  # what looks like a horizon and was not read: said, not dropped
        text.use(m.start(), m.end())
        if len(m.group().split()) == 1 and not text.is_free(m.end(), m.end() + 2):
            continue  # "until" before a horizon read without it ("until next quarter")
        notes.unclear(f"{m.group()!r}: " + (f"not read; the watch already ends on {until} (from {first!r})" if until
                      else "read as a horizon but not understood; none set (give a date, e.g. 'until 2027-06-30', "
                      "or a count, e.g. 'for the next 2 quarters')"))  # fmt: skip
    if first is None:
        notes.decide("horizon: none named; the watchlist runs until you stop it")
    return until


def _read_horizon(text: Text, notes: Notes, *, as_of: date) -> tuple[date | None, str | None]:
    """The first horizon a pattern reads, and the words it was read from."""
    for pattern, reader in _HORIZONS:
        for m in text.finditer(pattern):
            try:
                until = reader(m, as_of)
            except ValueError as exc:  # "until 2027-02-30", "until 03/04/2027"
                notes.unclear(f"{m.group().strip()!r}: not a date ({exc})")
                text.use(m.start(), m.end())
                continue
            except OverflowError:  # "for the next 999999999 quarters"
                notes.unclear(f"{m.group().strip()!r}: too far ahead to end the watch (after {date.max}); no horizon "
                              "set")  # fmt: skip
                text.use(m.start(), m.end())
                continue
            if until is None:
                continue
            if until <= as_of:  # said, not dropped in silence: "until 2025-01-01" when it is already 2026
                notes.unclear(f"{m.group().strip()!r}: {until.isoformat()} is not after {as_of.isoformat()}, so it "
                              "cannot end the watch; no horizon set")  # fmt: skip
                text.use(m.start(), m.end())
                continue
            text.use(m.start(), m.end())
            notes.decide(f"horizon: until {until.isoformat()} (from {m.group().strip()!r}, counted from {as_of})")
            return until, m.group().strip()
    return None, None


def _end_next(m: re.Match[str], as_of: date) -> date:
    """ "end of next quarter": the last day of the quarter (month, year) after this one."""
    unit = m.group(1).lower()
    if unit == "year":
        return date(as_of.year + 1, 12, 31)
    if unit == "quarter":
        return _quarter_end(add_months(as_of, 3))
    month = add_months(as_of, 1)
    return date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])


def _next(m: re.Match[str], as_of: date) -> date:
    n = _NUMBERS.get((m.group(1) or "one").lower()) or int(m.group(1))
    unit = m.group(2).lower()
    if unit in {"day", "week"}:
        return as_of + timedelta(days=n * (7 if unit == "week" else 1))
    return add_months(as_of, n * {"month": 1, "quarter": 3, "year": 12}[unit])


def _rest(m: re.Match[str], as_of: date) -> date:
    unit = m.group(1).lower()
    if unit == "year":
        return date(as_of.year, 12, 31)
    if unit == "quarter":
        return _quarter_end(as_of)
    return date(as_of.year, as_of.month, calendar.monthrange(as_of.year, as_of.month)[1])


def _quarter(m: re.Match[str], as_of: date) -> date:
    """ "until Q4 2027": that quarter's last day; "until Q4": the next Q4 to end after as-of, as a month is (said on
    its last day, next year's)."""
    q, year = int(m.group(1)), m.group(2)
    if not year:
        return _next_to_come(q * 3, None, as_of)
    end = date(int(year) % 100 + 2000, q * 3, 1)
    return end.replace(day=calendar.monthrange(end.year, end.month)[1])


def _month(m: re.Match[str], as_of: date) -> date:
    month = _month_number(m.group(1))
    day = int(m.group(2)) if m.group(2) else None
    if not m.group(3):
        return _next_to_come(month, day, as_of)
    year = int(m.group(3))
    last = calendar.monthrange(year, month)[1]
    if day is not None and day > last:  # "until February 30 2027": said as not a date
        raise ValueError(f"{calendar.month_name[month]} has {last} days in {year}")
    return date(year, month, last if day is None else day)


def _next_to_come(month: int, day: int | None, as_of: date) -> date:
    """A month's day (None: its last) given without a year: the first after as-of, this year's or a later year's (the
    next February 29 may be years on). ValueError when the month has no such day ("until February 30")."""
    if not 1 <= month <= 12:
        raise ValueError(f"there is no month {month}")
    for year in range(as_of.year, as_of.year + 9):  # a February 29 comes within 8 years (2096 to 2104)
        last = calendar.monthrange(year, month)[1]
        wanted = last if day is None else day
        if wanted <= last and (found := date(year, month, wanted)) > as_of:
            return found
    raise ValueError(f"{calendar.month_name[month]} has {calendar.monthrange(2024, month)[1]} days at most")


def _decimal(m: re.Match[str], as_of: date) -> date:
    """ "for the next 1.5 years": 18 months; days and weeks to the day."""
    amount, unit = float(m.group(1)), m.group(2).lower()
    if unit in {"day", "week"}:
        return as_of + timedelta(days=round(amount * (7 if unit == "week" else 1)))
    return add_months(as_of, round(amount * {"month": 1, "quarter": 3, "year": 12}[unit]))


def _slashed(m: re.Match[str], as_of: date) -> date:
    """ "until 2027/03/31"; "until 12/31" (month/day, the next one to come)."""
    if m.group(1):
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return _next_to_come(int(m.group(4)), int(m.group(5)), as_of)


def _year(m: re.Match[str], _as_of: date) -> date:
    return date(int(m.group(1)), 12, 31)


def _next_day(m: re.Match[str], as_of: date) -> date:
    """ "until Friday": the first Friday after as-of; "until next Friday": the Friday of next week when this
    week's is still to come (said on a Thursday, the Friday eight days on)."""
    wanted = DAYS.index(m.group(2).lower().rstrip("s"))
    ahead = (wanted - as_of.weekday() - 1) % 7 + 1
    return as_of + timedelta(days=ahead + (7 if m.group(1) and wanted > as_of.weekday() else 0))


def _numeric(m: re.Match[str], _as_of: date) -> date | None:
    """31/03/2027 or 03/31/2027; 03/04/2027 could be either and is refused (ValueError says "not a date")."""
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    year += 2000 if year < 100 else 0
    if a > 12 >= b:
        return date(year, b, a)
    if b > 12 >= a:
        return date(year, a, b)
    if a == b:
        return date(year, a, b)
    raise ValueError("day and month could be either way round; write it as YYYY-MM-DD")


def _month_number(name: str) -> int:
    return next(i for i, month in enumerate(MONTHS, 1) if month.startswith(name.lower()[:3]))


def find_window(text: Text, notes: Notes) -> tuple[date, date] | None:
    """ "filings from 2025-01-01 to 2025-06-30", "from January 2025 through June 2025": a window of filing dates to
    read, not a horizon."""
    for pattern in (_MONTH_RANGE, _RANGE):
        for m in list(text.finditer(pattern)):
            text.use(m.start(), m.end())
            try:
                start, end = _window_days(m) if pattern is _MONTH_RANGE else (
                    date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2)))
            except ValueError as exc:
                notes.unclear(f"{m.group()!r}: not a date ({exc})")
                continue
            if end < start:
                notes.unclear(f"{m.group()!r}: ends before it starts; no window set")
                continue
            notes.decide(f"filings from {start.isoformat()} to {end.isoformat()} (from {m.group()!r})")
            return start, end
    return None


def _window_days(m: re.Match[str]) -> tuple[date, date]:
    """The first day of the first month and the last day of the last ("from January 2025 through June 2025")."""
    first, last = _month_number(m.group(1)), _month_number(m.group(3))
    end_year = int(m.group(4))
    return date(int(m.group(2)), first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])


def find_since(text: Text, notes: Notes, *, as_of: date) -> date | None:
    """ "since March", "since 2022", "from 2025-01-01": how far back filings are read."""
    for m in list(text.finditer(_SINCE)):
        text.use(m.start(), m.end())
        if m.group(1):
            month = _month_number(m.group(1))
            year = int(m.group(2)) if m.group(2) else as_of.year - (month > as_of.month)
            since = date(year, month, 1)
        else:
            try:
                since = date(int(m.group(3)), int(m.group(4) or 1), int(m.group(5) or 1))
            except ValueError as exc:  # "since 2025-02-30"
                notes.unclear(f"{m.group()!r}: not a date ({exc}); no start set")
                continue
        if since > as_of:
            notes.unclear(f"{m.group()!r}: {since.isoformat()} is after {as_of.isoformat()}; no start set")
            continue
        notes.decide(f"filings since {since.isoformat()} (from {m.group()!r})")
        return since
    return None


def _day_month(m: re.Match[str], as_of: date) -> date | None:
    month, day = _month_number(m.group(2)), int(m.group(1))
    return date(int(m.group(3)), month, day) if m.group(3) else _next_to_come(month, day, as_of)


_NOT_HORIZONS = (
    (_STARTING, "a watchlist starts with its first run (`watchdesk run` or the schedule); no start date is kept"),
    (_BAD_QUARTER, "not a quarter (Q1 to Q4); no horizon set from it"),
    (_FISCAL, "fiscal years end on different days for each company; give a date (until 2027-06-30) or a calendar "
              "quarter"),
    (_VAGUE, "how many? no horizon set (say 'for the next 3 weeks')"),
    (_SIGNED, "a horizon is a count of days, weeks, months, quarters or years ahead, without a sign; none set from it"),
)
_HORIZONS = (
    (_ISO, lambda m, _a: date.fromisoformat(m.group(1))),
    (_NUMERIC, _numeric),
    (_YEAR, _year),
    (_NEXT_DAY, _next_day),
    (_DAY_MONTH, _day_month),
    (_QUARTER, _quarter),
    (_UNTIL_MONTH, _month),
    (_YEAR_END, lambda m, a: date(int(m.group(1)) if m.group(1) else a.year, 12, 31)),
    (_SLASHED, _slashed),
    (_DECIMAL, _decimal),
    (_END_NEXT, _end_next),
    (_NEXT, _next),
    (_FOR, _next),
    (_REST, _rest),
)
