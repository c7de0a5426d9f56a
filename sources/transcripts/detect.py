"""One entry point: sniff the format, parse, and fill what the file name tells."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Literal

from watchdesk.sources.errors import ParsingError
from watchdesk.sources.text_bytes import check_text, to_utf8
from watchdesk.sources.transcripts.guards import check_not_filing, check_size
from watchdesk.sources.transcripts.jsonfmt import parse_json
from watchdesk.sources.transcripts.meta import hints_from_name
from watchdesk.sources.transcripts.model import Hints, Transcript
from watchdesk.sources.transcripts.pdf import parse_pdf
from watchdesk.sources.transcripts.text import parse_text

Format = Literal["auto", "html", "text", "json", "pdf"]
FORMATS: tuple[Format, ...] = ("auto", "html", "text", "json", "pdf")
_PARSERS: dict[str, Callable[..., Transcript]] = {
    "html": lambda data, **kw: _html_parser()(data, **kw), "text": parse_text, "json": parse_json, "pdf": parse_pdf,
}
_HTML = re.compile(rb"<!doctype html|<html[\s>]|<body[\s>]|<(?:p|div|h[1-6]|strong|b|br)[\s/>]", re.IGNORECASE)


def _html_parser() -> Callable[..., Transcript]:
    # BeautifulSoup takes a third of `watchdesk flag`'s start-up to import: only when a page is read
    from watchdesk.sources.transcripts.html import parse_html

    return parse_html


def sniff(data: bytes) -> Literal["html", "text", "json", "pdf"]:
    """The format of `data`, from its first bytes: PDF magic, a JSON opening, HTML tags, else text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head[:1] in (b"{", b"["):
        return "json"
    if head.startswith(b"<") or len(_HTML.findall(head)) >= 3:
        return "html"
    return "text"


def parse_transcript(
    data: bytes, *, format: Format = "auto", origin: str = "<input>", hints: Hints | None = None
) -> Transcript:
    """Parse a transcript in any supported format. Explicit `hints` win over the document, which wins
    over what the file name (`origin`) suggests, e.g. NVDA_2025_Q1.txt -> NVDA, 2025-Q1."""
    data = to_utf8(data, origin=origin)
    fmt = sniff(data) if format == "auto" else format
    if fmt != "pdf":  # binary first: a few bytes of it are not "a truncated transcript"
        check_text(data, origin=origin, expected="a transcript (HTML, PDF, text or JSON)")
    check_size(data, origin=origin)
    if fmt in ("html", "text"):  # JSON and PDF are never filings (as `watchdesk flag` reads them)
        check_not_filing(data, origin=origin)
    try:
        transcript = _PARSERS[fmt](data, origin=origin, hints=hints)
    except RecursionError as exc:  # parsers walk iteratively; this guards a library that does not
        raise ParsingError(f"{origin}: the document is nested too deeply to read") from exc
    if origin.startswith(("http://", "https://")) and transcript.source_url is None:
        transcript = replace(transcript, source_url=origin)
    return hints_from_name(origin).fill(transcript)
