"""One filing read for comparison: clean text, sections, and risk factors (with emphasis from its HTML)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from watchdesk.sources.errors import ConfigError
from watchdesk.sources.html_emphasis import emphasis_map
from watchdesk.sources.html_text import html_to_text
from watchdesk.sources.risk_factors import RiskFactors, parse_risk_factors, risk_section
from watchdesk.sources.sections import Section, detect_form, extract_sections

_HTML = re.compile(rb"<(?:html|body|div|p|table)\b", re.I)
_BASE = re.compile(r"(10-K|10-Q|20-F)")
MDNA_ITEMS = {"10-K": "7", "10-Q": "I-2", "20-F": "5"}
RISK_ITEM = {"10-K": "1A", "10-Q": "II-1A", "20-F": "3.D"}


@dataclass(frozen=True, slots=True)
class ParsedFiling:
    """What a comparison needs from one 10-K, 10-Q or 20-F."""

    form: str
    text: str
    sections: tuple[Section, ...]
    risk: RiskFactors | None

    def section(self, kind: str) -> Section | None:
        """The risk factors ("1A") or the MD&A ("7") under this form's own item id."""
        wanted = (RISK_ITEM if kind == "1A" else MDNA_ITEMS)[self.form]
        return next((s for s in self.sections if s.item == wanted), None)


def parse_filing(body: bytes, *, form: str | None = None, text: str | None = None) -> ParsedFiling:
    """Parse a primary document; `text` (its stored clean text) keeps offsets equal to the stored ones."""
    is_html = bool(_HTML.search(body, 0, 5000))
    if text is None:
        text = html_to_text(body) if is_html else _plain(body)
    kind = form or detect_form(text)
    base = _BASE.match((kind or "").upper())
    if base is None:
        raise ConfigError(f"comparisons are for 10-K, 10-Q and 20-F filings, not {kind or 'an unknown form'}")
    sections = tuple(extract_sections(text, form=base.group(1)))
    found = risk_section(sections)
    emphasis = emphasis_map(body) if is_html and found is not None else None
    risk = parse_risk_factors(found, emphasis=emphasis) if found is not None else None
    return ParsedFiling(form=base.group(1), text=text, sections=sections, risk=risk)


def _plain(body: bytes) -> str:
    raw = body.decode("utf-8", errors="replace")
    return "\n".join(line for line in (" ".join(part.split()) for part in raw.splitlines()) if line)
