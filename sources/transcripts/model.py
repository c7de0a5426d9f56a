"""The one normalised transcript: who spoke, in which part of the call, and what they said."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Section = Literal["prepared", "qa"]
Kind = Literal["operator", "management", "analyst", "other"]


class Statement(BaseModel):
    """One speaker turn; speaker and role are None where the source does not say."""

    model_config = ConfigDict(frozen=True)

    speaker: str | None = None
    role: str | None = None
    affiliation: str | None = None
    section: Section = "prepared"
    kind: Kind = "other"
    text: str


class Transcript(BaseModel):
    """An earnings call: metadata plus statements in spoken order."""

    model_config = ConfigDict(frozen=True)

    company: str | None = None
    ticker: str | None = None
    fiscal_period: str | None = Field(default=None, description='fiscal "YYYY-Qn", as the company counts it')
    call_date: date | None = None
    source_url: str | None = None
    provider: str | None = None
    statements: list[Statement] = Field(default_factory=list)

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


class Hints(BaseModel):
    """Metadata a caller already knows (watchlist, file name, event calendar); wins over the document."""

    model_config = ConfigDict(frozen=True)

    company: str | None = None
    ticker: str | None = None
    fiscal_period: str | None = None
    call_date: date | None = None
    source_url: str | None = None
    provider: str | None = None

    def override(self, transcript: Transcript) -> Transcript:
        """`transcript` with every field this hint sets replaced."""
        return transcript.model_copy(update=self.model_dump(exclude_none=True))

    def fill(self, transcript: Transcript) -> Transcript:
        """`transcript` with only its missing fields taken from this hint."""
        have = transcript.model_dump(include=set(Hints.model_fields))
        update = {k: v for k, v in self.model_dump(exclude_none=True).items() if have.get(k) is None}
        return transcript.model_copy(update=update)
