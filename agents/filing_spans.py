"""A stored filing's labelled spans: its sections (or 8-K and 6-K items), its headings apart.

An EX-99 exhibit stored on its own (an 8-K's or 6-K's press release) is one span labelled "EX-99.1" and its
description. A risk section's group heading ("Risks Related to Demand, Supply and Manufacturing"), an MD&A subheading
("Inventories", "Demand and Supply"), a subheading of the financial statements' notes ("Purchase Obligations") and one
of an 8-K's or 6-K's items or exhibits ("End-to-end supply chain reliability and agility") are lines of their own; as
spans of role HEADING they keep the section's label, and flagging leaves them out: a heading names what the text under
it is about, it states nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from watchdesk.sources.errors import ParsingError
from watchdesk.sources.filing_items import Item, extract_items
from watchdesk.sources.html_emphasis import emphasis_map
from watchdesk.sources.risk_factors import parse_risk_factors, risk_section
from watchdesk.sources.sections import Section, extract_sections
from watchdesk.sources.sections_xref import reference_table_sections
from watchdesk.sources.subheadings import section_headings, subheadings
from watchdesk.store.records import HEADING, DocumentRecord, SpanRecord

SECTIONED = {"10-K", "10-Q", "20-F"}
# A press release or other EX-99 exhibit of an 8-K or 6-K, stored as a document of its own: "EX-99", "EX-99.1"
EXHIBIT = re.compile(r"EX-99(?:\.\d{1,2})?")
Labelled = tuple[DocumentRecord, list[SpanRecord]]
Part = tuple[str, str, int, int, str | None]  # item, title, start, end, role


def with_spans(record: DocumentRecord, *, html: bytes | None = None, title: str = "") -> Labelled:
    """A document and its section (or 8-K item) spans, so findings say where they stand. An EX-99 exhibit (an 8-K's
    or 6-K's press release) is one span labelled with its type and `title` (its description), its subheadings
    apart."""
    doc_id = record.doc_id
    form = (record.doc_type or "").upper().removesuffix("/A")
    parts: list[Part] = []
    try:
        if form in SECTIONED:
            found = extract_sections(record.text, form=form)
            parts = [(s.item, s.title, s.start, s.end, None) for s in found]
            if found and html:
                parts = headings_apart(parts, headings(found, html, form=form))
            elif not found and form == "20-F" and html:  # an annual report with a cross-reference table
                parts = [(s.item, s.title, s.start, s.end, None) for s in reference_table_sections(html).labels()]
        elif form in {"8-K", "6-K"}:
            # Items that live in an exhibit or only in the header have no span here (start -1).
            items = [i for i in extract_items(record.text, form=form) if i.start >= 0]
            parts = [(i.item, i.title, i.start, i.end, None) for i in items]
            if items and html:
                parts = headings_apart(parts, item_headings(items, html))
        elif EXHIBIT.fullmatch(form) and record.text.strip():
            whole = Item(form, title, 0, len(record.text), record.text)
            parts = [(whole.item, whole.title, whole.start, whole.end, None)]
            if html:
                parts = headings_apart(parts, item_headings([whole], html))
    except ParsingError:
        parts = []  # unlabelled findings beat no document: sectioning is a refinement
    spans = [
        SpanRecord(doc_id=doc_id, seq=n, start=start, end=end, section=item, title=title, role=role)
        for n, (item, title, start, end, role) in enumerate(parts)
    ]
    return record, spans


def headings(sections: Sequence[Section], html: bytes, *, form: str) -> list[tuple[int, int]]:
    """Where the risk section's group headings and the subheadings of the MD&A and the financial statements stand, in
    order (all read from the filing's emphasis)."""
    emphasis = emphasis_map(html)
    found = risk_section(sections)
    groups = parse_risk_factors(found, emphasis=emphasis).groups if found is not None else ()
    return sorted((*groups, *subheadings(sections, emphasis, form=form)))


def item_headings(items: Sequence[Item], html: bytes) -> list[tuple[int, int]]:
    """Where the subheadings of an 8-K's items or a 6-K's documents stand ("End-to-end supply chain reliability and
    agility" in bold over its paragraph, in Philips's 6-K), read from the filing's emphasis as the MD&A's are."""
    emphasis = emphasis_map(html)
    return sorted(h for i in items for h in section_headings(i, emphasis)) if emphasis else []


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
