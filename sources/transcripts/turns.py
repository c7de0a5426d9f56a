"""Lines -> speaker turns with sections: the parsing shared by HTML, labelled text and PDF."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from watchdesk.sources.regex_cache import compile_cached
from watchdesk.sources.transcripts import cues
from watchdesk.sources.transcripts.lines import (
    STOP,
    Line,
    Mark,
    SpeakerLine,
    participant_at,
    section_marks,
    speaker_at,
)
from watchdesk.sources.transcripts.model import Section, Statement
from watchdesk.sources.transcripts.roles import clean_affiliation, is_operator, kind_of, looks_like_role, split_role

Participants = dict[str, tuple[str | None, str | None]]  # name -> (role, affiliation)
_ANALYST_LIST = compile_cached(r"\banalysts\b|conference call participants", re.IGNORECASE)
_ANALYST = compile_cached(r"\banalyst\b", re.IGNORECASE)


@dataclass
class Parsed:
    """What the turn parser found: statements, the header lines before them, the participants list."""

    statements: list[Statement] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    participants: Participants = field(default_factory=dict)


@dataclass
class _Open:
    speaker: str | None
    role: str | None
    section: Section
    paragraphs: list[str] = field(default_factory=list)


def parse_turns(lines: list[Line], *, join: str = "\n") -> Parsed:
    """Speaker turns from lines; `join` glues a turn's lines (PDF passes " " to undo wrapping)."""
    marks = section_marks(lines)
    states = _states(lines, marks)
    participants, counts = _survey(lines, states)
    # Before a "Prepared Remarks" heading, labels are site furniture; with no such heading the call
    # starts at its first speaker.
    has_headings = "prepared" in marks
    out = Parsed(participants=participants)
    current: _Open | None = None
    turns: list[_Open] = []
    implicit: str | None = None  # "prepared" once a speaker starts the call on a page without headings
    i = 0
    while i < len(lines):
        line, state = lines[i], implicit if states[i] == "header" and implicit else states[i]
        if state == "mark":
            current = None
        sp = speaker_at(lines, i) if state in ("prepared", "qa", "header") else None
        if sp and _accept(sp, participants, counts) and (state != "header" or not has_headings):
            implicit = implicit or ("prepared" if state == "header" else None)
            current = _Open(sp.name, sp.role, "qa" if state == "qa" else "prepared")
            turns.append(current)
            current.paragraphs.append(sp.inline or "")
            i += sp.used
            continue
        if state == "header":
            out.header.append(line.text)
        elif state in ("prepared", "qa") and not line.heading:
            if current is None:
                current = _Open(None, None, "qa" if state == "qa" else "prepared")
                turns.append(current)
            current.paragraphs.append(line.text)
        i += 1
    out.statements = _finish(turns, participants, join=join, qa_by_heading=any(m == "qa" for m in marks))
    return out


def _states(lines: list[Line], marks: list[Mark | None]) -> list[str]:
    # Section of every line from headings; "mark" for the heading lines themselves. A participants list
    # also ends where speech starts (an operator label, a long paragraph) for pages that give it no heading.
    state, out = "header", []
    for line, mark in zip(lines, marks, strict=True):
        if mark or STOP.match(line.text.strip()) or (line.heading and state == "participants"):
            state = mark or "other"
            out.append("mark")
            continue
        if state == "participants" and (is_operator((line.bold or line.text).strip(" :")) or len(line.text) > 250):
            state = "prepared"
        out.append(state)
    return out


def _survey(lines: list[Line], states: list[str]) -> tuple[Participants, Counter[str]]:
    # First pass: the participants list (wherever it sits) and how often each candidate label recurs.
    participants: Participants = {}
    counts: Counter[str] = Counter()
    analysts_list = False  # under "Analysts" / "Conference Call Participants" a bare firm means an analyst
    i = 0
    while i < len(lines):
        if states[i] == "mark":
            analysts_list = bool(_ANALYST_LIST.search(lines[i].text))
            i += 1
            continue
        sp = participant_at(lines, i) if states[i] == "participants" else speaker_at(lines, i)
        if sp and states[i] == "participants" and sp.role:
            role, affiliation = split_role(sp.role)
            if analysts_list and not (role and _ANALYST.search(role)):
                role, affiliation = "Analyst", sp.role
            participants.setdefault(sp.name, (role, clean_affiliation(affiliation, sp.name)))
        elif sp:
            counts[sp.name] += 1
        i += sp.used if sp else 1
    return participants, counts


def _accept(sp: SpeakerLine, participants: Participants, counts: Counter[str]) -> bool:
    # A bare name needs support: the participants list, or (for multi-word names) recurring as a label.
    if sp.strong or sp.name in participants:
        return True
    return len(sp.name.split()) > 1 and not sp.name.endswith(".") and counts[sp.name] >= 2


def _finish(turns: list[_Open], participants: Participants, *, join: str, qa_by_heading: bool) -> list[Statement]:
    """Open turns -> statements: roles from the participants list, kinds, Q&A by cue, analyst firms."""
    statements: list[Statement] = []
    for turn in turns:
        text = join.join(p.strip() for p in turn.paragraphs if p.strip()).strip()
        if not text:
            continue
        role, affiliation = split_role(turn.role)
        if turn.speaker and turn.speaker in participants and (role is None or affiliation is None):
            known_role, known_aff = participants[turn.speaker]
            role, affiliation = role or known_role, affiliation or known_aff
        if is_operator(turn.speaker):
            role = role or "Operator"
        affiliation = clean_affiliation(affiliation, turn.speaker)
        statements.append(Statement(speaker=turn.speaker, role=role, affiliation=affiliation, section=turn.section,
                                    kind=kind_of(turn.speaker, role), text=text))
    if not qa_by_heading:
        statements = qa_from_cue(statements)
    return name_analysts(statements)


def qa_from_cue(statements: list[Statement]) -> list[Statement]:
    """Without a Q&A heading, Q&A starts at the first operator turn that calls the first question, or at
    the first analyst's turn when no operator calls it (a host who takes questions from the floor)."""
    start = next((n for n, st in enumerate(statements) if n and st.kind == "analyst"), len(statements))
    for n, st in enumerate(statements[:start]):
        if n and st.kind == "operator" and (cues.FIRST_QUESTION.search(st.text) or cues.INTRO.search(st.text)):
            start = n
            break
    return statements[:start] + [replace(s, section="qa") for s in statements[start:]]


def name_analysts(statements: list[Statement]) -> list[Statement]:
    """Fill an analyst's firm (and role, if missing) from the operator's "next question from X with Y"."""
    firms: dict[str, str] = {}
    for st in statements:
        if st.kind == "operator":
            for m in cues.INTRO.finditer(st.text):
                firms[m["name"].split()[-1].lower()] = m["firm"].strip()
    out = []
    for st in statements:
        firm = firms.get(st.speaker.split()[-1].lower()) if st.speaker else None
        if firm and st.kind in ("analyst", "other") and not st.affiliation:
            # A "role" with no title words in it is the firm's name standing in for one.
            role = st.role if st.role and looks_like_role(st.role) else "Analyst"
            st = replace(st, affiliation=firm, role=role, kind=kind_of(st.speaker, role))
        out.append(st)
    return out
