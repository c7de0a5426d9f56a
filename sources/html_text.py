"""Filing HTML (inline XBRL included) -> clean readable text, one paragraph or table row per line."""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Any, Literal

import lxml.etree

from watchdesk.sources.errors import ParsingError

# Elements that start a new line; td/th are handled with their table.
_BLOCK_TAGS = (
    "p", "div", "br", "tr", "li", "ul", "ol", "dl", "dt", "dd", "table", "hr", "blockquote", "pre",
    "center", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "body",
)  # fmt: skip
# Never reader-visible: scripts, styles and the inline-XBRL header (contexts, units, hidden facts).
_DROP_TAGS = ("script", "style", "noscript", "head", "title", "ix:header", "ix:hidden")
# XPath narrows cheaply to styles that mention "none"; the regex then decides (any case, any spacing).
_MAYBE_HIDDEN = "//*[contains(@style, 'none') or contains(@style, 'NONE') or contains(@style, 'None')]"
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A document cut out of a full-submission .txt still wears its SGML <DOCUMENT>...<TEXT> wrapper.
_SGML_OPEN = re.compile(r"^\s*<DOCUMENT>.*?<TEXT>\s*(?:<XBRL>)?", re.IGNORECASE | re.DOTALL)
_SGML_CLOSE = re.compile(r"(?:</XBRL>)?\s*</TEXT>\s*</DOCUMENT>\s*$", re.IGNORECASE)
# A line that is only a page marker: "12", "- 12 -", "Page 12", "Page 12 of 80", "F-3", "ii", "XIV".
_PAGE_LINE = re.compile(
    r"^(?:-\s*)?(?:page\s+)?(?:\d{1,3}|[a-z]-\d{1,3}|x{0,3}(?:ix|iv|v?i{0,3}))(?:\s+of\s+\d{1,3})?(?:\s*-)?$",
    re.IGNORECASE,
)
_TOC_LINE = re.compile(r"^(?:return\s+to\s+|back\s+to\s+)?(?:the\s+)?table\s+of\s+contents$", re.IGNORECASE)
# A running header or footer (_running_header): a short line the filing repeats on at least three pages.
_RUNNING_TIMES = 3
_RUNNING_LENGTH = 200
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
# Cells that belong to a neighbour: "$" | "1,234" -> "$1,234"; "(12" | ")" -> "(12)"; "•" | "text".
# A lone dash is left alone: in financial tables it is a value (nil), not a bullet.
_CURRENCY = frozenset({"$", "€", "£", "¥"})
_GLYPH_BULLETS = "•◦●▪·"
_BULLETS = frozenset({*_GLYPH_BULLETS, "o"})  # Word exports use a lone "o" cell for sub-bullets
_TRAILING_CELL = re.compile(r"^(?:\)|%|\)%|%\))$")
# Characters no reader sees (zero-width, soft hyphen), dropped. A regex, not str.translate: translate looks each
# character of a text that is not ASCII up in its table, ~0.1 s on a 10-K's text, six times the regex's time.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]+")


def html_to_text(data: bytes | str, *, tables: Literal["keep", "drop"] = "keep") -> str:
    """Readable text of a filing: one paragraph per line, table rows as `cell | cell`.

    With tables="drop", tables of two or more columns are left out; single-column tables stay
    because filers use them for ordinary paragraphs and bullet lists.
    """
    doc = _parse(data)
    _strip_invisible(doc)
    return _rendered(doc, tables=tables)


def text_content(element: Any) -> str:
    """The text of an element and its descendants, as lxml.html's text_content reads it (the XPath string()), in half
    its time. The tree is parsed with lxml.etree's own HTML parser, not lxml.html's: lxml.html looks up a Python class
    for each element the code touches (HtmlElement, for methods no reader here uses), a fifth of a 10-K's reading."""
    return lxml.etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def _rendered(doc: Any, *, tables: Literal["keep", "drop"] = "keep") -> str:
    """The text of a parsed document stripped of what no reader sees (html_to_text after the parse); changes `doc`."""
    _mark_blocks(doc)
    for table in reversed(list(doc.iter("table"))):  # inner tables first: outer rows read them as text
        _render_table(table, keep=tables == "keep")
    body = doc.find("body")
    return _clean_lines(text_content(body if body is not None else doc))


def title_of(data: bytes | str) -> str | None:
    """The document's <title>, whitespace collapsed; None when absent or empty."""
    raw = data.encode("utf-8", errors="replace") if isinstance(data, str) else data
    match = _TITLE.search(raw, 0, 300_000)  # the title sits in <head>; never scan a whole 10-K
    if not match:
        return None
    title = " ".join(html.unescape(_decode(match.group(1))).split())
    return title or None


def _decode(data: bytes) -> str:
    # EDGAR documents are ASCII with entities, UTF-8, or (older ones) Windows-1252.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _parse(data: bytes | str) -> Any:
    text = _decode(data) if isinstance(data, bytes) else data
    if _SGML_OPEN.match(text, 0, 2000):
        text = _SGML_CLOSE.sub("", _SGML_OPEN.sub("", text, count=1), count=1)
    # lxml refuses str input that still declares an encoding, and text nodes with control characters.
    text = _NOT_XML.sub("", _XML_DECL.sub("", text, count=1))
    if not text.strip():
        text = "<html><body></body></html>"
    # huge_tree lifts libxml2's depth limit from 256 to 2,048; past it libxml2 drops the rest of the page
    parser = lxml.etree.HTMLParser(huge_tree=True)
    try:
        doc = lxml.etree.fromstring(text, parser)
    except (ValueError, lxml.etree.ParserError) as err:
        raise ParsingError(f"document is not parseable HTML: {err}") from err
    if doc is None:  # as lxml.html.document_fromstring says it
        raise ParsingError("document is not parseable HTML: Document is empty")
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise ParsingError("document is nested too deeply to read whole (over 2,048 levels of elements)")
    return doc


def _strip_invisible(doc: Any) -> None:
    lxml.etree.strip_elements(doc, *_DROP_TAGS, lxml.etree.Comment, with_tail=False)
    for element in doc.xpath(_MAYBE_HIDDEN):
        if _DISPLAY_NONE.search(element.get("style", "")):
            _drop_tree(element)  # keeps the tail: text after a hidden block is visible


def _drop_tree(element: Any) -> None:
    """Remove an element with its children and text, joining its tail to what stood before it (lxml.html's)."""
    parent = element.getparent()
    assert parent is not None  # as lxml.html's: the root is never hidden alone
    if element.tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    parent.remove(element)


def _mark_blocks(doc: Any) -> None:
    """Put a line break before and after every block element, in the tree's own text."""
    for element in doc.iter(*_BLOCK_TAGS):
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")


def _render_table(table: Any, *, keep: bool) -> None:
    """Replace `table` by its rows as `cell | cell` lines, or by nothing."""
    # Inner tables were replaced already, so every <tr> left under `table` is its own.
    rows = [cells for tr in table.iter("tr") if (cells := _cells_of(tr))]
    replacement = table.makeelement("div", {})
    if keep or all(len(cells) == 1 for cells in rows):
        replacement.text = "\n" + "\n".join(" | ".join(cells) for cells in rows) + "\n"
    replacement.tail = table.tail
    parent = table.getparent()
    if parent is not None:
        parent.replace(table, replacement)


def _cells_of(tr: Any) -> list[str]:
    """Non-empty cell texts of a row, with "$", ")" and "%" cells glued to their numbers."""
    cells: list[str] = []
    pending = ""
    for cell in tr:
        if cell.tag not in ("td", "th"):
            continue
        text = " ".join(_INVISIBLE.sub("", text_content(cell)).split())
        if not text:
            continue
        if text in _CURRENCY:
            pending += text
        elif text in _BULLETS:
            pending += text + " "
        elif _TRAILING_CELL.match(text) and cells:
            cells[-1] += text
        else:
            cells.append(pending + text)
            pending = ""
    if pending:
        cells.append(pending.strip())
    return cells


def _clean_lines(text: str) -> str:
    """Collapse whitespace, drop empty lines, page numbers and repeated "Table of Contents" links.

    A paragraph cut by a page break (the next page starts in lower case) is joined back together, across the running
    header the next page opens with (_running_header).
    """
    lines = [line for line in (" ".join(raw.split()) for raw in _INVISIBLE.sub("", text).split("\n")) if line]
    header = _running_header(lines)
    out: list[str] = []
    seen_toc = page_break = False
    for at, line in enumerate(lines):
        if _PAGE_LINE.match(line) or (seen_toc and _TOC_LINE.match(line)) or at in header:
            page_break = True
            continue
        seen_toc = seen_toc or bool(_TOC_LINE.match(line))
        if line[0] in _GLYPH_BULLETS and len(line) > 1 and not line[1].isspace():
            line = f"{line[0]} {line[1:]}"
        if page_break and out and line[0].islower() and out[-1][-1] not in ".:;!?":
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        page_break = False
    return "\n".join(out)


def _running_header(lines: list[str]) -> set[int]:
    """Where a page break inside a sentence leaves the lines every page repeats: the indices of those lines.

    NVIDIA's notes pages open with "NVIDIA Corporation and Subsidiaries / Notes to the Consolidated Financial
    Statements / (Continued)", Alphabet's with "Table of Contents | Alphabet Inc.", so a sentence a page cuts was two
    (one ending "we cannot be certain that these actions", the other "(Continued) or other third-party claims ...").
    A line is taken for a running header or footer only in a run of such lines with a page marker (a page number, a
    "Table of Contents" link), between a line that ends mid-sentence and one that goes on in lower case, and only when
    the filing repeats it (_RUNNING_TIMES); elsewhere every line stays."""
    counts: Counter[str] | None = None
    found: set[int] = set()
    at = 1
    while at < len(lines):
        if not _is_page_marker(lines[at]):
            at += 1
            continue
        counts = counts if counts is not None else Counter(lines)
        first = last = at
        while first > 1 and _is_running(lines[first - 1], counts):
            first -= 1
        while last + 1 < len(lines) and (_is_page_marker(lines[last + 1]) or _is_running(lines[last + 1], counts)):
            last += 1
        after = last + 1
        if after < len(lines) and lines[after][0].islower() and lines[first - 1][-1] not in ".:;!?":
            found.update(i for i in range(first, after) if not _is_page_marker(lines[i]))
        at = after
    return found


def _is_page_marker(line: str) -> bool:
    return bool(_PAGE_LINE.match(line) or _TOC_LINE.match(line))


def _is_running(line: str, counts: Counter[str]) -> bool:
    return counts[line] >= _RUNNING_TIMES and len(line) <= _RUNNING_LENGTH and not line[0].islower()
