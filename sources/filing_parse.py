"""One filing read for comparison: clean text, sections, and risk factors (with emphasis from its HTML)."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from watchdesk.sources.errors import ConfigError
from watchdesk.sources.html_emphasis import emphasis_map, read_html
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
        text = read_html(body).text if is_html else _plain(body)  # the risk factors' emphasis from the same parse
    kind = form or detect_form(text)
    base = _BASE.match((kind or "").upper())
    if base is None:
        raise ConfigError(f"comparisons are for 10-K, 10-Q and 20-F filings, not {kind}" if kind else
                          "comparisons are for 10-K, 10-Q and 20-F filings; this file names no form (no SGML "
                          "header or cover page): give a filing's .htm or full-submission .txt")
    sections = tuple(extract_sections(text, form=base.group(1)))
    found = risk_section(sections)
    emphasis = emphasis_map(body) if is_html and found is not None else None
    risk = parse_risk_factors(found, emphasis=emphasis) if found is not None else None
    return ParsedFiling(form=base.group(1), text=text, sections=sections, risk=risk)


def _plain(body: bytes) -> str:
    raw = body.decode("utf-8", errors="replace")
    return "\n".join(line for line in (" ".join(part.split()) for part in raw.splitlines()) if line)


@dataclass(frozen=True, slots=True)
class FilingIdentity:
    """Whose filing and for which period, as the filing itself says (None where it does not)."""

    cik: int | None = None
    name: str | None = None
    period: date | None = None


_DEI = re.compile(rb'name="dei:(EntityCentralIndexKey|EntityRegistrantName|DocumentPeriodEndDate)"[^>]*>', re.I)
_TAG = re.compile(r"<[^>]*>")
_LONG_DATE = re.compile(r"([A-Z][a-z]+)\s+(\d{1,2}),\s*(\d{4})")


def filing_identity(primary: bytes, header: Mapping[str, object] | None = None) -> FilingIdentity:
    """The registrant's CIK and name and the period's end, from the SGML header of a full submission or the
    inline-XBRL cover tags (dei:) of a primary document; old filings with neither give an empty identity."""
    header = header or {}
    found: dict[str, str] = {}
    for m in _DEI.finditer(primary, 0, 400_000):
        key = m.group(1).decode().lower()
        if key in found:  # the cover page's tag comes first
            continue
        after = primary[m.end() : m.end() + 600].decode("utf-8", errors="replace")
        if key != "documentperiodenddate":  # the date holds a nested tag (the fiscal year's end): read past it
            after = after.split("</ix:", 1)[0]
        found[key] = " ".join(html.unescape(_TAG.sub("", after)).split())
    cik_text = _text(header.get("CENTRAL INDEX KEY")) or found.get("entitycentralindexkey", "")
    name = _text(header.get("COMPANY CONFORMED NAME")) or found.get("entityregistrantname") or None
    period = _header_date(_text(header.get("CONFORMED PERIOD OF REPORT"))) or _long_date(
        found.get("documentperiodenddate", ""))
    return FilingIdentity(cik=int(cik_text) if cik_text.strip().isdigit() else None, name=name, period=period)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _header_date(value: str) -> date | None:
    try:
        return datetime.strptime(value.strip(), "%Y%m%d").date() if value.strip() else None
    except ValueError:
        return None


def _long_date(text: str) -> date | None:
    m = _LONG_DATE.match(text.strip())
    if m is None:
        return None
    try:
        return datetime.strptime(" ".join(m.groups()), "%B %d %Y").date()
    except ValueError:
        return None
