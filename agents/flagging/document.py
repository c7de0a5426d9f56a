"""Any file the project reads -> its text and labelled parts -> flags with section and speaker.

Transcripts (HTML, text, JSON, PDF) become their statements joined by blank lines, each part
labelled with its section ("prepared" or "qa") and speaker. SEC filings (a primary document,
inline XBRL included, or a full-submission .txt) become their clean text, each part an item
("1A Risk Factors", "2.02 Results of Operations and Financial Condition"). Offsets of flags are
into that text, the same text `watchdesk transcript parse` and `watchdesk edgar text` show.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from watchdesk.agents.flagging.filing_lookalikes import outside_statements_lists
from watchdesk.agents.flagging.filing_reading import read_in_filing
from watchdesk.agents.flagging.flag import Flag, flag_text
from watchdesk.agents.flagging.sentences import Span, split_filing_sentences, split_sentences
from watchdesk.agents.flagging.topics import TopicLibrary
from watchdesk.sources.errors import ParsingError
from watchdesk.sources.sec_markers import is_filing
from watchdesk.sources.text_bytes import to_utf8
from watchdesk.sources.transcripts import Format, parse_transcript

if TYPE_CHECKING:
    from watchdesk.agents.filing_spans import Part as FilingPart
    from watchdesk.sources.sections_xref import XrefSections
    from watchdesk.sources.sgml import Header

Kind = Literal["transcript", "filing"]
_SECTIONED = ("10-K", "10-Q", "20-F")


@dataclass(frozen=True, slots=True)
class Part:
    """A labelled span of the text: a transcript statement or a filing item."""

    start: int
    end: int
    section: str | None
    speaker: str | None = None
    heading: bool = False  # a filing's heading line (a risk factors' group): it states nothing, so no flag


@dataclass(frozen=True, kw_only=True)
class Document:
    """The text flags point into, its labelled parts in order, and what kind of document it is."""

    kind: Kind
    text: str
    parts: tuple[Part, ...] = ()
    form: str | None = None

    def labels(self, positions: Sequence[int]) -> list[tuple[str | None, str | None]]:
        """(section, speaker) of the part holding each offset; (None, None) outside every part."""
        held = [self._part(pos) for pos in positions]
        return [(part.section, part.speaker) if part else (None, None) for part in held]

    def in_heading(self, pos: int) -> bool:
        part = self._part(pos)
        return part is not None and part.heading

    def sentences(self) -> list[Span]:
        """The sentences flags are read in: a filing's also end at a new clause after "U.S." and the like."""
        return split_filing_sentences(self.text) if self.kind == "filing" else split_sentences(self.text)

    def _part(self, pos: int) -> Part | None:
        i = bisect_right(self._starts, pos) - 1
        return self.parts[i] if i >= 0 and pos < self.parts[i].end else None

    @cached_property
    def _starts(self) -> list[int]:
        return [part.start for part in self.parts]


def load_document(data: bytes, *, format: Format = "auto", origin: str = "<input>") -> Document:
    """Read a transcript or a filing; filings are told apart by their SEC markers (JSON and PDF never are)."""
    data = to_utf8(data, origin=origin)
    if format in ("auto", "html", "text") and is_filing(data):
        return read_filing(data, origin=origin)
    return read_transcript(data, format=format, origin=origin)


def read_transcript(data: bytes, *, format: Format = "auto", origin: str = "<input>") -> Document:
    call = parse_transcript(data, format=format, origin=origin)
    text, spans = call.joined()
    parts = tuple(Part(a, b, st.section, st.speaker) for (a, b), st in zip(spans, call.statements, strict=True))
    return Document(kind="transcript", text=text, parts=parts)


def read_filing(data: bytes, *, origin: str = "<input>") -> Document:
    # the filing readers load lxml and compile the section patterns: a call's flags do not wait for them
    from watchdesk.sources.filing_items import document_text, split_submission
    from watchdesk.sources.sections import detect_form
    from watchdesk.sources.text_bytes import check_complete_html

    check_complete_html(data, origin=origin)  # a page cut short would lose its last items in silence
    primary, header, _ = split_submission(data)
    text = document_text(primary, headings=True)  # one parse for the text and the headings (_items)
    if not text.strip():
        raise ParsingError(f"{origin}: the filing has no readable text; is the file complete?")
    submitted = header.get("CONFORMED SUBMISSION TYPE")
    form = (submitted if isinstance(submitted, str) else None) or detect_form(text)
    table = None
    if form is None:  # no cover page: an excerpt of an annual report filed as a 20-F (like ASML's) names its form
        table = _cross_reference_table(primary)  # in its Form 20-F cross-reference table
        form = "20-F" if table is not None else None
    return Document(kind="filing", text=text, parts=_items(text, form, header, primary, table), form=form)


def _cross_reference_table(primary: bytes) -> XrefSections | None:
    """The Form 20-F cross-reference table's sections, or None when the document holds no such table."""
    from watchdesk.sources.sections_xref import reference_table_sections

    try:
        found = reference_table_sections(primary)
    except ParsingError:
        return None
    return found if found.sections else None


def _items(
    text: str, form: str | None, header: Header, primary: bytes = b"", table: XrefSections | None = None
) -> tuple[Part, ...]:
    """Sections of a 10-K/10-Q/20-F or items of an 8-K/6-K; none when the form has neither or they cannot be found.
    A 20-F filed as an annual report with a cross-reference table gets the table's sections (`table` when the caller
    has read it already), as in the pipeline (agents/filings.py)."""
    from watchdesk.agents.filing_spans import headings, headings_apart, item_headings
    from watchdesk.sources.filing_items import extract_items
    from watchdesk.sources.sections import extract_sections
    from watchdesk.sources.sections_xref import reference_table_sections
    from watchdesk.store.records import HEADING

    base = (form or "").upper().removesuffix("/A")
    try:
        if base.startswith(_SECTIONED):
            sections = extract_sections(text, form=base)
            found: list[FilingPart] = [(s.item, s.title, s.start, s.end, None) for s in sections]
            if sections and primary:  # risk groups' and MD&A headings apart, as the pipeline stores them
                found = headings_apart(found, headings(sections, primary, form=base))
            elif base.startswith("20-F") and primary:
                found = [(s.item, s.title, s.start, s.end, None)
                         for s in (table or reference_table_sections(primary)).labels()]  # fmt: skip
        elif base.startswith(("8-K", "6-K")):
            items = [i for i in extract_items(text, header=header, form=base) if i.start >= 0]  # -1: not in this text
            found = [(i.item, i.title, i.start, i.end, None) for i in items]
            if items and primary:  # a press release's subheadings apart, as the pipeline stores them
                found = headings_apart(found, item_headings(items, primary))
        else:
            found = []
    except ParsingError:
        found = []  # flags without a section beat no flags: sectioning is a refinement
    return tuple(Part(start, end, f"{item} {title}".strip(), heading=role == HEADING)
                 for item, title, start, end, role in found)  # fmt: skip


def flag_document(document: Document, *, topics: TopicLibrary) -> list[Flag]:
    """Flags of the whole text, each labelled with the section and speaker of the part it falls in.

    The whole text is flagged at once, so follow-ups see the sentence before them; they never
    cross a blank line, which is what separates two statements of a transcript. A filing's flags are read by
    the filings' choices (filing_reading.py): risk factors as risks, stock elsewhere by the accounts.
    """
    flags = flag_text(document.text, topics=topics, spans=document.sentences())
    if document.kind == "filing":  # its lists' items are sentences of their own (split_filing_sentences)
        flags = outside_statements_lists(flags, document.text)
    return relabelled(flags, document)


def relabelled(flags: Sequence[Flag], document: Document, *, drop: bool = True) -> list[Flag]:
    """Each flag with the section and speaker of the part it falls in, read by the filings' choices when it is in a
    filing's item (filing_reading.py): for the offline flags, and again after an LLM judge, whose verdicts and added
    candidates would otherwise escape the filings' reading choices (`drop` false after a judge: what it judged on
    topic stays)."""
    flags = [f for f in flags if not document.in_heading(f.start)]  # a risk group or MD&A heading states nothing
    labels = document.labels([f.start for f in flags])
    placed = (replace(f, section=sec, speaker=who) for f, (sec, who) in zip(flags, labels, strict=True))
    read = (read_in_filing(f, f.section, drop=drop) for f in placed)
    return [f for f in read if f is not None]
