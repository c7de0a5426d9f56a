"""Bytes a user or a server hands over as a document: UTF-16/32 recoded, binary garbage refused.

Transcript and filing parsers read text; random bytes, an image or an archive named `.txt` would
otherwise come out as one mojibake "statement" and be stored as an earnings call.
"""

from __future__ import annotations

import codecs
import re

from watchdesk.sources.errors import ParsingError

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)  # fmt: skip
_SAMPLE = 65_536
# Control bytes no text file holds (tab, line feed, form feed and carriage return are text).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_MAX_CONTROL_SHARE = 0.01


def to_utf8(data: bytes, *, origin: str) -> bytes:
    """`data` as UTF-8: text with a UTF-16 or UTF-32 byte-order mark is decoded and re-encoded."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).encode("utf-8")
            except UnicodeDecodeError as exc:
                name = codec.upper()
                raise ParsingError(
                    f"{origin}: starts with a {name} byte-order mark but is not {name} text "
                    f"({exc.reason} at byte {exc.start})"
                ) from exc
    return data


def check_text(data: bytes, *, origin: str, expected: str) -> None:
    """ParsingError when `data` is binary: NUL bytes or more than 1% control bytes in its first 64 KB."""
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if b"\0" in sample or controls > _MAX_CONTROL_SHARE * len(sample):
        share = controls / max(1, len(sample))
        raise ParsingError(
            f"{origin}: binary data, not text ({share:.0%} control bytes in the first {len(sample):,}); "
            f"expected {expected}"
        )


_HTML_OPEN = re.compile(rb"<html\b", re.IGNORECASE)
_SUBMISSION = re.compile(rb"\s*<(?:SEC-DOCUMENT|SEC-HEADER|IMS-DOCUMENT|DOCUMENT)>", re.IGNORECASE)
_HTML_CLOSE = re.compile(rb"</html\s*>", re.IGNORECASE)


def check_complete_html(data: bytes, *, origin: str) -> None:
    """ParsingError when an HTML page opens <html> but never closes it: a download cut short, whose last items
    would otherwise be missing without a word (a full submission's unclosed <DOCUMENT> is caught elsewhere)."""
    if _SUBMISSION.match(data):
        return
    opened = _HTML_OPEN.search(data, 0, 65_536)
    if opened and not _HTML_CLOSE.search(data, max(opened.end(), len(data) - 65_536)):
        tail = " ".join(data[-40:].decode("utf-8", errors="replace").split())
        raise ParsingError(f"{origin}: the page opens <html> but never closes it; the file looks truncated "
                           f"(it ends with {tail!r})")
