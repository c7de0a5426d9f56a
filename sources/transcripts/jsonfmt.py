"""Transcript JSON -> Transcript: prepared_remarks/q_and_a/participants files, foolcalls' structured
JSON (call_transcript with pres/qa sections), and watchdesk's own output (a round trip)."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from watchdesk.sources.errors import ParsingError
from watchdesk.sources.redact import printable
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
    except _Misfit as err:
        raise ParsingError(f"{origin}: JSON transcript does not fit its layout: {err}") from None
    except ValidationError as err:  # one line: the first field at fault, not Pydantic's pages (2,000 statements)
        raise ParsingError(f"{origin}: JSON transcript does not fit its layout: {_first_fault(err)}") from None
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


class _Misfit(ValueError):
    """A value of the wrong kind in a known layout, said as `field: what was expected, what it holds`."""


_KINDS = ((bool, "true or false"), (int, "a number"), (float, "a number"), (str, "a string"), (list, "a list"),
          (dict, "an object"), (type(None), "null"))  # fmt: skip


def _kind(value: object) -> str:
    return next(said for kind, said in _KINDS if isinstance(value, kind))


def _objects(raw: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """raw[key] as a list of JSON objects (missing or null: none); _Misfit naming the key or item otherwise."""
    value = raw.get(key) or []
    if not isinstance(value, list):
        raise _Misfit(f"{key}: expected a list of objects, got {_kind(value)}")
    for n, item in enumerate(value):
        if not isinstance(item, dict):
            raise _Misfit(f"{key}[{n}]: expected an object, got {_kind(item)}")
    return value


def _first_fault(err: Any) -> str:
    """A pydantic ValidationError in one line: its first fault's field, message and value, and how many more."""
    fault, more = err.errors()[0], err.error_count() - 1
    where = ".".join(str(part) for part in fault["loc"]) or "the file"
    got = printable(repr(fault.get("input")))
    got = got if len(got) <= 60 else f"{got[:57]}..."
    return f"{where}: {fault['msg']} (got {got})" + (f"; and {more:,} more like it" if more else "")


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
    statements = []
    for section, key in _SECTIONS:
        for n, item in enumerate(_objects(raw, key)):
            if not str(item.get("speech") or "").strip():
                continue
            if "speaker" not in item:
                raise _Misfit(f"{key}[{n}]: no speaker")
            if not STOP.match(speaker := str(item["speaker"]).strip()):
                statements.append(_statement(speaker, str(item["speech"]), section, participants))
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
    if not isinstance(people, dict):
        raise _Misfit(f"participants: expected an object, got {_kind(people)}")
    names = sorted({str(p.get("speaker") or "").strip() for group in people.values() if isinstance(group, list)
                    for p in group if isinstance(p, dict)} - {""}, key=len, reverse=True)
    header = re.compile(rf"(?:{'|'.join(map(re.escape, names))})(?: -- [^\n]{{1,80}}){{1,2}}\s*$") if names else None
    statements = []
    for item in _objects(raw, "call_transcript"):
        speaker = str(item.get("speaker") or "").strip()
        role = str(item.get("role") or "").strip() or ("Operator" if is_operator(speaker) else None)
        statements.append(Statement(
            speaker=speaker or None, role=role, affiliation=clean_affiliation(item.get("affiliation"), speaker),
            section="qa" if item.get("section") == "qa" else "prepared", kind=kind_of(speaker, role),
            text=_foolcalls_text(str(item.get("text") or ""), header),
        ))
    return validate_transcript(dict(  # the file's own values: type-checked
        company=raw.get("company_name"), ticker=raw.get("ticker"), fiscal_period=_foolcalls_period(raw),
        call_date=_day(raw.get("call_date")),
        source_url=raw.get("call_url"), provider="foolcalls",
        statements=[s for s in statements if s.text],
    ))


def _foolcalls_period(raw: dict[str, Any]) -> str | None:
    year, quarter = raw.get("fiscal_period_year"), raw.get("fiscal_period_qtr")
    if not year or not quarter:
        return None
    number = str(quarter).strip().lstrip("Qq")
    if str(year).strip().isdigit() and number.isdigit() and 1 <= int(number) <= 4:
        return period(str(year).strip(), number)
    said = f"fiscal_period_year {year!r} and fiscal_period_qtr {quarter!r}"
    raise _Misfit(f"{printable(said)} are not a year and a quarter (1 to 4)")


def _day(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _Misfit(f"call_date: {printable(repr(value))} is not a date like 2025-05-28") from None
