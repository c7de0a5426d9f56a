"""What a foreign issuer's 6-K carries, from what EDGAR says about it (pure functions).

A 6-K has no item numbers; the listing's `primaryDocDescription` is often just "6-K". What it carries is
read, in order, from the exhibit descriptions (filing index or full submission), the listing's
description, the primary document's file name, and last from the shape of the listing row: a large
6-K filed within six weeks of a quarter end that it reports on is the quarter's results package, one filed later but
within nine weeks the quarter's financial statements (TSMC files its reviewed statements 45 days after the quarter).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

SixKKind = Literal["earnings_release", "monthly_revenue", "management_report", "financial_statements", "other"]
SIX_K_KINDS: tuple[SixKKind, ...] = (
    "earnings_release", "monthly_revenue", "management_report", "financial_statements", "other"
)
LABELS: dict[SixKKind, str] = {
    "earnings_release": "quarterly earnings release",
    "monthly_revenue": "monthly revenue report",
    "management_report": "management report",
    "financial_statements": "quarterly financial statements",
    "other": "other report",
}
_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# Words in a description; checked in this order (a monthly revenue report also says "revenue").
_WORDS: tuple[tuple[SixKKind, re.Pattern[str]], ...] = (
    ("monthly_revenue", re.compile(
        rf"\bmonthly\s+(?:net\s+)?(?:revenue|sales)|\b(?:revenue|sales)\s+(?:report\s+)?for\s+{_MONTHS}|"
        rf"\b{_MONTHS}\s+(?:20\d\d\s+)?(?:net\s+)?(?:revenue|sales)\b", re.IGNORECASE)),
    ("earnings_release", re.compile(
        r"\bearnings\b|\b(?:quarterly|interim|annual|(?:first|second|third|fourth)[- ]quarter|q[1-4])\s+"
        r"(?:\w+\s+)?results\b|\bfinancial results\b|\bresults (?:of operations )?for the (?:first|second|third|"
        r"fourth) quarter\b", re.IGNORECASE)),
    ("management_report", re.compile(
        r"\bmanagement(?:'s|’s)? (?:report|discussion)|\binterim report\b|\bhalf[- ]year(?:ly)? report\b|"
        r"\bquarterly report\b", re.IGNORECASE)),
    ("financial_statements", re.compile(r"\bfinancial statements\b", re.IGNORECASE)),
)
# File-name words ("tsm-revenue20260810.htm", "q2-2026-earnings.htm"), split at any non-letter.
_NAME_WORDS: dict[str, SixKKind] = {
    "revenue": "monthly_revenue", "sales": "monthly_revenue", "earnings": "earnings_release",
    "results": "earnings_release", "pr": "earnings_release", "managementreport": "management_report",
}
_RESULTS_PACKAGE_BYTES = 500_000  # release, management report and slides together; notices are ~20-100 KB
_RESULTS_DAYS = 42  # a results package comes within six weeks of the quarter end
_STATEMENTS_DAYS = 63  # reviewed quarterly statements by nine weeks (TSMC's: 45 days, as Taiwan's rules ask)


@dataclass(frozen=True, slots=True)
class SixKClass:
    """A 6-K's kind and what it was read from, for the run's log and the stored document's title."""

    kind: SixKKind
    reason: str

    @property
    def label(self) -> str:
        return LABELS[self.kind]


def classify_6k(
    *,
    description: str = "",
    filename: str = "",
    exhibits: Iterable[str] = (),
    report_date: date | None = None,
    filing_date: date | None = None,
    size: int = 0,
) -> SixKClass:
    """The kind of a 6-K from its exhibit descriptions, its description, its file name, its listing row."""
    for text in (*exhibits, description):
        kind = _by_words(text)
        if kind:
            return SixKClass(kind, f"described as {text.strip()!r}")
    words = re.split(r"[^a-z]+", filename.lower())
    for word in words:
        if word in _NAME_WORDS:
            return SixKClass(_NAME_WORDS[word], f"file name {filename!r}")
    after = _days_after_quarter(report_date=report_date, filing_date=filing_date, size=size)
    if after is not None and after <= _RESULTS_DAYS:
        return SixKClass("earnings_release", f"{size // 1000} KB filed {filing_date} on the quarter to {report_date}")
    if after is not None and after <= _STATEMENTS_DAYS:
        return SixKClass("financial_statements", f"{size // 1000} KB filed {filing_date}, {after} days after the "
                         f"quarter to {report_date}")
    return SixKClass("other", "nothing in its description or file name says what it carries")


def _by_words(text: str) -> SixKKind | None:
    return next((kind for kind, pattern in _WORDS if pattern.search(text)), None)


def _days_after_quarter(*, report_date: date | None, filing_date: date | None, size: int) -> int | None:
    """Days from the quarter end a large 6-K reports on to its filing; None for a small one or another date."""
    if not report_date or not filing_date or size < _RESULTS_PACKAGE_BYTES:
        return None
    quarter_end = (report_date.month, report_date.day) in {(3, 31), (6, 30), (9, 30), (12, 31)}
    days = (filing_date - report_date).days
    return days if quarter_end and days >= 0 else None
