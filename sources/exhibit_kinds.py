"""What an exhibit is, in words, from the number SEC's exhibit table gives it: "EX-10.1" is a material contract.

The numbers are Regulation S-K Item 601(b)'s (the table 8-K, 10-K and 10-Q exhibits are numbered by; 6-Ks number
theirs EX-99 by custom). watchdesk stores an 8-K's or 6-K's EX-99 and EX-10 exhibits (agents/filings._EXHIBITS); the
whole table is here, so an exhibit stored later is said too.
"""

from __future__ import annotations

import re

# Item 601(b)'s exhibit numbers, each as a reader would say it (short: it stands beside the number in a briefing)
ITEM_601: dict[int, str] = {
    1: "underwriting agreement", 2: "acquisition or reorganization plan", 3: "charter or bylaws",
    4: "terms of securities", 5: "legal opinion", 7: "auditor's non-reliance letter", 8: "tax opinion",
    9: "voting trust agreement", 10: "material contract", 13: "report to security holders", 14: "code of ethics",
    15: "auditor's letter on interim financials", 16: "letter on change of auditor",
    17: "director's departure letter", 18: "letter on change in accounting principle", 19: "insider trading policy",
    20: "other document to security holders", 21: "subsidiaries", 22: "subsidiary guarantors",
    23: "consent of experts", 24: "power of attorney", 25: "trustee's eligibility statement",
    26: "invitation for competitive bids", 31: "officers' certification (SOX 302)",
    32: "officers' certification (SOX 906)", 95: "mine safety disclosure", 96: "technical report summary",
    97: "clawback policy", 99: "press release or other", 101: "XBRL data", 104: "cover page XBRL",
    107: "filing fee table",
}  # fmt: skip

# "EX-10.1", "EX-99", "ex-99.2", "EX-101.INS", "EX-3.1(i)": the number SEC's table gives it, then its own numbering
_EXHIBIT = re.compile(r"^EX-(?P<number>\d{1,3})(?![\d])", re.IGNORECASE)


def exhibit_kind(doc_type: str | None) -> str | None:
    """What the exhibit `doc_type` is ("material contract" of "EX-10.1"), or None for no exhibit or a number the
    table does not give."""
    found = _EXHIBIT.match((doc_type or "").strip())
    return ITEM_601.get(int(found["number"])) if found else None


def exhibit_said(doc_type: str) -> str:
    """An exhibit's type with its kind beside it ("EX-99.1 (press release or other)"); any other type as it is."""
    kind = exhibit_kind(doc_type)
    return f"{doc_type} ({kind})" if kind else doc_type
