"""A stored filing's labelled spans: its sections (or 8-K and 6-K items), and its risk factors' group headings apart.

A group heading ("Risks Related to Demand, Supply and Manufacturing") is a line of its own in the risk section; as a
span of role HEADING it keeps the section's label, and flagging leaves it out: a heading names risks, it states none.
"""

from __future__ import annotations

from collections.abc import Sequence

from watchdesk.sources.errors import ParsingError
from watchdesk.sources.filing_items import extract_items
from watchdesk.sources.html_emphasis import emphasis_map
from watchdesk.sources.risk_factors import parse_risk_factors, risk_section
from watchdesk.sources.sections import Section, extract_sections
from watchdesk.sources.sections_xref import reference_table_sections
from watchdesk.store.records import HEADING, DocumentRecord, SpanRecord

SECTIONED = {"10-K", "10-Q", "20-F"}
Labelled = tuple[DocumentRecord, list[SpanRecord]]
Part = tuple[str, str, int, int, str | None]  # item, title, start, end, role


def with_spans(record: DocumentRecord, *, html: bytes | None = None) -> Labelled:
    """A document and its section (or 8-K item) spans, so findings say where they stand."""
    doc_id = record.doc_id
    form = (record.doc_type or "").upper().removesuffix("/A")
    parts: list[Part] = []
    try:
        if form in SECTIONED:
            found = extract_sections(record.text, form=form)
            parts = [(s.item, s.title, s.start, s.end, None) for s in found]
            if found and html:
                parts = headings_apart(parts, group_headings(found, html))
            elif not found and form == "20-F" and html:  # an annual report with a cross-reference table
                parts = [(s.item, s.title, s.start, s.end, None) for s in reference_table_sections(html).labels()]
        elif form in {"8-K", "6-K"}:
            # Items that live in an exhibit or only in the header have no span here (start -1).
            parts = [(i.item, i.title, i.start, i.end, None) for i in extract_items(record.text, form=form)
                     if i.start >= 0]  # fmt: skip
    except ParsingError:
        parts = []  # unlabelled findings beat no document: sectioning is a refinement
    spans = [
        SpanRecord(doc_id=doc_id, seq=n, start=start, end=end, section=item, title=title, role=role)
        for n, (item, title, start, end, role) in enumerate(parts)
    ]
    return record, spans


def group_headings(sections: Sequence[Section], html: bytes) -> tuple[tuple[int, int], ...]:
    """Where the risk section's group headings stand (risk_factors reads them from the filing's emphasis)."""
    found = risk_section(sections)
    return parse_risk_factors(found, emphasis=emphasis_map(html)).groups if found is not None else ()


def headings_apart(parts: list[Part], headings: Sequence[tuple[int, int]]) -> list[Part]:
    """Each section holding headings cut around them: the heading lines as spans of role HEADING, the same label."""
    out: list[Part] = []
    for item, title, start, end, role in parts:
        at = start
        for a, b in headings:
            if start <= a and b <= end:
                if a > at:
                    out.append((item, title, at, a, role))
                out.append((item, title, a, b, HEADING))
                at = b
        if end > at:
            out.append((item, title, at, end, role))
    return out
