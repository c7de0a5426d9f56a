"""Risk factors as units: Item 1A (10-K), Part II Item 1A (10-Q) or Item 3.D (20-F) split into factors.

A risk factor is its heading (the bold or italic lead sentence filers set it in), its body (the lines
up to the next heading) and its group ("Risks Related to Our Industry"). General rules, no per-filer
tuning:

- a candidate is a line set in emphasis throughout, or whose emphasised lead is a whole sentence run
  into its paragraph; bullets never are;
- a candidate followed straight by another candidate, or a short unpunctuated one that names risks or
  is set unlike the headings, is a group heading;
- the other candidates followed by body text are headings when they end like a sentence or are set
  in the style most headings share; when the filer sets its groups apart (bold groups over italic
  headings), a short unpunctuated line in the headings' style ("Competition") is a heading too;
- when most headings stand on lines of their own, a bold lead run into a paragraph is a sub-point of a
  body, not a heading.

Without emphasis (a plain-text filing) a short one-sentence line followed by a longer paragraph is a
heading. A 10-Q that only refers to the annual report ("no material changes") has no factors and
says so in `note`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from watchdesk.sources.html_emphasis import Emphasis
from watchdesk.sources.sections import Section

RISK_ITEMS = ("1A", "II-1A", "3.D")
SENTENCE_END = re.compile(r"[.?!:;]['\"’”)]*$")
_GROUP_WORDS = re.compile(r"\b(?:risks?|general|other)\b", re.I)
# A line that names a group of risks ("Risks Related to ...", "General Risks", "Risk Factors Summary"), whatever follows
_NAMES_A_GROUP = re.compile(
    r"^(?:(?:general|other|additional|summary\s+of)\s+)?risks?\b"
    r"(?:\s+(?:factors?|related|relating|associated|regarding|concerning|specific|summary)\b|\s*$)",
    re.I,
)
# Bullets and lettered list items ("(a)", "b)"); a numbered heading ("1. We may ...") is still a heading.
BULLET = re.compile(r"^(?:[•◦●▪·\-–—*o]\s|\([a-z0-9ivx]{1,4}\)\s|[a-z]\)\s)")
_NO_CHANGES = re.compile(r"no\s+material\s+changes?", re.I)
_BY_REFERENCE = re.compile(r"Annual\s+Report|Form\s+10-K|Form\s+20-F", re.I)
LISTS_CHANGES_ONLY = "lists only the risk factors that changed (no material changes to the others)"
_TRAILING = ' .,;:!?)’”"*'
_MAX_GROUP = 150
_MAX_HEADING = 600
_MIN_LEAD = 20


@dataclass(frozen=True, slots=True)
class RiskFactor:
    """One risk factor; offsets are into the document's clean text."""

    group: str
    heading: str
    body: str
    start: int  # where the heading starts
    heading_end: int
    end: int


@dataclass(frozen=True, slots=True)
class RiskFactors:
    """The risk factors of one filing's risk section; `note` says why there are none, or that only the
    factors that changed since an earlier report are listed."""

    item: str
    factors: tuple[RiskFactor, ...]
    note: str = ""
    groups: tuple[tuple[int, int], ...] = ()  # (start, end) of each group heading's line: a heading, no statement


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    text: str
    lead: int  # emphasised characters at the start (0: plain)
    style: tuple[bool, bool, bool] | None


def risk_section(sections: Sequence[Section]) -> Section | None:
    """The filing's risk-factor section (1A, II-1A or 3.D), or None."""
    return next((s for s in sections if s.item in RISK_ITEMS), None)


def parse_risk_factors(section: Section, *, emphasis: Mapping[str, Emphasis] | None) -> RiskFactors:
    """Split a risk section into factors; `emphasis` from `html_emphasis.emphasis_map`, None for plain text."""
    lines = _lines(section, emphasis or {})[1:]  # the first line is the item heading itself
    kinds = _classify(lines) if emphasis else _classify_plain(lines)
    factors = _assemble(lines, kinds, end=section.end)
    groups = tuple((line.start, line.start + len(line.text)) for i, line in enumerate(lines)
                   if kinds[i] == "group" and _stands_over(i, lines, kinds))  # fmt: skip
    return RiskFactors(item=section.item, factors=tuple(factors), note=_note(section.text, listed=bool(factors)),
                       groups=groups)  # fmt: skip


def _stands_over(i: int, lines: Sequence[_Line], kinds: Sequence[str]) -> bool:
    """A group line that is a heading beyond doubt: it stands right over another heading, or names a group of
    risks. A factor's heading written without its period also reads as a group, with its body after it; it is a
    statement, and flagging reads it (`groups` marks headings that flagging leaves out)."""
    return (i + 1 < len(lines) and kinds[i + 1] != "body") or bool(_NAMES_A_GROUP.match(lines[i].text.strip()))


def _lines(section: Section, emphasis: Mapping[str, Emphasis]) -> list[_Line]:
    out, pos = [], section.start
    for raw in section.text.split("\n"):
        found = emphasis.get(raw)
        lead = found.lead if found else 0
        if lead and not raw[lead:].strip(_TRAILING):
            lead = len(raw)  # a heading whose closing period or quote is set plain is still all heading
        out.append(_Line(pos, raw, lead, found.style if found else None))
        pos += len(raw) + 1
    return [line for line in out if line.text.strip()]


def _is_candidate(line: _Line) -> bool:
    if not line.lead or BULLET.match(line.text):
        return False
    if line.lead >= len(line.text):
        return len(line.text) <= _MAX_HEADING
    lead = line.text[: line.lead]
    return line.lead >= _MIN_LEAD and bool(SENTENCE_END.search(lead))


def _classify(lines: Sequence[_Line]) -> list[str]:
    """Per line: "group", "heading" or "body"."""
    candidate = [_is_candidate(line) for line in lines]
    inline = [c and line.lead < len(line.text) for c, line in zip(candidate, lines, strict=True)]
    followed = [not inline[i] and i + 1 < len(lines) and candidate[i + 1] for i in range(len(lines))]
    styles = Counter(
        line.style for line, c, f in zip(lines, candidate, followed, strict=True) if c and not f and _ends(line)
    )
    dominant = styles.most_common(1)[0][0] if styles else None
    # Groups set apart from headings (bold groups over italic headings): then a short unpunctuated line in the
    # headings' style with body after it ("Competition") is a heading whatever its words.
    own_style = any(
        line.style != dominant
        for line, c, f in zip(lines, candidate, followed, strict=True)
        if c and f and not _ends(line) and len(line.text) <= _MAX_GROUP
    )
    kinds = [
        _kind(*args, dominant=dominant, groups_stand_apart=own_style)
        for args in zip(lines, candidate, followed, strict=True)
    ]
    headings = [i for i, kind in enumerate(kinds) if kind == "heading"]
    if sum(inline[i] for i in headings) * 2 < len(headings):
        # Headings on lines of their own: a bold lead run into a paragraph is a sub-point of a body.
        kinds = ["body" if kind == "heading" and inline[i] else kind for i, kind in enumerate(kinds)]
    return kinds


def _kind(
    line: _Line, candidate: bool, followed: bool, *, dominant: tuple[bool, bool, bool] | None, groups_stand_apart: bool
) -> str:
    if not candidate:
        return "body"
    if _ends(line):  # a sentence: a heading when body text follows it
        return "body" if followed else "heading"
    if not followed and line.style == dominant and groups_stand_apart:
        return "heading"
    if len(line.text) <= _MAX_GROUP and (followed or line.style != dominant or _GROUP_WORDS.search(line.text)):
        return "group"
    return "heading" if not followed and line.style == dominant else "body"


def _ends(line: _Line) -> bool:
    return bool(SENTENCE_END.search(line.text[: line.lead] if line.lead else line.text))


def _classify_plain(lines: Sequence[_Line]) -> list[str]:
    """Plain text: a short single sentence followed by a paragraph at least twice its length."""
    kinds = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        text = line.text
        sentence = 30 <= len(text) <= 400 and ". " not in text and bool(SENTENCE_END.search(text))
        heading = sentence and len(nxt) >= 2 * len(text) and not BULLET.match(text)
        kinds.append("heading" if heading else "body")
    return kinds


def _assemble(lines: Sequence[_Line], kinds: Sequence[str], *, end: int) -> list[RiskFactor]:
    group, factors = "", []
    open_at: tuple[_Line, str, int] | None = None  # (heading line, group, heading length)

    def close(at: int) -> None:
        if open_at is not None:
            line, grp, length = open_at
            body_start = line.start + length
            factors.append(
                RiskFactor(grp, line.text[:length].strip(), _body(lines, body_start, at), line.start, body_start, at)
            )

    for line, kind in zip(lines, kinds, strict=True):
        if kind == "body":
            continue
        close(line.start - 1)
        open_at = None
        if kind == "group":
            group = line.text
        else:
            open_at = (line, group, line.lead if 0 < line.lead < len(line.text) else len(line.text))
    close(end)
    return factors


def _body(lines: Sequence[_Line], start: int, end: int) -> str:
    """Body text between the heading's end and the factor's end, lines joined by newlines."""
    parts = []
    for line in lines:
        if line.start + len(line.text) <= start or line.start >= end:
            continue
        lo = max(start - line.start, 0)
        parts.append(line.text[lo:].strip())
    return "\n".join(p for p in parts if p)


def _note(text: str, *, listed: bool) -> str:
    if listed:
        return LISTS_CHANGES_ONLY if _NO_CHANGES.search(text) else ""
    if _NO_CHANGES.search(text):
        return "no material changes"
    if _BY_REFERENCE.search(text):
        return "refers to the risk factors of an earlier report"
    return "no risk factors found"
