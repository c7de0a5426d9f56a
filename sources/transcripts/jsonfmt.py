"""Transcript JSON -> Transcript: prepared_remarks/q_and_a/participants files, foolcalls' structured
JSON (call_transcript with pres/qa sections), and watchdesk's own output (a round trip)."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from watchdesk.sources.errors import ParsingError
from watchdesk.sources.transcripts.guards import check_parsed, check_size
from watchdesk.sources.transcripts.lines import STOP
from watchdesk.sources.transcripts.meta import period
from watchdesk.sources.transcripts.model import Hints, Section, Statement, Transcript, validate_transcript
from watchdesk.sources.transcripts.roles import clean_affiliation, is_operator, kind_of, split_role
from watchdesk.sources.transcripts.turns import Participants, name_analysts

_SECTIONS: tuple[tuple[Section, str], ...] = (("prepared", "prepared_remarks"), ("qa", "q_and_a"))


def parse_json(data: bytes, *, origin: str = "<input>", hints: Hints | None = None) -> Transcript:
    """A transcript in one of the known JSON layouts -> Transcript."""
    from pydantic import ValidationError  # checks the JSON's types; imported for JSON input only

    check_size(data, origin=origin)
    try:
        raw = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ParsingError(f"{origin}: not valid JSON ({err}); use --format to pick another parser") from err
    try:
        transcript = _dispatch(raw, origin=origin)
    except (KeyError, TypeError, AttributeError, ValidationError) as err:
        raise ParsingError(f"{origin}: JSON transcript does not fit its layout: {err!r}") from err
    return check_parsed(hints.override(transcript) if hints else transcript, origin=origin, what="JSON")


def _dispatch(raw: Any, *, origin: str) -> Transcript:
    if isinstance(raw, dict) and ("prepared_remarks" in raw or "q_and_a" in raw):
        return _remarks_layout(raw)
    if isinstance(raw, dict) and "call_transcript" in raw:
        return _foolcalls_layout(raw)
    if isinstance(raw, dict) and "statements" in raw:
        return validate_transcript(raw)
    keys = ", ".join(sorted(raw)[:8]) if isinstance(raw, dict) else type(raw).__name__
    raise ParsingError(
        f"{origin}: unknown JSON transcript layout (top level: {keys}); expected prepared_remarks/q_and_a, "
        "call_transcript or statements"
    )


def _participants(entries: list[str]) -> Participants:
    # "Name--Title" or "Name--Firm -- Analyst"
    out: Participants = {}
    for entry in entries:
        name, _, rest = str(entry).partition("--")
        role, affiliation = split_role(rest)
        out[name.strip()] = (role, clean_affiliation(affiliation, name))
    return out


def _statement(speaker: str, text: str, section: Section, participants: Participants) -> Statement:
    role, affiliation = participants.get(speaker, (None, None))
    if is_operator(speaker):
        role = role or "Operator"
    return Statement(speaker=speaker or None, role=role, affiliation=affiliation, section=section,
                     kind=kind_of(speaker, role), text=text.strip())


def _remarks_layout(raw: dict[str, Any]) -> Transcript:
    participants = _participants(raw.get("participants") or [])
    statements = [
        _statement(str(item["speaker"]).strip(), str(item["speech"]), section, participants)
        for section, key in _SECTIONS
        for item in raw.get(key) or []
        if str(item.get("speech") or "").strip() and not STOP.match(str(item["speaker"]).strip())
    ]
    return Transcript(statements=name_analysts(statements))


# foolcalls' structured JSON joins a speech's paragraphs with no space ("... the News tab.I will now turn ...")
# and ends it with the next speaker's header line ("... secured debt.Felicia Hendrix -- Barclays -- Analyst").
_NEXT_HEADER = re.compile(r"(?<=[.!?\]-])[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,4}(?: -- [^\n]{1,80}){1,2}\s*$")
_GLUED = re.compile(r"(?<=[a-z0-9%)’”\]])([.!?])(?=[A-Z“])|(?<=\])(?=[A-Z])")


def _foolcalls_text(text: str, header: re.Pattern[str] | None) -> str:
    text = _NEXT_HEADER.sub("", text.strip())
    if header is not None:  # a header glued to a word ("... of Televisa StudiosPatricio Wills -- President ...")
        text = header.sub("", text)
    return _GLUED.sub(lambda m: f"{m.group(1) or ''} ", text).strip()


def _foolcalls_layout(raw: dict[str, Any]) -> Transcript:
    people = raw.get("participants") or {}
    names = sorted({str(p.get("speaker") or "").strip() for group in people.values() if isinstance(group, list)
                    for p in group if isinstance(p, dict)} - {""}, key=len, reverse=True)
    header = re.compile(rf"(?:{'|'.join(map(re.escape, names))})(?: -- [^\n]{{1,80}}){{1,2}}\s*$") if names else None
    statements = []
    for item in raw["call_transcript"]:
        speaker = str(item.get("speaker") or "").strip()
        role = str(item.get("role") or "").strip() or ("Operator" if is_operator(speaker) else None)
        statements.append(Statement(
            speaker=speaker or None, role=role, affiliation=clean_affiliation(item.get("affiliation"), speaker),
            section="qa" if item.get("section") == "qa" else "prepared", kind=kind_of(speaker, role),
            text=_foolcalls_text(str(item.get("text") or ""), header),
        ))
    year, quarter = raw.get("fiscal_period_year"), str(raw.get("fiscal_period_qtr") or "").lstrip("Qq")
    return validate_transcript(dict(  # the file's own values: type-checked
        company=raw.get("company_name"), ticker=raw.get("ticker"),
        fiscal_period=period(year, quarter) if year and quarter else None,
        call_date=date.fromisoformat(raw["call_date"]) if raw.get("call_date") else None,
        source_url=raw.get("call_url"), provider="foolcalls",
        statements=[s for s in statements if s.text],
    ))
