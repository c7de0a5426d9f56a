"""Bug: a subheading of more than ten words was stored as a finding: the auditor's critical audit matter in NVIDIA's
FY2025 10-K (Item 15), "Valuation of Inventories - Provisions for Excess or Obsolete Inventories and Excess Product
Purchase Commitments" (15 words), as an inventory mention, and its FY2024 10-K's MD&A subheading "Demand and Supply,
Product Transitions, and New Products and Business Models" (11 words) as a supply-chain one: 3 of the demo's 974
findings. A subheading may now have up to twenty words (sources/subheadings.py); the longest in the fixture filings has
15, and no line of 16 to 20 words is one of them."""

from __future__ import annotations

from pathlib import Path

from tests.regression.test_an_mdna_subheading_is_no_finding import headings_are_no_findings
from watchdesk.sources.html_emphasis import emphasis_map
from watchdesk.sources.html_text import html_to_text
from watchdesk.sources.sections import extract_sections
from watchdesk.sources.subheadings import section_headings

CRITICAL_AUDIT_MATTER = (
    "Valuation of Inventories - Provisions for Excess or Obsolete Inventories and Excess Product Purchase Commitments"
)
UNDER_IT = (
    "As described in Notes 1, 9 and 12 to the consolidated financial statements, the Company charges cost of sales for "
    "inventory provisions to write-down inventory for excess or obsolete inventory and for excess product purchase "
    "commitments."
)
NVDA_FY2024 = "NVDA_10-K_FY2024_filed-2024-02-21.html"


def test_a_long_note_subheading_is_no_finding(edgar_fixtures: Path) -> None:
    headings_are_no_findings(edgar_fixtures, "15", [CRITICAL_AUDIT_MATTER], [UNDER_IT], also=[])


def test_a_long_mdna_subheading_is_one(edgar_fixtures: Path) -> None:
    html = (edgar_fixtures / "filings" / NVDA_FY2024).read_bytes()
    text = html_to_text(html)
    mdna = next(s for s in extract_sections(text, form="10-K") if s.item == "7")
    lines = [text[a:b] for a, b in section_headings(mdna, emphasis_map(html))]
    assert "Demand and Supply, Product Transitions, and New Products and Business Models" in lines
