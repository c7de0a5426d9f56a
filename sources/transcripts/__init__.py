"""Earnings-call transcripts: one model, parsers for HTML, PDF, text and JSON (pure functions on bytes)."""

from typing import Any

from watchdesk.sources.transcripts.detect import FORMATS, Format, parse_transcript, sniff
from watchdesk.sources.transcripts.jsonfmt import parse_json
from watchdesk.sources.transcripts.meta import hints_from_name
from watchdesk.sources.transcripts.model import Hints, Statement, Transcript
from watchdesk.sources.transcripts.pdf import parse_pdf
from watchdesk.sources.transcripts.text import parse_text

__all__ = [
    "FORMATS", "Format", "Hints", "Statement", "Transcript", "hints_from_name", "parse_html", "parse_json",
    "parse_pdf", "parse_text", "parse_transcript", "sniff",
]


def __getattr__(name: str) -> Any:
    # parse_html imports BeautifulSoup, slow to load: only when asked for (detect.py does the same)
    if name == "parse_html":
        from watchdesk.sources.transcripts.html import parse_html

        return parse_html
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
