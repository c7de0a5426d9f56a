"""PDF transcripts (as TSMC and ASML publish them) -> text with pypdf -> the plain-text turn parser."""

from __future__ import annotations

import io
import re
from collections import Counter

from watchdesk.sources.errors import ParsingError
from watchdesk.sources.transcripts.guards import check_parsed, check_size
from watchdesk.sources.transcripts.model import Hints, Transcript
from watchdesk.sources.transcripts.text import text_transcript

_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)


def pdf_text(data: bytes, *, origin: str = "<input>") -> str:
    """The PDF's text, one line per line, without running headers, footers and page numbers."""
    # Imported here: only PDF input pays for loading pypdf.
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if b"%PDF-" not in data[:1024]:  # the header may follow some bytes; without it pypdf logs noise, then fails
        raise ParsingError(f"{origin}: not a PDF (no %PDF- header); pass --format text, html or json, or auto")
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [(page.extract_text() or "").splitlines() for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as err:
        raise ParsingError(f"{origin}: cannot read PDF ({err}); is the file complete?") from err
    repeated = _running_lines(pages)
    kept = [line for page in pages for line in page
            if line.strip() and line.strip() not in repeated and not _PAGE_NUMBER.match(line.strip())]
    return "\n".join(kept)


def _running_lines(pages: list[list[str]]) -> set[str]:
    # A line at the top or bottom of most pages is a running header or footer, not speech.
    if len(pages) < 3:
        return set()
    edges = Counter(s for page in pages for s in {ln.strip() for ln in page[:2] + page[-2:] if ln.strip()})
    return {line for line, n in edges.items() if n >= max(3, len(pages) // 2)}


def parse_pdf(data: bytes, *, origin: str = "<input>", hints: Hints | None = None) -> Transcript:
    """A transcript PDF -> Transcript; wrapped lines are joined back into running text."""
    check_size(data, origin=origin)
    transcript = text_transcript(_dehyphenate(pdf_text(data, origin=origin)), join=" ")
    return check_parsed(hints.override(transcript) if hints else transcript, origin=origin, what="PDF")


def _dehyphenate(text: str) -> str:
    # "supply-\nchain" wrapped at a hyphen: keep the hyphen, drop the break.
    return re.sub(r"(?<=\w-)\n(?=\w)", "", text)
