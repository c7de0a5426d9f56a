"""Pure parsers for EDGAR's full-submission .txt (SGML) files and -index.html filing pages."""

from __future__ import annotations

import re
from typing import Any

import lxml.html

from watchdesk.sources.errors import ParsingError
from watchdesk.sources.models import SubmissionDocument

Header = dict[str, str | list[str]]

# Header keys that legitimately repeat and all matter; every other key keeps its first value,
# which is the subject company's when a filing names several (SC 13D: SUBJECT COMPANY, FILED BY).
LIST_KEYS = frozenset({"ITEM INFORMATION"})
_HEADER_TAGS = ((b"<SEC-HEADER>", b"</SEC-HEADER>"), (b"<IMS-HEADER>", b"</IMS-HEADER>"))
_WRAPPERS = ((b"<XBRL>", b"</XBRL>"), (b"<PDF>", b"</PDF>"))
_ITEM_LINE = re.compile(r"^\s*Item\s+(\d+\.\d+)\s*:?\s*(.*)$", re.IGNORECASE)
_SEC = "https://www.sec.gov"


def parse_full_submission(data: bytes) -> tuple[Header, list[SubmissionDocument]]:
    """SGML header fields and every <DOCUMENT> of a full-submission .txt file."""
    header = _parse_header(data)
    documents = _parse_documents(data)
    if not header and not documents:
        head = data[:60].decode("latin-1")
        raise ParsingError(f"not an EDGAR full-submission file (no SEC-HEADER, no DOCUMENT): {head!r}")
    return header, documents


def _parse_header(data: bytes) -> Header:
    for open_tag, close_tag in _HEADER_TAGS:
        start = data.find(open_tag)
        if start != -1:
            end = data.find(close_tag, start)
            # The rest of the opening line names the header file (`0000796343-23-000044.hdr.sgml : 2023`).
            start = data.find(b"\n", start)
            block = data[start + 1 : end if end != -1 else len(data)]
            return _header_fields(block.decode("latin-1"))
    return {}


def _header_fields(text: str) -> Header:
    """`KEY:<tabs>value` lines and `<TAG>value` lines; section lines (`FILER:`) carry no value."""
    fields: Header = {}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("<") and ">" in line:
            key, value = line[1 : line.index(">")], line[line.index(">") + 1 :]
        elif ":" in line:
            key, value = line.split(":", 1)
        else:
            continue
        key, value = key.strip(), value.strip()
        if not value or key.startswith("/"):
            continue
        if key in LIST_KEYS:
            existing = fields.setdefault(key, [])
            assert isinstance(existing, list)
            existing.append(value)
        else:
            fields.setdefault(key, value)
    return fields


def _parse_documents(data: bytes) -> list[SubmissionDocument]:
    documents: list[SubmissionDocument] = []
    pos = data.find(b"<DOCUMENT>")
    while pos != -1:
        end = data.find(b"</DOCUMENT>", pos)
        if end == -1:
            raise ParsingError(f"full submission: <DOCUMENT> at byte {pos} is never closed; file truncated?")
        documents.append(_document(data, pos + len(b"<DOCUMENT>"), end, index=len(documents) + 1))
        pos = data.find(b"<DOCUMENT>", end)
    return documents


def _document(data: bytes, start: int, end: int, *, index: int) -> SubmissionDocument:
    text_at = data.find(b"<TEXT>", start, end)
    meta_end = text_at if text_at != -1 else end
    meta: dict[str, str] = {}
    for raw in data[start:meta_end].split(b"\n"):
        line = raw.strip().decode("latin-1")
        if line.startswith("<") and ">" in line:
            meta.setdefault(line[1 : line.index(">")].upper(), line[line.index(">") + 1 :].strip())
    body = b""
    if text_at != -1:
        close = data.rfind(b"</TEXT>", text_at, end)
        body = _unwrap(data[text_at + len(b"<TEXT>") : close if close != -1 else end])
    seq = meta.get("SEQUENCE", "")
    return SubmissionDocument(
        type=meta.get("TYPE", ""),
        sequence=int(seq) if seq.isdigit() else index,  # a few old filings omit SEQUENCE
        filename=meta.get("FILENAME", ""),
        description=meta.get("DESCRIPTION", ""),
        body=body,
    )


def _unwrap(body: bytes) -> bytes:
    """The body as the filer sent it: without EDGAR's <XBRL>/<PDF> wrapper and its line breaks."""
    body = _drop_first_newline(body)
    for open_tag, close_tag in _WRAPPERS:
        if body[: len(open_tag)].upper() == open_tag:
            inner = _drop_first_newline(body[len(open_tag) :])
            close = inner.rfind(close_tag)
            return inner[:close] if close != -1 else inner
    return body


def _drop_first_newline(body: bytes) -> bytes:
    if body.startswith(b"\r\n"):
        return body[2:]
    return body[1:] if body.startswith(b"\n") else body


# --- -index.html ------------------------------------------------------------------------------


def _index_doc(data: bytes) -> Any:
    try:
        return lxml.html.document_fromstring(data)
    except (ValueError, lxml.etree.ParserError) as err:
        raise ParsingError(f"filing index page is not HTML: {err}") from err


def parse_index_html(data: bytes) -> list[dict[str, Any]]:
    """Rows of an EDGAR -index.html page's document tables.

    Each row: seq (int | None), description, filename, type, size (int | None), url (absolute)
    and table ("Document Format Files" or "Data Files"). The complete-submission .txt row has
    seq None and type "".
    """
    doc = _index_doc(data)
    tables = doc.find_class("tableFile")
    if not tables:
        raise ParsingError("filing index page has no document table (class tableFile); is it an -index.html?")
    rows: list[dict[str, Any]] = []
    for table in tables:
        for tr in table.iter("tr"):
            cells = tr.findall("td")
            if len(cells) < 5:  # the header row uses <th>
                continue
            seq, desc, doc_cell, kind, size = (" ".join(c.text_content().split()) for c in cells[:5])
            link = _doc_cell_link(cells[2])
            rows.append({
                "seq": int(seq) if seq.isdigit() else None,
                "description": desc,
                "filename": link.rsplit("/", 1)[-1] if link else doc_cell.split(" ")[0],
                "type": kind,
                "size": int(size) if size.isdigit() else None,
                "url": _SEC + link if link.startswith("/") else link,
                "table": table.get("summary", ""),
            })
    return rows


def _doc_cell_link(cell: Any) -> str:
    """The archive path a document cell links to; iXBRL links go through the /ix?doc= viewer."""
    anchor = cell.find(".//a")
    href = anchor.get("href", "") if anchor is not None else ""
    return href.removeprefix("/ix?doc=")


def parse_index_items(data: bytes) -> dict[str, str]:
    """The "Items" an -index.html page lists, {"2.02": "Results of Operations ..."}; {} if none."""
    doc = _index_doc(data)
    for head in doc.find_class("infoHead"):
        if head.text_content().strip().lower() != "items":
            continue
        info = head.getnext()
        if info is None:
            return {}
        for br in info.iter("br"):  # each item sits on its own <br>-ended line
            br.tail = "\n" + (br.tail or "")
        items: dict[str, str] = {}
        for line in info.text_content().splitlines():
            match = _ITEM_LINE.match(line)
            if match:
                items[match.group(1)] = match.group(2).strip()
        return items
    return {}
