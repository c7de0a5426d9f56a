"""Subheadings of a filing's Business item (10-K Item 1, 20-F Item 4), its MD&A (10-K Item 7, 10-Q Part I Item 2,
20-F Item 5) and its financial statements and their notes (10-K Items 8 and 15, 10-Q Part I Item 1, 20-F Items 17 and
18), read from the filing's emphasis.

"Inventories", "Demand and Supply", "Supply Chain", "Purchase Obligations": a line that names what the text or the table
under it is about states nothing itself. A general rule, no word list: a subheading is a line of its own set in
emphasis throughout (bold, italic or underline), short (at most twenty words), with no sentence-ending punctuation,
never a table row or a bullet, followed by body text (a sentence, or a long line) or a table, possibly after more such
lines ("Overview" over "Our Company and Our Businesses"). So a table's caption ("Three Months Ended", "($ in
millions)") is one too: it states nothing either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from watchdesk.sources.filing_items import Item
from watchdesk.sources.html_emphasis import Emphasis
from watchdesk.sources.risk_factors import BULLET, SENTENCE_END  # as risk_factors reads them
from watchdesk.sources.sections import Section

# The Business item, the MD&A, then the items that hold the financial statements (a 10-K has them in Item 8 or, by
# reference, in Item 15). Risk factors have their own group headings (risk_factors.py), whose factors' bold leads
# are statements.
SUBHEADED_ITEMS = {"10-K": ("1", "7", "8", "15"), "10-Q": ("I-2", "I-1"), "20-F": ("4", "5", "17", "18")}
# A heading runs to 15 words in the fixture filings (a critical audit matter, "Valuation of Inventories - Provisions
# for Excess or Obsolete Inventories and Excess Product Purchase Commitments"); no line of 16 to 20 words is one
_MAX_WORDS = 20
_LONG = 80  # characters from which a line is a paragraph, punctuated or not


def subheadings(
    sections: Sequence[Section], emphasis: Mapping[str, Emphasis], *, form: str
) -> tuple[tuple[int, int], ...]:
    """(start, end) of each subheading line of the form's MD&A and financial statements; none for other forms."""
    items = SUBHEADED_ITEMS.get(form.upper().removesuffix("/A"), ())
    if not emphasis:
        return ()
    return tuple(h for s in sections if s.item in items for h in section_headings(s, emphasis))


def section_headings(found: Section | Item, emphasis: Mapping[str, Emphasis]) -> tuple[tuple[int, int], ...]:
    """(start, end) of each subheading line of one section (or one 8-K item or 6-K document)."""
    lines: list[tuple[int, str]] = []
    pos = found.start
    for raw in found.text.split("\n"):
        if raw.strip():
            lines.append((pos, raw))
        pos += len(raw) + 1
    lines = lines[1:]  # the item's own heading
    heading = [_is_heading(text, emphasis) for _, text in lines]
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []  # headings in a row, waiting for what follows them
    for (start, text), is_heading in zip(lines, heading, strict=True):
        if is_heading:
            run.append((start, start + len(text)))
            continue
        if run and (_is_body(text) or _is_table_row(text)):
            out.extend(run)
        run = []
    return tuple(out)


def _is_heading(line: str, emphasis: Mapping[str, Emphasis]) -> bool:
    found = emphasis.get(line)
    return (
        found is not None
        and found.lead >= len(line)
        and len(line.split()) <= _MAX_WORDS
        and "|" not in line
        and not BULLET.match(line)
        and not SENTENCE_END.search(line)
        and any(c.isalpha() for c in line)
    )


def _is_table_row(line: str) -> bool:
    return "|" in line


def _is_body(line: str) -> bool:
    """Body text: a sentence or a paragraph, never a table row."""
    return "|" not in line and (len(line) >= _LONG or bool(SENTENCE_END.search(line)))
