"""20-F sections of an annual report filed with a cross-reference table instead of item headings.

Filers such as ASML file their annual report as the 20-F and add a "Reference table 20-F": one row per
Form 20-F item with its caption, the report's section that answers it ("Location in this document")
and a link to that section's anchor. Each linked location becomes a section of its item: it starts at
its anchor and ends where the next linked anchor (or the table itself) begins. Offsets are into the
same clean text `html_to_text` gives for the document, so they line up with `watchdesk edgar text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from watchdesk.sources.form_items import TWENTY_F
from watchdesk.sources.html_text import html_to_text
from watchdesk.sources.sections import Section

_ITEM = re.compile(r"^(\d{1,2}[A-K]?)\.?$")
_SUB_ITEM = re.compile(r"^([A-K])\.\s*(\S.*)$")
_NOT_APPLICABLE = re.compile(r"^not applicable\.?$", re.IGNORECASE)
_SENTINEL = "zqxwdanchor{}zqx"
_FOUND = re.compile(r"zqxwdanchor(\d+)zqx\n?")


@dataclass(frozen=True, slots=True)
class XrefEntry:
    """One location the table gives for a 20-F item: "3.D", "Risk Factors", "Risk – Risk factors", anchors."""

    item: str
    caption: str
    location: str
    targets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class XrefSections:
    """What the table names: sections found in this file, locations it lacks, items not applicable."""

    sections: list[Section] = field(default_factory=list)
    absent: list[XrefEntry] = field(default_factory=list)
    not_applicable: list[XrefEntry] = field(default_factory=list)
    has_table: bool = False

    def labels(self) -> list[Section]:
        """One section per stretch of text, for labelling where a finding stands: the table often cites one part of
        the report under several items (the risk factors under 3.D, 4.B and 4.D), and the first in item order
        names it (3.D: so a risk factor is read as one)."""
        seen: set[tuple[int, int]] = set()
        out = []
        for s in sorted(self.sections, key=lambda s: (s.start, s.end, s.item)):
            if (s.start, s.end) not in seen:
                seen.add((s.start, s.end))
                out.append(s)
        return out


def reference_table_sections(html: bytes | str) -> XrefSections:
    """The sections a 20-F cross-reference table names, cut from this document; empty without a table."""
    try:
        doc = lxml.html.document_fromstring(html if isinstance(html, str) else html.decode("utf-8", errors="replace"))
    except (ValueError, lxml.etree.ParserError):
        return XrefSections()  # not HTML: no table to read
    table = next((t for t in doc.iter("table") if _is_reference_table(t)), None)
    if table is None:
        return XrefSections()
    entries = _entries(table)
    anchors = _anchor_order(doc, {t for e in entries for t in e.targets}, before=table)
    text, offsets = _text_with_anchors(doc, anchors, table=table)
    sections, absent = [], []
    for entry in entries:
        if entry.location and _NOT_APPLICABLE.match(entry.location):
            continue
        found = [t for t in entry.targets if t in offsets]
        if not found:
            absent.append(entry)
        for target in found:
            start, end = offsets[target]
            title = f"{entry.caption} [{entry.location}]" if entry.location else entry.caption
            sections.append(Section(entry.item, title, start, end, text[start:end]))
    sections.sort(key=lambda s: (s.start, s.item))
    not_applicable = [e for e in entries if _NOT_APPLICABLE.match(e.location)]
    return XrefSections(sections=sections, absent=absent, not_applicable=not_applicable, has_table=True)


def _cells(tr: lxml.html.HtmlElement) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for td in tr:
        if td.tag not in ("td", "th"):
            continue
        text = " ".join(td.text_content().replace("\xa0", " ").split())
        links = tuple(a.get("href", "")[1:] for a in td.iter("a") if a.get("href", "").startswith("#"))
        if text or links:
            out.append((text, links))
    return out


def _is_reference_table(table: lxml.html.HtmlElement) -> bool:
    """A header row "Item | Form 20-F caption | ...", or three rows "N | the form's own title for item N"."""
    titled = 0
    for tr in table.iter("tr"):
        texts = [t.lower() for t, _ in _cells(tr)]
        if texts[:1] == ["item"] and any("20-f" in t for t in texts):
            return True
        item = _ITEM.match(texts[0]) if texts else None
        if item and len(texts) > 1 and _same_start(texts[1], TWENTY_F.get(item.group(1).upper(), "")):
            titled += 1
    return titled >= 3


def _same_start(a: str, b: str) -> bool:
    squash = [re.sub(r"[^a-z]", "", s.lower())[:8] for s in (a, b)]
    return bool(squash[0]) and squash[0] == squash[1]


def _entries(table: lxml.html.HtmlElement) -> list[XrefEntry]:
    """Rows -> entries: "3 | Key information", "D. Risk Factors | location | page", and continuation
    rows ("location | page") that add another location to the item above them."""
    entries: list[XrefEntry] = []
    item = caption = None
    for tr in table.iter("tr"):
        cells = _cells(tr)
        if not cells:
            continue
        first = cells[0][0]
        links = tuple(t for _, targets in cells for t in targets)
        head, sub = _ITEM.match(first), _SUB_ITEM.match(first)
        if head and len(cells) > 1:
            item, caption = head.group(1).upper(), cells[1][0]
            location = cells[2][0] if len(cells) > 2 else ""
            if location or links:
                entries.append(XrefEntry(item, caption, location, links))
        elif sub and item:
            location = cells[1][0] if len(cells) > 1 and not cells[1][0].isdigit() else ""
            entries.append(XrefEntry(f"{item}.{sub.group(1)}", sub.group(2), location, links))
        elif item and links:  # a continuation row: same item, another place in the report
            last = entries[-1] if entries and entries[-1].item.split(".")[0] == item else None
            entries.append(XrefEntry(last.item if last else item, last.caption if last else caption or "",
                                     first, links))
    return entries


def _anchor_order(doc: lxml.html.HtmlElement, targets: set[str], *, before: lxml.html.HtmlElement) -> list[str]:
    """Linked anchors present in the document, in document order; the table's position counts as one."""
    order = []
    for element in doc.iter():
        if element is before:
            order.append("")  # the table ends the location before it
        elif element.get("id") in targets:
            order.append(element.get("id"))
    return order


def _text_with_anchors(
    doc: lxml.html.HtmlElement, anchors: list[str], *, table: lxml.html.HtmlElement
) -> tuple[str, dict[str, tuple[int, int]]]:
    """Clean text with each anchor's (start, end): sentinels are set at the anchors, found, removed."""
    by_id = {el.get("id"): el for el in doc.iter() if el.get("id") in set(anchors)}
    for n, anchor in enumerate(anchors):
        if anchor:
            by_id[anchor].text = _SENTINEL.format(n) + (by_id[anchor].text or "")
        else:  # the table is rendered away as rows: mark the place just before it
            mark = table.makeelement("div", {})
            mark.text = _SENTINEL.format(n)
            table.addprevious(mark)
    marked = html_to_text(lxml.html.tostring(doc, encoding="unicode"))
    starts: dict[int, int] = {}
    pieces, last, removed = [], 0, 0
    for m in _FOUND.finditer(marked):
        pieces.append(marked[last : m.start()])
        starts[int(m.group(1))] = m.start() - removed
        removed += m.end() - m.start()
        last = m.end()
    pieces.append(marked[last:])
    text = "".join(pieces).rstrip("\n")
    bounds = sorted(starts.items(), key=lambda kv: kv[1])
    offsets: dict[str, tuple[int, int]] = {}
    for k, (n, start) in enumerate(bounds):
        end = bounds[k + 1][1] if k + 1 < len(bounds) else len(text)
        if anchors[n]:
            offsets[anchors[n]] = (start, max(start, end - 1) if end < len(text) else end)
    return text, offsets
