"""The run time a goal names: "at 7:30pm", "at 0630", "Mondays 8:15", "weekly Mondays 9am", "at noon". A time that
qualifies what is watched ("5pm earnings calls", "the 4:30pm call", "after 4pm") is no run time: said, not kept."""

from __future__ import annotations

import re

from watchdesk.graph.goal.text import Notes, Text

_I = re.IGNORECASE
# A time zone after a time is said, not kept: runs use the machine's own clock.
_ZONE = (r"(?:\s*\b(?P<zone>utc|gmt|e[sd]?t|c[sd]?t|p[sd]?t|m[sd]?t|cet|cest|bst|jst|hkt|sgt|ist|"
         r"(?:eastern|pacific|central|mountain|tokyo|london|new york|hong kong|singapore|taipei)(?: time)?)\b)?")
_TIME = re.compile(rf"\b(?:at|by|around)\s+(\d{{1,2}})(?!\d)(?:[:.](\d{{2}}))?\s*(am|pm|a\.m\.|p\.m\.)?{_ZONE}", _I)
_MILITARY = re.compile(rf"\b(?:at|by|around)\s+([01]\d|2[0-3])([0-5]\d)\b(?!\s*(?:am|pm)){_ZONE}", _I)
# "weekly Mondays 9am": a time with am or pm needs no "at"
_BARE = re.compile(rf"(?<![\w:.$/-])(\d{{1,2}})(?:[:.](\d{{2}}))?\s*(am|pm|a\.m\.|p\.m\.)(?![\w.]){_ZONE}", _I)
# "Mondays 8:15"; not a time inside an ISO date-time ("2027-02-28T17:00Z") or one with am/pm (_TIME has those)
_CLOCK = re.compile(rf"(?<![\d/.:T-])([01]?\d|2[0-3]):([0-5]\d)(?![\d/.:-])(?!\s*(?:am|pm|a\.m|p\.m)){_ZONE}", _I)
_NOON = re.compile(r"\b(?:at\s+)?(noon|midday|midnight)\b", _I)

# A time written without "at" that qualifies what is watched: the event it names follows ("5pm earnings calls", "8:30
# CPI print"), or a word before it places it ("the 4:30pm call", "NVDA's 5pm call", "after 4pm")
_EVENT_AFTER = re.compile(
    r"[ \t]+(?!(?:digests?|summar(?:y|ies)|briefings?|recaps?|updates?|e-?mails?|newsletters?|runs?|basis|cadence|"
    r"schedule|alerts?|reviews?|reports?|please|pls|sharp|local|time|instead|then|starting|beginning|for|on|at|in|and|"
    r"or|but|from|to|by|until|till|through|thru|as|with|if|so|of|every|each|daily|weekly)\b)"
    r"(?:(?-i:[a-z])|(?:earnings|calls?|conference|webcasts?|prints?|close|open|opening|closing|bell|releases?|sessions?|"
    r"meetings?|presentations?)\b)",
    _I,
)
# "a 6pm digest", "the 9am summary": what is sent then, a run time whatever comes before
_SENT = re.compile(r"[ \t]+(?:digests?|summar(?:y|ies)|briefings?|recaps?|updates?|e-?mails?|newsletters?|runs?|"
                   r"reports?|alerts?)\b", _I)
_PLACED_BEFORE = re.compile(r"(?:\b(?P<word>the|a|an|after|before|past|pre|post)|['’]s)[ \t]+$", _I)


def run_time(text: Text, notes: Notes) -> str | None:
    """The run time: "at 7:30pm", "at 0630", "Mondays 8:15", "at noon"; a time zone is said and dropped, "at 6"
    (am or pm?) and impossible times are said; a negated time ("not at 7am") is none."""
    found: str | None = None
    for pattern in (_TIME, _MILITARY, _CLOCK, _BARE, _NOON):
        for m in list(text.finditer(pattern)):
            text.use(m.start(), m.end())
            if negation := text.negation(m.start(), m.end()):
                notes.unclear(f"{negation!r}: not a run time")
                continue
            said = m.group().strip()
            if pattern in (_BARE, _CLOCK) and (placed := _placed(text, m)):
                notes.unclear(f"{placed!r}: {said} read as part of what is watched, not as the run time; to run at "
                              f"{said}, write 'at {said}'")
                continue
            value = _clock(m, pattern)
            if value is None:
                notes.unclear(f"{said!r}: not a time of day (am or pm? 00:00-23:59); the run time stays 07:00")
                continue
            if m.groupdict().get("zone"):
                notes.unclear(f"{said!r}: time zones are not kept; runs use this machine's clock ({value} there)")
            if found and value != found:
                notes.unclear(f"{said!r}: a watchlist runs once a day at one time; kept {found}")
                continue
            found = found or value
    return found


def _clock(m: re.Match[str], pattern: re.Pattern[str]) -> str | None:
    if pattern is _NOON:
        return "00:00" if m.group(1).lower() == "midnight" else "12:00"
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if pattern in (_TIME, _BARE):
        half = (m.group(3) or "").lower().replace(".", "")
        if not half and not m.group(2):
            return None  # "at 7" alone: morning or evening?
        if half and not 1 <= hour <= 12:
            return None  # "at 99pm"
        hour = hour % 12 + (12 if half == "pm" else 0) if half else hour
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def _placed(text: Text, m: re.Match[str]) -> str | None:
    """The words that make a time written without "at" part of what is watched ("5pm earnings", "the 4:30pm call",
    "after 4pm"), or None when it stands as a run time does ("weekly Mondays 9am", "daily 6pm digest")."""
    if _SENT.match(text.raw, m.end()):
        return None
    before = _PLACED_BEFORE.search(text.raw, 0, m.start())
    if not before and not _EVENT_AFTER.match(text.masked(), m.end()):
        return None
    word = re.match(r"[ \t]+[^\W\d_]+", text.raw[m.end() :])
    start = before.start("word") if before and before.group("word") else m.start()  # "NVDA's 5pm call": "5pm call"
    return text.raw[start : m.end() + (word.end() if word else 0)]
