"""Where a sentence stands in a filing: the heading it sits under, so a change says where it is.

In the risk factors that is the factor's heading (its bold lead); in the MD&A the last heading line above the
sentence ("Demand and Supply", "Monetization Metrics"), read as the comparison reads headings (sentence_diff.is_heading:
a line of its own in title case, short, unpunctuated), a table's period caption ("Year Ended", "Three Months Ended",
"September 30,") aside: it names no place. Pure and deterministic.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from watchdesk.sources.filing_parse import ParsedFiling
from watchdesk.sources.sentence_diff import is_heading

_CAPTION = re.compile(
    r"(?:\s|,|\d|\b(?:year|years|ended|ending|three|six|nine|twelve|months?|quarters?|fiscal|as|of|jan|feb|mar|apr"
    r"|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october"
    r"|november|december)\b)*",
    re.I,
)


def _caption(line: str) -> bool:
    """A table's period caption: period words, dates and figures only."""
    return _CAPTION.fullmatch(line) is not None


@dataclass(slots=True)
class Places:
    """The headings of one filing's risk factors and MD&A, read once, by where they start."""

    filing: ParsedFiling
    _read: dict[str, tuple[list[int], list[str | None]]] = field(default_factory=dict)

    def heading_at(self, item: str, at: int) -> str | None:
        """The heading the text at `at` (an offset into the filing) sits under in the section `item` ("1A", "7")."""
        if item not in self._read:
            self._read[item] = self._headings(item)
        starts, headings = self._read[item]
        k = bisect_right(starts, at) - 1
        return headings[k] if k >= 0 else None

    def _headings(self, item: str) -> tuple[list[int], list[str | None]]:
        found: list[tuple[int, str | None]] = []
        if item == "1A":
            for f in self.filing.risk.factors if self.filing.risk else ():
                found += [(f.start, f.heading), (f.end, None)]  # past a factor's end, no factor's heading
        elif (section := self.filing.section(item)) is not None:
            pos = section.start
            for n, line in enumerate(section.text.split("\n")):
                text = line.strip()
                if n and text and " | " not in text and is_heading(text) and not _caption(text):
                    found.append((pos + len(line) - len(line.lstrip()), text))
                pos += len(line) + 1
        found.sort(key=lambda h: h[0])
        return [s for s, _ in found], [h for _, h in found]
