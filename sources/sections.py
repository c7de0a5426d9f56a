"""Sections of 10-K, 10-Q and 20-F filings, found by regular expressions over `html_to_text` output.

Item ids are written as the form writes them:

- 10-K: "1", "1A", "1B", "1C", "2" ... "7", "7A", "8", "9", "9A", "9B", "9C", "10" ... "16".
- 10-Q: item numbers restart in Part II, so the part comes first, joined by a dash:
  "I-1", "I-2", "I-3", "I-4", "II-1", "II-1A", "II-2" ... "II-6".
- 20-F: "1" ... "19", "4A", "16A" ... "16K"; Item 3.D (Risk Factors) is its own section "3.D",
  and "3" ends where "3.D" begins.

Sections partition the body: each starts at its heading line and ends where the next one begins; the
last ends at the SIGNATURES heading, or at the end of the text. `text` is always `text[start:end]`.

The table of contents is told apart from headings by general rules, not per-filer tuning:
an item line that ends in a page number is a contents entry; three or more item lines in a row with
no body text between them are a table of contents, page numbers or not; of what is left, the longest
chain of items in the form's order wins, each heading weighted by having a title and body text, ties
going to the later occurrence (the contents always come first).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from watchdesk.sources.errors import ConfigError
from watchdesk.sources.form_items import SECTION_FORMS, TEN_Q

_FLAGS = re.IGNORECASE | re.MULTILINE
# "Item 1A. Risk Factors", "ITEM 7 — MD&A", "PART II — ITEM 5.", "Items 1 and 2. Business and Properties".
# A number followed by ".digit" is an 8-K item or a note ("Item 5.02"), never a 10-K item.
_ITEM_LINE = re.compile(
    r"^(?:PART[ \t]+(?P<part>IV|I{1,3})\b[^\n]{0,60}?[ \t|.:—–-])?[ \t|]*ITEMS?[ \t|]*"
    r"(?P<num>\d{1,2})(?P<dot>\.?)(?P<letter>[A-K]?)\b(?!\.\d)"
    r"(?:\s*(?:,|and|&|through)\s*\d{1,2}[A-K]?\b)*(?P<rest>[^\n]*)$",
    _FLAGS,
)
_PART_LINE = re.compile(r"^PART\s+(IV|I{1,3})\b(?![-\d])[^\n]{0,60}$", _FLAGS)
_LEAD = re.compile(r"^[\s|.:—–\-)]+")
# A contents entry's page number: "| 17", " 17", "| F-1", "| 32-35", "........ 17".
_PAGE_TAIL = re.compile(
    r"(?:^|\s*\|\s*|\s+|\s*[.…·_]{2,}\s*)(?:page\s+)?(?:[A-Z]-)?\d{1,3}(?:\s*[-–]\s*(?:[A-Z]-)?\d{1,3})?\s*$", re.I
)
# Body text: a sentence, a long line, or the one-word answers short items get ("None", "Not applicable").
_BODY_LINE = re.compile(
    r"^(?![^\n]*(?:\||[.…·_]{2,})\s*\d{1,3}$)(?:[^\n]{80,}|[^\n]*[.!?;:”\"]|(?:none|not applicable|n/a)\.?)$", _FLAGS
)
_SIGNATURES = re.compile(r"^SIGNATURES?\s*$", _FLAGS)
_RISK_3D = re.compile(r"^(?:item\s*)?(?:3\s*\.?\s*)?D\s*[.:)\-–—]?\s*\|?\s*Risk\s+Factors\.?\s*$", _FLAGS)
_RISK_BARE = re.compile(r"^Risk\s+Factors\.?\s*$", _FLAGS)
_FORM_LINE = re.compile(r"^FORM\s+(10-K|10-Q|20-F|40-F|8-K|6-K)(?:T)?\s*(/A)?\b[^\n]{0,40}$", _FLAGS)
_FORM_PHRASES = (
    ("10-Q", re.compile(r"QUARTERLY\s+REPORT\s+PURSUANT\s+TO\s+SECTION", re.I)),
    ("8-K", re.compile(r"CURRENT\s+REPORT\s+PURSUANT\s+TO\s+SECTION", re.I)),
    ("6-K", re.compile(r"REPORT\s+OF\s+FOREIGN\s+(?:PRIVATE\s+)?ISSUER", re.I)),
    ("10-K", re.compile(r"ANNUAL\s+REPORT\s+PURSUANT\s+TO\s+SECTION\s+13\s+OR\s+15\(d\)", re.I)),
)
_BASE_FORM = re.compile(r"(10-K|10-Q|20-F)")
_COVER_CHARS = 8000
_BODY_WINDOW = 5000  # a gap longer than this between two item lines is body, whatever it holds
_TOC_RUN = 3
_LONG = 150  # characters after "Item 1A" beyond which a line is a paragraph, not a heading


@dataclass(frozen=True, slots=True)
class Section:
    """One item of a filing: its id, title, and span in the clean text."""

    item: str
    title: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Heading:
    key: str
    start: int  # start of the heading line
    head_end: int  # end of the heading (its title may sit on the next line)
    title: str
    paged: bool  # ends in a page number: a contents entry
    short: bool  # a line of its own, not a paragraph that starts with "Item 7 ..."


def detect_form(text: str) -> str | None:
    """The form named on the cover page ("10-K", "10-Q/A", "20-F", "8-K", "6-K", ...), or None."""
    cover = text[:_COVER_CHARS]
    match = _FORM_LINE.search(cover)
    if match:
        return match.group(1).upper() + ("/A" if match.group(2) else "")
    for form, phrase in _FORM_PHRASES:
        if phrase.search(cover):
            return form
    return None


def extract_sections(text: str, *, form: str) -> list[Section]:
    """The items of a 10-K, 10-Q or 20-F (amendments too) in document order; [] when none is found."""
    known = _BASE_FORM.match(form.upper())
    if known is None:
        raise ConfigError(f"sections are defined for 10-K, 10-Q and 20-F, not {form!r}; 8-K and 6-K have items")
    base = known.group(1)  # 10-K405, 10-KT/A, 10-KSB: sectioned as 10-K
    headings = _drop_contents(text, _headings(text, base))
    chosen = _best_chain(headings, order=list(SECTION_FORMS[base]), titles=SECTION_FORMS[base])
    sections = _to_sections(text, chosen, titles=SECTION_FORMS[base])
    return _split_risk_factors(text, sections) if base == "20-F" else sections


def _headings(text: str, form: str) -> list[_Heading]:
    parts = [(m.start(), m.group(1).upper()) for m in _PART_LINE.finditer(text)]
    found = []
    for m in _ITEM_LINE.finditer(text):
        titled = _title(text, m)
        if titled is None:
            continue
        title, head_end, paged = titled
        key = _key(m, form=form, title=title, part=_part_at(parts, m.start(), m["part"]))
        if key is not None:
            found.append(_Heading(key, m.start(), head_end, title, paged, len(m["rest"]) <= _LONG))
    return found


def _part_at(parts: list[tuple[int, str]], pos: int, written: str | None) -> str:
    if written:
        return written.upper()
    index = bisect.bisect_right(parts, (pos, "~")) - 1
    return parts[index][1] if index >= 0 else "I"


def _key(m: re.Match[str], *, form: str, title: str, part: str) -> str | None:
    letter = m["letter"].upper()
    if form == "20-F" and m["dot"] and letter:
        return None  # "Item 4.A" is a sub-item of 4, not Item 4A
    ident = m["num"].lstrip("0") + letter
    if form == "10-Q":
        return _quarterly_key(part, ident, title)
    return ident if ident in SECTION_FORMS[form] else None


def _quarterly_key(part: str, ident: str, title: str) -> str | None:
    """Part from the nearest PART line, corrected by the title when it names the other part's item."""
    key, other = f"{part}-{ident}", f"{'I' if part == 'II' else 'II'}-{ident}"
    if other in TEN_Q and _same_topic(title, TEN_Q[other]) and not _same_topic(title, TEN_Q.get(key, "")):
        return other
    if key in TEN_Q:
        return key
    return other if other in TEN_Q else None


def _same_topic(title: str, official: str) -> bool:
    """Same first letters, punctuation aside: "Management’s Discussion" is "Management's Discussion"."""
    mine, theirs = _squash(title)[:5], _squash(official)[:5]
    return bool(mine) and mine == theirs


def _squash(title: str) -> str:
    return re.sub(r"[^a-z0-9]", "", title.lower())


def _title(text: str, m: re.Match[str]) -> tuple[str, int, bool] | None:
    """(title, end of heading, ends in a page number), or None for a cross-reference."""
    rest = _LEAD.sub("", m["rest"])
    if rest[:1].islower() or (rest and rest[0] in ",;("):
        return None  # "Item 7 of this report", "Item 1A, “Risk Factors,” describes"
    head_end = m.end()
    page = _PAGE_TAIL.search(rest)
    if page:
        rest = rest[: page.start()]
    if not rest and not page:
        rest, head_end, page = _title_below(text, head_end)
    if len(rest) > _LONG:  # heading and body in one paragraph: the title is the first sentence
        first = re.match(r"(.{3,150}?)[.:](?:\s|$)", rest)
        rest = first.group(1) if first else ""
    return " ".join(rest.replace("|", " ").split()).rstrip(". "), head_end, page is not None


def _title_below(text: str, pos: int) -> tuple[str, int, re.Match[str] | None]:
    """A title set on the line under "ITEM 1A." when that line looks like one."""
    end = text.find("\n", pos + 1)
    end = len(text) if end == -1 else end
    line = text[pos + 1 : end].strip()
    looks_like_title = (
        0 < len(line) <= 100
        and (line[0].isupper() or line[0] in "“\"'[")
        and (not line.endswith(".") or line.isupper())
        and not _ITEM_LINE.match(line)
    )
    if not looks_like_title:
        return "", pos, None
    page = _PAGE_TAIL.search(line)
    return (line[: page.start()] if page else line), end, page


def _has_body(text: str, start: int, end: int) -> bool:
    if end - start > _BODY_WINDOW:
        return True
    return _BODY_LINE.search(text, start, end) is not None


def _drop_contents(text: str, headings: list[_Heading]) -> list[tuple[_Heading, bool]]:
    """Headings outside the table of contents, each with whether body text follows it."""
    if not headings:
        return []
    ends = [h.start for h in headings[1:]] + [len(text)]
    body = [_has_body(text, h.head_end, end) for h, end in zip(headings, ends, strict=True)]
    contents = [h.paged or not has for h, has in zip(headings, body, strict=True)]
    i = 0
    while i < len(headings):
        j = i
        while j < len(headings) and contents[j]:
            j += 1
        if j - i < _TOC_RUN:  # too short a run for a table of contents: keep unless paged
            for k in range(i, j):
                contents[k] = headings[k].paged
        i = j + 1
    return [(h, has) for h, has, toc in zip(headings, body, contents, strict=True) if not toc]


def _best_chain(headings: list[tuple[_Heading, bool]], *, order: list[str], titles: dict[str, str]) -> list[_Heading]:
    """The heaviest run of headings in the form's item order; ties go to the later occurrence.

    A heading weighs more with body text after it, more with a title, and most when its title is
    the form's own (which is what tells "ITEM 1A. RISK FACTORS" from a page header "Item 1A"); a
    paragraph that merely starts with "Item 1A" gets no credit for a title.
    """
    if not headings:
        return []
    rank = [order.index(h.key) for h, _ in headings]
    weight = [1 + body + h.short * (bool(h.title) + 2 * _same_topic(h.title, titles[h.key])) for h, body in headings]
    best = list(weight)
    back = [-1] * len(headings)
    for i in range(len(headings)):
        for j in range(i):
            if rank[j] < rank[i] and best[j] + weight[i] >= best[i]:
                best[i], back[i] = best[j] + weight[i], j
    i = max(range(len(best)), key=lambda k: (best[k], k))
    chain = []
    while i != -1:
        chain.append(headings[i][0])
        i = back[i]
    return chain[::-1]


def _to_sections(text: str, chosen: list[_Heading], *, titles: dict[str, str]) -> list[Section]:
    if not chosen:
        return []
    last = chosen[-1]
    signatures = _SIGNATURES.search(text, last.head_end)
    ends = [h.start for h in chosen[1:]] + [signatures.start() if signatures else len(text)]
    return [
        Section(h.key, h.title or titles[h.key], h.start, end, text[h.start : end])
        for h, end in zip(chosen, ends, strict=True)
    ]


def _split_risk_factors(text: str, sections: list[Section]) -> list[Section]:
    """20-F: cut Item 3 at its part D (Risk Factors), which becomes section "3.D"."""
    for i, section in enumerate(sections):
        if section.item != "3":
            continue
        found = _RISK_3D.search(text, section.start, section.end) or _RISK_BARE.search(text, section.start, section.end)
        if found is None or found.start() <= section.start:
            return sections
        cut = found.start()
        head = Section("3", section.title, section.start, cut, text[section.start : cut])
        risk = Section("3.D", "Risk Factors", cut, section.end, text[cut : section.end])
        return [*sections[:i], head, risk, *sections[i + 1 :]]
    return sections
