"""Whether bytes are an SEC filing, and which form it says it is: read from its first bytes, no parse."""

from __future__ import annotations

import re

# An SEC document says so early: the SGML wrapper of a full submission (or of one document cut out
# of it), inline-XBRL markup, or cover-page boilerplate no call transcript carries ("Commission File
# Number", "Exact name of registrant"). A call's safe-harbour line names "Form 10-K" and the
# "Securities and Exchange Commission", so those do not count.
_SGML = re.compile(rb"^\s*<(?:SEC-DOCUMENT|SEC-HEADER|IMS-DOCUMENT|IMS-HEADER|DOCUMENT)>", re.IGNORECASE)
# searched in the lower-cased head: five times faster than IGNORECASE on a call, where nothing matches
_MARKERS = re.compile(
    rb"<ix:(?:header|nonnumeric|nonfraction)\b|xmlns:ix=|commission\s+file\s+number|exact\s+name\s+of\s+registrant|"
    rb"i\.?r\.?s\.?\s+employer\s+identification|conformed\s+submission\s+type"
)
# the form as the SGML header or the inline-XBRL cover tag gives it
_FORM = re.compile(
    rb"CONFORMED SUBMISSION TYPE:\s*([\w/-]+)|name=\"dei:DocumentType\"[^>]*>(?:\s*<[^>]*>)*\s*([\w/-]+)"
)
SNIFF_BYTES = 200_000


def is_filing(data: bytes) -> bool:
    """True for an SEC document: SGML submission, inline XBRL, or a filing's cover page."""
    head = data[:SNIFF_BYTES]
    return bool(_SGML.match(head) or _MARKERS.search(head.lower()))


def filing_form(data: bytes) -> str | None:
    """The form a filing's SGML header or inline-XBRL cover names ("10-K", "8-K"), or None."""
    found = _FORM.search(data[:SNIFF_BYTES])
    return None if found is None else (found.group(1) or found.group(2)).decode("ascii")
