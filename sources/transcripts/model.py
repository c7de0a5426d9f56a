"""The one normalised transcript: who spoke, in which part of the call, and what they said.

Plain frozen dataclasses: the parsers build them from values they have typed themselves, and importing
pydantic cost `watchdesk flag` a quarter of its start-up. Data from outside (a JSON transcript) goes through
`validate_transcript`, which checks it as the pydantic models did (pydantic is imported there, and only there).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import cache
from typing import Any, Literal

from watchdesk.sources.redact import inert_json_text

Section = Literal["prepared", "qa"]
Kind = Literal["operator", "management", "analyst", "other"]


@dataclass(frozen=True, kw_only=True)
class Statement:
    """One speaker turn; speaker and role are None where the source does not say."""

    speaker: str | None = None
    role: str | None = None
    affiliation: str | None = None
    section: Section = "prepared"
    kind: Kind = "other"
    text: str


@dataclass(frozen=True, kw_only=True)
class Transcript:
    """An earnings call: metadata plus statements in spoken order."""

    company: str | None = None
    ticker: str | None = None
    fiscal_period: str | None = None  # fiscal "YYYY-Qn", as the company counts it
    call_date: date | None = None
    source_url: str | None = None
    provider: str | None = None
    statements: list[Statement] = field(default_factory=list)

    def key(self) -> str:
        """Deterministic storage key `TICKER:YYYY-Qn:YYYY-MM-DD` ("-" for an unknown part).

        A ticker and at least one of fiscal period and call date are required: without them two
        different calls could share a key.
        """
        if not self.ticker or not (self.fiscal_period or self.call_date):
            raise ValueError(
                f"cannot key transcript (ticker={self.ticker!r}, fiscal_period={self.fiscal_period!r}, "
                f"call_date={self.call_date!r}): pass ticker and fiscal period or call date as hints"
            )
        day = self.call_date.isoformat() if self.call_date else "-"
        return f"{self.ticker.upper()}:{self.fiscal_period or '-'}:{day}"

    def joined(self, *, sep: str = "\n\n") -> tuple[str, list[tuple[int, int]]]:
        """All statement texts joined by `sep`, and each statement's (start, end) in that text."""
        spans: list[tuple[int, int]] = []
        parts: list[str] = []
        pos = 0
        for i, st in enumerate(self.statements):
            if i:
                parts.append(sep)
                pos += len(sep)
            spans.append((pos, pos + len(st.text)))
            parts.append(st.text)
            pos += len(st.text)
        return "".join(parts), spans

    def text(self) -> str:
        """The text to store: statements joined by blank lines (offsets from `joined`)."""
        return self.joined()[0]

    def sections(self) -> list[Section]:
        """Section of each statement, in order (handy for checks and tests)."""
        return [st.section for st in self.statements]

    def to_json(self, *, indent: int | None = None) -> str:
        """The transcript as JSON (`watchdesk transcript parse` prints it; parse_json reads it back), bidi and C1
        controls as JSON escapes: printed, a line reads as written."""
        return inert_json_text(_adapter().dump_json(self, indent=indent).decode())


@dataclass(frozen=True, kw_only=True)
class Hints:
    """Metadata a caller already knows (watchlist, file name, event calendar); wins over the document."""

    company: str | None = None
    ticker: str | None = None
    fiscal_period: str | None = None
    call_date: date | None = None
    source_url: str | None = None
    provider: str | None = None

    def override(self, transcript: Transcript) -> Transcript:
        """`transcript` with every field this hint sets replaced."""
        return replace(transcript, **self._set())

    def fill(self, transcript: Transcript) -> Transcript:
        """`transcript` with only its missing fields taken from this hint."""
        return replace(transcript, **{k: v for k, v in self._set().items() if getattr(transcript, k) is None})

    def _set(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


def validate_transcript(data: Any) -> Transcript:
    """A Transcript from untrusted data (a dict from JSON), type-checked (pydantic.ValidationError otherwise)."""
    return _adapter().validate_python(data)


@cache
def _adapter() -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(Transcript)
