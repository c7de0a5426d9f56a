"""Lines of a transcript and what each one is: section heading, speaker line, or spoken text.

HTML, plain text and PDF all become a list of `Line`s; HTML adds what markup tells (bold lead,
italic, heading element), text and PDF go by the text's shape alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from watchdesk.sources.regex_cache import compile_cached
from watchdesk.sources.transcripts.roles import is_operator, looks_like_name, looks_like_role

Mark = Literal["prepared", "qa", "participants"]


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph or line; `bold` is its leading bold run, if the markup had one."""

    text: str
    bold: str | None = None
    italic: bool = False
    heading: bool = False
    rest_italic: bool = False  # everything after the bold lead is italic ("<b>Name</b> <i>Role</i>")


@dataclass(frozen=True, slots=True)
class SpeakerLine:
    """A detected speaker label: `used` lines consumed; `inline` is text on the label's own line."""

    name: str
    role: str | None
    used: int
    inline: str | None = None
    strong: bool = False  # evidence beyond the name itself (a role, a dash line, markup, "Operator")


_HEADINGS: dict[Mark, re.Pattern[str]] = {
    "prepared": compile_cached(
        r"^(?:prepared (?:remarks|statements?)|presentation|opening remarks|management (?:remarks|presentation|"
        r"discussion(?: section)?))$",
        re.IGNORECASE,
    ),
    "qa": compile_cached(
        r"^(?:questions?\s*(?:and|&)\s*answers?(?:\s+session)?|question[- ]and[- ]answer(?:\s+session)?|"
        r"q\s*&\s*a(?:\s+session)?|q and a)$",
        re.IGNORECASE,
    ),
    "participants": compile_cached(
        r"^(?:(?:call|conference call|corporate|company|conference)\s+participants|participants|executives|"
        r"analysts)$",
        re.IGNORECASE,
    ),
}
_DASH_ONLY = frozenset({"--", "-", "—", "–"})
_INLINE_DASH = compile_cached(r"^(?P<name>[^:|,]{2,60}?)\s*(?:--|—|–|\s-\s)\s*(?P<role>\S.{1,150})$")
_INLINE_COLON = compile_cached(r"^(?P<name>[^:()]{2,60}?)\s*(?:\((?P<role>[^)]{1,100})\))?\s*:\s+(?P<text>\S.*)$")
# "Jeff Su (Executives)", "Sunny Lin (Analysts)", "Operator (Operator)": the speaker's group in parentheses.
_PAREN_ROLE = compile_cached(r"^(?P<name>[^()]{2,60}?)\s*\((?P<role>[^()]{2,100})\)$")
_GROUP_PLURAL = compile_cached(r"\b(Executive|Analyst|Operator|Officer|Director|Participant)s\b", re.IGNORECASE)
_LEAD_SEP = compile_cached(r"^\s*(?:--|—|–|-|,|\|)\s*")
STOP = compile_cached(r"^duration:\s*\d+\s*minutes?$", re.IGNORECASE)


def heading_of(text: str) -> Mark | None:
    """Which section a whole line names, if it is a section heading."""
    if len(text) > 80:  # cheap exit: unlabelled transcripts are one 50 KB line
        return None
    key = re.sub(r"\s+", " ", text.strip().rstrip(":").strip())
    return next((mark for mark, pattern in _HEADINGS.items() if pattern.match(key)), None)


def section_marks(lines: list[Line]) -> list[Mark | None]:
    """Section headings per line; a run of headings back to back is a table of contents, not a heading."""
    marks = [heading_of(line.text) for line in lines]
    return [mark if mark and (i + 1 == len(lines) or marks[i + 1] is None) else None for i, mark in enumerate(marks)]


def speaker_at(lines: list[Line], i: int) -> SpeakerLine | None:
    """The speaker label starting at line `i`, if there is one."""
    line = lines[i]
    if line.bold:
        return _bold_speaker(lines, i)
    text = line.text.strip()
    if is_operator(text.rstrip(":")):
        return SpeakerLine(text.rstrip(":"), None, 1, inline="" if text.endswith(":") else None, strong=True)
    paren = _PAREN_ROLE.match(text)
    group = _GROUP_PLURAL.sub(r"\1", paren["role"].strip()) if paren else ""
    if paren and looks_like_name(paren["name"]) and looks_like_role(group):
        return SpeakerLine(paren["name"].strip(), group, 1, strong=True)
    if looks_like_name(text):
        role, used = _role_below(lines, i)
        return SpeakerLine(text, role, used, strong=role is not None)
    dash = _INLINE_DASH.match(text)
    if dash and looks_like_name(dash["name"]) and looks_like_role(dash["role"]):
        return SpeakerLine(dash["name"].strip(), dash["role"].strip(), 1, strong=True)
    colon = _INLINE_COLON.match(text)
    if colon and looks_like_name(colon["name"]) and heading_of(colon["name"]) is None:
        name = colon["name"].strip()
        role = colon["role"]
        strong = is_operator(name) or bool(role and looks_like_role(role))
        return SpeakerLine(name, role, 1, inline=colon["text"], strong=strong)
    return None


def _bold_speaker(lines: list[Line], i: int) -> SpeakerLine | None:
    line = lines[i]
    bold = (line.bold or "").strip()
    rest = line.text.strip()[len(bold):].strip() if line.text.strip().startswith(bold) else ""
    name = bold.rstrip(":").strip()
    if not looks_like_name(name):
        return None
    operator = is_operator(name)
    if bold.endswith(":") or rest.startswith(":"):
        multiword = len(name.split()) > 1
        return SpeakerLine(name, None, 1, inline=rest.lstrip(":").strip(), strong=operator or multiword)
    if not rest:
        role, used = _role_below(lines, i)
        return SpeakerLine(name, role, used, strong=operator or role is not None)
    sep = _LEAD_SEP.match(rest)
    if sep and 0 < len(rest[sep.end():].split()) <= 14:
        return SpeakerLine(name, rest[sep.end():].strip(), 1, strong=True)
    if line.rest_italic and len(rest.split()) <= 14 and (len(name.split()) > 1 or looks_like_role(rest)):
        return SpeakerLine(name, rest, 1, strong=True)
    return None  # a bold phrase inside prose


def participant_at(lines: list[Line], i: int) -> SpeakerLine | None:
    """An entry of a participants list: a speaker label, or "Name - Firm" without any title words."""
    found = speaker_at(lines, i)
    if found is None:
        dash = _INLINE_DASH.match(lines[i].text.strip())
        if dash and looks_like_name(dash["name"]):
            return SpeakerLine(dash["name"].strip(), dash["role"].strip(), 1, strong=True)
    return found


def _role_below(lines: list[Line], i: int) -> tuple[str | None, int]:
    # Role on the next line: "--" then a role line (fool.com text), "-- Role", or a short italic line.
    if i + 1 >= len(lines):
        return None, 1
    nxt = lines[i + 1].text.strip()
    if nxt in _DASH_ONLY and i + 2 < len(lines) and len(lines[i + 2].text.split()) <= 14:
        return lines[i + 2].text.strip(), 3
    if nxt.startswith("--") and 0 < len(nxt[2:].split()) <= 14:
        return nxt[2:].strip(), 2
    if lines[i + 1].italic and len(nxt.split()) <= 14 and not lines[i + 1].bold:
        return nxt, 2
    return None, 1
