"""Misspelt goal words read as the word meant ("inventroy" -> "inventory", "weekley" -> "weekly"), each said.

Only lower-case words (and the goal's first word) of five letters or more are corrected, and only to a word of
the goal vocabulary below with the same first letter at difflib similarity 0.85 or more, or with two neighbouring
letters swapped ("chian"): a capitalised word may be a company, and is left to the company resolver and its close
matches; a word inside an address, a real word in REAL_WORDS, or one nothing is close to stays as written.
"""

from __future__ import annotations

import difflib
import re

from watchdesk.graph.goal.text import Notes
from watchdesk.graph.goal.words import common_words, english_by_initial, is_english, words

CUTOFF = 0.85
SLIP_CUTOFF = 0.9  # a custom topic's word and an English word: "goverment" (0.95), not "chiplets", "chaplets" (0.88)
# The words goals are made of: topic phrasings (goal_topics.toml), sources, cadence, verbs.
VOCABULARY = words(
    "inventory inventories adjustments destocking restocking writedowns write-downs obsolescence digestion "
    "supply chain chains suppliers supplier shortages shortage constraints disruptions logistics bottlenecks "
    "sourcing allocation packaging capacity geopolitical geopolitics export controls restrictions tariffs sanctions "
    "china chinese taiwan trade tensions military conflict reshoring onshoring decoupling demand orders bookings "
    "backlog visibility pricing margins margin guidance outlook revenue earnings calls transcripts transcript "
    "conference filings filing annual quarterly reports news headlines articles weekly daily monthly monday tuesday "
    "wednesday thursday friday saturday sunday morning evening every monitor track watch flag summarize summarise "
    "highlight alert mentions sentiment risks warnings briefing digest summary email through until quarter "
    # the other shipped topics' words (goal_topics.toml): "reguation" is regulation's, not a topic of its own
    "regulation regulations regulatory regulators litigation lawsuits antitrust investigations investigation "
    "compliance settlements settlement patent patents capital expenditures expenditure investments investment "
    "intensity expansion expansions additions utilization utilisation construction closures openings profitability "
    "discounting inflation forecasts forecast reaffirmed accelerators accelerator hyperscalers hyperscaler "
    "artificial intelligence bandwidth memory generative infrastructure adoption workloads buildout buildouts "
    "stockpiling "
    "overstock reserves corrections levels channel component availability shipping delays security softness "
    "weakness strength signals trends increases pressure"
)
# Real words a vocabulary word is close to, read as themselves ("biweekly" is an unsupported cadence, said as such,
# not "weekly"; "filling" is not "filing").
REAL_WORDS = words(
    "biweekly bi-weekly fortnightly bimonthly semiweekly semimonthly quarterly monthly hourly yearly annually "
    "filling fillings weekday weekdays weakly ordering calling billing pensions tension pending spending"
)
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-]){4,}")  # letters of any script: "exportés" is one word
# A word joined to an address or a dotted name: after "@", ".", "/", ":", "_", "+", "%", "=", or before "@", "/",
# "_", "+", "=" or a "." that a letter or digit follows (a sentence's full stop is no join).
_JOINED = re.compile(r"[@./:_+%=]$")
_JOINED_AFTER = re.compile(r"[@/_+=]|\.[A-Za-z0-9]")


# "the next 6 wks", "past 2 qtrs": a unit of time abbreviated after a count, read as the word
_UNITS = {"wk": "week", "wks": "weeks", "mos": "months", "mth": "month", "mths": "months", "qtr": "quarter",
          "qtrs": "quarters", "yr": "year", "yrs": "years"}  # fmt: skip
_ABBREVIATED = re.compile(r"\b(?:\d+(?:\.\d+)?|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|"
                          r"several|next|past|last|coming)\s+(wks?|mos|mths?|qtrs?|yrs?)\b", re.IGNORECASE)


# "til June", "'til the end of Q1": till, before a date or an end
_TIL = re.compile(r"(?<![\w'])'?til(?=\s+(?:the\s+)?(?:end|next|\d|q[1-4]\b|jan|feb|mar|apr|may|jun|jul|aug|sep|"
                  r"oct|nov|dec|year|mid))", re.IGNORECASE)


def _said(word: str, meant: str, notes: Notes) -> str:
    notes.decide(f"spelling: read {word!r} as {meant!r}")
    return meant


def correct(goal: str, notes: Notes) -> str:
    """The goal with each misspelt vocabulary word replaced by the word meant; every replacement is a decision."""
    goal = _units(goal, notes)
    common, first = common_words(), True
    out, last = [], 0
    for m in _WORD.finditer(goal):
        word, lower = m.group(), m.group().lower()
        initial, first = first, False
        if (word[0].isupper() and not initial) or lower in VOCABULARY or lower in common:
            continue
        if _JOINED.search(goal[max(0, m.start() - 1) : m.start()]) or _JOINED_AFTER.match(goal, m.end()):
            continue  # a piece of an address or a dotted name ("inventry@desk.com" is someone's address)
        if lower in REAL_WORDS:
            continue
        # a typo keeps its first letter: "pensions" is not "tensions", "borders" and "reorders" not "orders"
        close = [w for w in difflib.get_close_matches(lower, VOCABULARY, n=3, cutoff=CUTOFF) if w[0] == lower[0]][
            :1] or sorted(w for w in VOCABULARY if swapped(lower, w))[:1]
        if not close or (is_english(lower) and close[0].rstrip("s") != lower.rstrip("s")):
            continue  # an English word is itself ("serves" is no "servers"), unless one is the other's plural
        meant = close[0].capitalize() if word[0].isupper() else close[0]
        notes.decide(f"spelling: read {word!r} as {meant!r}")
        out += [goal[last : m.start()], meant]
        last = m.end()
    return "".join([*out, goal[last:]])


def _units(goal: str, notes: Notes) -> str:
    goal = _TIL.sub(lambda m: _said(m.group(), "till", notes), goal)
    def full(m: re.Match[str]) -> str:
        word = _UNITS[m.group(1).lower()]
        notes.decide(f"spelling: read {m.group(1)!r} as {word!r}")
        return m.group()[: m.start(1) - m.start()] + word

    return _ABBREVIATED.sub(full, goal)


def swapped(a: str, b: str) -> bool:
    """Is `b` `a` with two neighbouring letters swapped ("chian", "chain")? Short words score low on difflib for
    that; other single edits are left alone, since they make real words ("border" is not "orders")."""
    diff = [i for i in range(len(a)) if len(a) == len(b) and a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def english_slip(term: str) -> str | None:
    """The English word a lower-case `term` of a custom topic may be a slip for ("goverment": "government"), when it is
    none itself: suggested, never read in its place (a trade's word, "chiplets", is no slip)."""
    lower = term.lower()
    if not term.islower() or len(term) < 5 or not term.isalpha() or is_english(lower):
        return None
    candidates = [w for w in english_by_initial(lower[0]) if abs(len(w) - len(lower)) <= 2]
    close = difflib.get_close_matches(lower, candidates, n=1, cutoff=SLIP_CUTOFF)
    return close[0] if close else None
