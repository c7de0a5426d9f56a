"""Refuse input that cannot be a whole call, with a message that names the file and says why."""

from __future__ import annotations

from watchdesk.sources.errors import ParsingError, TooShortError
from watchdesk.sources.sec_markers import filing_form, is_filing
from watchdesk.sources.transcripts.model import Transcript

# The shortest real earnings call runs to well over 10 KB of text; a few hundred bytes is a stub.
MIN_BYTES = 1_000
MIN_TEXT_CHARS = 1_000


def check_size(data: bytes, *, origin: str) -> None:
    """Empty or truncated input -> ParsingError before any parsing."""
    size = len(data.strip())
    if size == 0:
        raise ParsingError(f"{origin}: transcript is empty ({len(data)} bytes); nothing to parse or store")
    if size < MIN_BYTES:
        raise TooShortError(
            f"{origin}: transcript too short: {len(data)} bytes (a whole call is tens of KB); "
            f"the file looks truncated: {_tail(data)}"
        )


def check_not_filing(data: bytes, *, origin: str) -> None:
    """An SEC filing (a 10-K dropped into a calls folder) -> ParsingError: read as a call, its table of contents and
    headings became speakers and a date of its text the call's date."""
    if is_filing(data):
        form = filing_form(data)
        raise ParsingError(
            f"{origin}: an SEC filing{f' ({form})' if form else ''}, not an earnings-call transcript; a run reads "
            "filings from EDGAR, and `watchdesk flag` or `watchdesk edgar text` read this file"
        )


def check_parsed(transcript: Transcript, *, origin: str, what: str) -> Transcript:
    """A parse that found (almost) no spoken text is an error, not an empty transcript."""
    chars = sum(len(st.text) for st in transcript.statements)
    if not transcript.statements or chars < MIN_TEXT_CHARS:
        raise TooShortError(
            f"{origin}: transcript too short: {len(transcript.statements)} statements, {chars} characters of "
            f"speech found in this {what}; is it a transcript page, and is it complete?"
        )
    return transcript


def _tail(data: bytes) -> str:
    text = data.decode("utf-8", errors="replace").strip()
    return f"ends with {text[-40:]!r}"
