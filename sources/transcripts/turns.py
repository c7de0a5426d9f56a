"""Lines -> speaker turns with sections: the parsing shared by HTML, labelled text and PDF."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from watchdesk.sources.transcripts import cues
from watchdesk.sources.transcripts.lines import STOP, Line, Mark, SpeakerLine, section_marks, speaker_at
from watchdesk.sources.transcripts.model import Section, Statement
from watchdesk.sources.transcripts.roles import clean_affiliation, is_operator, kind_of, looks_like_role, split_role

Participants = dict[str, tuple[str | None, str | None]]  # name -> (role, affiliation)


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
    participants, counts = _survey(lines, marks)
    has_headings = any(m in ("prepared", "qa") for m in marks)
    out = Parsed(participants=participants)
    state: Mark | str = "header"
    current: _Open | None = None
    turns: list[_Open] = []
    i = 0
    while i < len(lines):
        line, mark = lines[i], marks[i]
        if mark or STOP.match(line.text.strip()) or (line.heading and state == "participants"):
            current = None
            state = mark or "other"
            i += 1
            continue
        sp = speaker_at(lines, i) if state in ("prepared", "qa", "header") else None
        if sp and _accept(sp, participants, counts) and (state != "header" or not has_headings):
            state = "prepared" if state == "header" else state
            current = _Open(sp.name, sp.role, state)  # type: ignore[arg-type]
            turns.append(current)
            if sp.inline:
                current.paragraphs.append(sp.inline)
            i += sp.used
            continue
        if state == "header":
            out.header.append(line.text)
        elif state in ("prepared", "qa") and not line.heading:
            if current is None:
                current = _Open(None, None, state)  # type: ignore[arg-type]
                turns.append(current)
            current.paragraphs.append(line.text)
        i += 1
    out.statements = finish(turns, participants, join=join, qa_by_heading=any(m == "qa" for m in marks))
    return out


def _survey(lines: list[Line], marks: list[Mark | None]) -> tuple[Participants, Counter[str]]:
    # First pass: the participants list (wherever it sits) and how often each candidate label recurs.
    participants: Participants = {}
    counts: Counter[str] = Counter()
    state: Mark | None = None
    i = 0
    while i < len(lines):
        if marks[i] or (lines[i].heading and state == "participants"):
            state = marks[i]
            i += 1
            continue
        sp = speaker_at(lines, i)
        if sp and state == "participants" and sp.role:
            role, affiliation = split_role(sp.role)
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


def finish(turns: list[_Open], participants: Participants, *, join: str, qa_by_heading: bool) -> list[Statement]:
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
    """Without a Q&A heading, Q&A starts at the first operator turn that calls the first question."""
    for n, st in enumerate(statements):
        if n and st.kind == "operator" and (cues.FIRST_QUESTION.search(st.text) or cues.INTRO.search(st.text)):
            return statements[:n] + [s.model_copy(update={"section": "qa"}) for s in statements[n:]]
    return statements


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
            st = st.model_copy(update={"affiliation": firm, "role": role, "kind": kind_of(st.speaker, role)})
        out.append(st)
    return out
