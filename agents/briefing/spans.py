"""Spans of days (first and last day, both included): what a source was read for, what a gap left unread. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

Span = tuple[date, date]


def _after(day: date) -> date:
    return day if day == date.max else day + timedelta(days=1)


def _before(day: date) -> date:
    return day if day == date.min else day - timedelta(days=1)


def merged(spans: Iterable[Span]) -> list[Span]:
    """The same days as sorted spans that neither overlap nor touch."""
    out: list[Span] = []
    for first, last in sorted(s for s in spans if s[0] <= s[1]):
        if out and first <= _after(out[-1][1]):
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def minus(spans: Iterable[Span], cut: Iterable[Span]) -> list[Span]:
    """The days of `spans` that are not in `cut`."""
    out = merged(spans)
    for lo, hi in merged(cut):
        out = [piece for first, last in out
               for piece in ((first, min(last, _before(lo))), (max(first, _after(hi)), last))
               if piece[0] <= piece[1] and (piece[1] < lo or piece[0] > hi)]  # fmt: skip
    return out


def overlaps(span: Span, spans: Iterable[Span]) -> bool:
    return any(first <= span[1] and span[0] <= last for first, last in spans)


def said(spans: Iterable[Span]) -> str:
    """ "for 2026-01-01 to 2026-09-01", "up to 2026-09-01", "from 2026-01-01 on", joined with "and"."""
    parts = []
    for first, last in merged(spans):
        if first == date.min:
            parts.append(f"up to {last}" if last != date.max else "every day")
        else:
            parts.append(f"from {first} on" if last == date.max else f"for {first} to {last}")
    return " and ".join(parts)
