"""8-K items and 6-K contents: what a current report is about, each with its text.

Ids: 8-K items as numbered in the form ("2.02", "9.01"), titled as EDGAR's filing index titles them;
6-K exhibits by their type ("EX-99.1"); a 6-K without exhibits lists what it "comprises" (press
releases by title), numbered "1", "2", ... in the order given.
Offsets are into the primary document's clean text; -1 when an item is not in it (a 6-K exhibit is
its own document; an 8-K item named only by the SGML header has no text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from watchdesk.sources.errors import ParsingError
from watchdesk.sources.form_items import EIGHT_K
from watchdesk.sources.html_emphasis import read_html
from watchdesk.sources.html_text import html_to_text, title_of
from watchdesk.sources.models import SubmissionDocument
from watchdesk.sources.sections import detect_form
from watchdesk.sources.sgml import Header, parse_full_submission

_FLAGS = re.IGNORECASE | re.MULTILINE
# "Item 2.02 Results of Operations", "ITEM 9.01(d). Exhibits"; "Item 2.02 of this report" is a reference.
_ITEM_8K = re.compile(r"^[ \t|]*ITEMS?[ \t|]*(?P<major>\d{1,2})\.(?P<minor>\d{1,2})\b(?P<rest>[^\n]*)$", _FLAGS)
_LEAD = re.compile(r"^(?:[\s|.:—–\-]|\([a-z]\))+", re.I)
_SIGNATURES = re.compile(r"^SIGNATURES?\s*$", _FLAGS)
_SUBMISSION = re.compile(rb"\s*<(?:SEC-DOCUMENT|SEC-HEADER|IMS-DOCUMENT|IMS-HEADER|DOCUMENT)>")
_HTML = re.compile(rb"<(?:html|body|div|p|table|font|span)\b", re.I)
_EXHIBIT_LINE = re.compile(
    r"^(?:Exhibit|Ex\.)[ \t]*(?:No\.?[ \t]*)?(?P<num>\d{1,3}\.\d{1,3})\b[ \t|:.\-–—]*(?P<title>[^\n]*)$", _FLAGS
)
_EXHIBIT_HEAD = re.compile(r"^[^\n]{0,30}\bexhibits?\b[^\n]{0,60}$", _FLAGS)
_INDEX_ROW = re.compile(r"^(?P<num>\d{1,3}\.\d{1,3})\s*\|\s*(?P<title>[^\n]+)$", re.MULTILINE)
_CONTENTS = re.compile(
    r"\bfollowing\s+(?:press\s+releases?|news\s+releases?|documents?|announcements?|exhibits?|information)", re.I
)
_QUOTED = re.compile(r"[“\"]([^”\"\n]{5,300})[”\"]")
_NOT_CONTENT = ("EX-101", "EX-104")  # XBRL files and the cover-page tag are no report content


@dataclass(frozen=True, slots=True)
class Item:
    """One item of an 8-K, or one exhibit or listed document of a 6-K."""

    item: str
    title: str
    start: int
    end: int
    text: str


def split_submission(data: bytes) -> tuple[bytes, Header, list[SubmissionDocument]]:
    """(primary document, SGML header, all documents) of a full-submission .txt; a lone document as is."""
    if not _SUBMISSION.match(data):
        return data, {}, []
    header, documents = parse_full_submission(data)
    if not documents:
        raise ParsingError("the full submission holds no <DOCUMENT>; is the file complete?")
    kind = header.get("CONFORMED SUBMISSION TYPE")
    primary = next((d for d in documents if d.type == kind), documents[0])
    return primary.body, header, documents


def document_text(body: bytes, *, tables: Literal["keep", "drop"] = "keep", headings: bool = False) -> str:
    """Clean text of one document: HTML through html_to_text, old plain-text filings line by line. With `headings`
    the HTML's emphasis is read in the same parse (html_emphasis.read_html), for the headings read next."""
    if _HTML.search(body, 0, 5000):
        return read_html(body).text if headings and tables == "keep" else html_to_text(body, tables=tables)
    raw = body.decode("utf-8", errors="replace")
    return "\n".join(line for line in (" ".join(part.split()) for part in raw.splitlines()) if line)


def extract_items(text: str | bytes, *, header: Header | None = None, form: str | None = None) -> list[Item]:
    """Items of an 8-K, or exhibits of a 6-K, in document order.

    `text` is clean text, or the raw bytes of a primary document (HTML) or a full-submission .txt;
    `header` (the SGML header) names the 8-K items EDGAR indexed and the form.
    """
    documents: list[SubmissionDocument] = []
    if isinstance(text, bytes):
        primary, found_header, documents = split_submission(text)
        header = header or found_header
        text = document_text(primary)
    kind = form or _header_value(header, "CONFORMED SUBMISSION TYPE") or detect_form(text) or ""
    kind = kind.upper()
    if kind.startswith("6-K"):
        return _six_k(text, documents)
    if kind and not kind.startswith("8-K"):
        raise ParsingError(f"items are defined for 8-K and 6-K, this is a {kind}: use sections instead")
    items = _eight_k(text, header or {})
    return items if items or kind else _six_k(text, documents)


def _header_value(header: Header | None, key: str) -> str | None:
    value = (header or {}).get(key)
    return value if isinstance(value, str) else None


def _eight_k(text: str, header: Header) -> list[Item]:
    starts: dict[str, int] = {}
    for m in _ITEM_8K.finditer(text):
        number = f"{int(m['major'])}.{int(m['minor']):02d}"
        rest = _LEAD.sub("", m["rest"])
        if number in EIGHT_K and number not in starts and not (rest[:1].islower() or (rest and rest[0] in ",;")):
            starts[number] = m.start()
    indexed = _indexed_items(header)
    if indexed:  # EDGAR's own list wins: drop what it does not name, add what the text does not head
        starts = {number: pos for number, pos in starts.items() if number in indexed}
    ordered = sorted(starts.items(), key=lambda kv: kv[1])
    ends = [pos for _, pos in ordered[1:]] + ([_signatures_after(text, ordered[-1][1])] if ordered else [])
    items = [Item(n, EIGHT_K[n], s, e, text[s:e]) for (n, s), e in zip(ordered, ends, strict=True)]
    missing = sorted(indexed - starts.keys())
    return items + [Item(n, EIGHT_K[n], -1, -1, "") for n in missing]


def _signatures_after(text: str, pos: int) -> int:
    found = _SIGNATURES.search(text, pos)
    return found.start() if found else len(text)


def _indexed_items(header: Header) -> set[str]:
    """Item numbers of the header's ITEM INFORMATION titles (the header names items by title only).

    Empty unless every title is known: a partial list must not filter out items the text heads.
    """
    titles = header.get("ITEM INFORMATION", [])
    squashed = [_squash(t) for t in (titles if isinstance(titles, list) else [titles])]
    by_title = {_squash(title): number for number, title in EIGHT_K.items()}
    return {by_title[t] for t in squashed} if all(t in by_title for t in squashed) else set()


def _squash(title: str) -> str:
    return re.sub(r"[^a-z0-9]", "", title.lower())


def _six_k(text: str, documents: list[SubmissionDocument]) -> list[Item]:
    exhibits = [
        d for d in documents if d.type.upper().startswith("EX-") and not d.type.upper().startswith(_NOT_CONTENT)
    ]
    if exhibits:
        return [Item(d.type.upper(), exhibit_title(d), -1, -1, document_text(d.body)) for d in exhibits]
    return _listed_exhibits(text) or _described_contents(text)


def exhibit_title(document: SubmissionDocument, *, default: str | None = None) -> str:
    """What an exhibit is, as its filer describes it ("PRESS RELEASE"); else its <title>, else its type, or
    `default` when given (a <title> is often a machine's: "Document")."""
    if document.description and document.description.upper() != document.type.upper():
        return document.description
    if default is not None:
        return default
    return title_of(document.body) or document.type


def _listed_exhibits(text: str) -> list[Item]:
    """Exhibits named in the text: "Exhibit 99.1 Press release ..." lines and exhibit-index table rows."""
    found: dict[str, str] = {}
    for m in _EXHIBIT_LINE.finditer(text):
        found.setdefault(m["num"], m["title"])
    for head in _EXHIBIT_HEAD.finditer(text):
        for m in _INDEX_ROW.finditer(text, head.end(), head.end() + 3000):
            found.setdefault(m["num"], m["title"])
    items = []
    for number, raw in found.items():
        title = " ".join(raw.replace("|", " ").split())
        if title and not number.startswith(("101.", "104")) and not title.replace(".", "").isdigit():
            items.append(Item(f"EX-{number}", title, -1, -1, ""))
    return items


def _described_contents(text: str) -> list[Item]:
    """One item per quoted title after "... comprises ... the following press release: “Title”".

    An item's text starts where its title stands alone as a headline later on, when it does.
    """
    phrase = _CONTENTS.search(text)
    if phrase is None:
        return []
    titles = _quoted_titles(text, phrase.end())
    starts = [_headline_at(text, title, phrase.end()) for title in titles]
    placed = sorted(s for s in starts if s != -1)
    items = []
    for n, (title, start) in enumerate(zip(titles, starts, strict=True), 1):
        end = next((s for s in placed if s > start), len(text)) if start != -1 else -1
        items.append(Item(str(n), title, start, end, text[start:end] if start != -1 else ""))
    return items


def _quoted_titles(text: str, pos: int) -> list[str]:
    """Quoted titles on the lines that follow `pos`, up to the first line without one."""
    titles: list[str] = []
    for line in text[pos : pos + 2000].split("\n")[:8]:
        quoted = [m.group(1).strip().rstrip(",.") for m in _QUOTED.finditer(line)]
        if not quoted and titles:
            break
        titles += quoted
    return titles


def _headline_at(text: str, title: str, after: int) -> int:
    found = re.compile(rf"^{re.escape(title)}\s*$", _FLAGS).search(text, after)
    return found.start() if found else -1
