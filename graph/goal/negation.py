"""What a goal says not to do: "but not news", "excluding Intel", "not bob@fund.com", "don't email me".

A negation's scope runs from its cue to the end of the clause (punctuation) or to a word that starts another part
of the goal ("for", "until", "flag", "weekly", ...). Parsers ask `Text.negation(start, end)` for every match and
leave out what falls in a scope instead of adding it; words in a scope that no parser reads are reported with the
rest of the unread words, so a negation is never honoured the wrong way round or dropped in silence.
"""

from __future__ import annotations

import re

from watchdesk.graph.goal.text import Notes, Text
from watchdesk.graph.goal.words import words

_CUE = re.compile(
    r"\b(?:(?:but|and|or) not|not(?! only\b| just\b| before\b| after\b| later\b| less\b| more\b)|"
    r"no need (?:for|to(?: include| add| get| cover)?)|anything but|"
    r"no(?! later\b| more\b| less\b| longer\b| sooner\b| need\b)|excluding|exclude|except(?: for)?|without|"
    r"other than|apart from|leav(?:e|ing) out|skip(?:ping)?|"
    # "don't forget tariffs", "never miss an 8-K" ask for what follows: no negation
    r"(?:don['’]?t|do not|never)(?! forget\b| miss\b| overlook\b| ignore\b))\b",
    re.IGNORECASE,
)
# "nothing but tariffs", "nothing except inventory", "nothing other than X": only X, which is what a goal names
# anyway: the words are read and what follows is kept.
_ONLY = re.compile(r"\bnothing (?:but|except(?: for)?|other than|else but)\b|"
                   r"\b(?:don['’]?t|do not|never)\s+(?:forget|miss|overlook|ignore)\b", re.IGNORECASE)
_WORD = re.compile(r"\S+")
_BOUNDARY = re.compile(r"[,;:!?\n()\[\]]|\.(?:\s|$)")
# After the scope's first word, one of these starts another part of the goal.
_STOP = words(
    "for about on in through thru until till by with weekly daily every each at from since over during within flag "
    "flagging send email e-mail mail track watch monitor summarize summarise highlight alert then but starting focus "
    "look deliver"
)


def find_negations(text: Text, notes: Notes) -> None:
    """Record each negation's scope on `text` and mark its cue as read; runs before every other parser."""
    for only in list(_ONLY.finditer(text.masked())):  # words that ask for what follows: read, nothing left out
        text.use(only.start(), only.end())
        if only.group().lower().startswith("nothing"):
            notes.decide(f"{only.group()!r}: only what follows is watched, as the goal names it")
    masked = text.masked()
    for cue in list(_CUE.finditer(masked)):
        end = _scope_end(masked, cue.end())
        if end <= cue.end():
            notes.unclear(f"{cue.group()!r}: not followed by what to leave out; ignored")
            text.use(cue.start(), cue.end())
            continue
        phrase = " ".join(masked[cue.start() : end].split())
        text.negate(cue.end(), end, phrase)
        text.use(cue.start(), cue.end())


# "not inventory, supply chain or geopolitics": a list ending in "or" (or "nor") after the comma is still the
# negation's; a list ending in "and" is not ("not AMD, Intel and TSMC" may mean watch the last two).
_OR_LIST = re.compile(r",\s*(?P<items>(?:[^,;:!?\n.()]+,\s*)*?[^,;:!?\n.()]+?),?\s+(?:or|nor)\s+(?=\S)",
                      re.IGNORECASE)


def _scope_end(masked: str, start: int) -> int:
    end = _clause_end(masked, start)
    tail = _OR_LIST.match(masked, end)
    if tail and end > start and not any(w.strip("'’\"").lower() in _STOP for w in tail["items"].split()):
        return _clause_end(masked, tail.end())
    return end


def _clause_end(masked: str, start: int) -> int:
    boundary = _BOUNDARY.search(masked, start)
    limit = boundary.start() if boundary else len(masked)
    end, first = start, True
    for w in _WORD.finditer(masked, start, limit):
        word = w.group().strip("'’\"").lower()
        if not first and word in _STOP:
            break
        end, first = w.end(), False
    return end
