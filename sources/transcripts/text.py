"""Plain-text transcripts -> Transcript: labelled (speaker lines) or unlabelled (one run of speech)."""

from __future__ import annotations

from dataclasses import replace

from watchdesk.sources.transcripts.guards import check_parsed, check_size
from watchdesk.sources.transcripts.lines import Line
from watchdesk.sources.transcripts.meta import find_period, find_stated_date, header_meta
from watchdesk.sources.transcripts.model import Hints, Transcript
from watchdesk.sources.transcripts.turns import parse_turns
from watchdesk.sources.transcripts.unlabelled import parse_unlabelled

# Fewer labelled turns than this and the labels found are more likely prose than structure.
MIN_LABELLED_TURNS = 3
STATED_DATE_REACH = 8000  # the opening remarks, where the safe-harbour line gives the call's date


def decode(data: bytes) -> str:
    """UTF-8 (BOM tolerated), else Windows-1252, which is what older transcript files are in."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def text_lines(text: str) -> list[Line]:
    """Non-blank lines, stripped."""
    return [Line(s) for s in (raw.strip() for raw in text.splitlines()) if s]


def hard_wrapped(lines: list[Line]) -> bool:
    """Text wrapped at a fixed width (a vendor's page layout): most lines end near one width, so a line
    break is not a paragraph break and a turn's lines are joined with spaces, as PDF text is."""
    lengths = sorted(len(line.text) for line in lines)
    if len(lengths) < 20:
        return False
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for n in lengths if 0.8 * width <= n <= 1.05 * width)
    return 60 <= width <= 200 and near >= 0.4 * len(lengths)


def parse_text(data: bytes, *, origin: str = "<input>", hints: Hints | None = None) -> Transcript:
    """Plain text with speaker lines, or without any labels (Q&A found from the operator's cues)."""
    check_size(data, origin=origin)
    return check_parsed(_apply(text_transcript(decode(data)), hints), origin=origin, what="text")


def text_transcript(text: str, *, join: str = "\n") -> Transcript:
    """The parse itself; PDF text comes through here too (with `join=" "` to undo line wrapping)."""
    lines = text_lines(text)
    parsed = parse_turns(lines, join=" " if hard_wrapped(lines) else join)
    if sum(1 for st in parsed.statements if st.speaker) >= MIN_LABELLED_TURNS:
        meta = header_meta("\n".join(parsed.header))
        if meta.call_date is None:  # no dated header: the date the call states in its opening remarks
            meta = replace(meta, call_date=find_stated_date(text[:STATED_DATE_REACH]))
        return meta.override(Transcript(statements=parsed.statements))
    statements = parse_unlabelled(text)
    return Transcript(fiscal_period=find_period(text[:3000]), call_date=find_stated_date(text[:STATED_DATE_REACH]),
                      statements=statements)


def _apply(transcript: Transcript, hints: Hints | None) -> Transcript:
    return hints.override(transcript) if hints else transcript
