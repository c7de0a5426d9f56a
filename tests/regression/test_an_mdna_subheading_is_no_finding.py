"""Bug: an MD&A's subheadings were stored as findings, and `watchdesk flag` gave them as flags. NVIDIA's FY2025 10-K
sets "Demand and Supply" and "Inventories" in bold on lines of their own in Item 7; a run stored them as a
supply-chain and an inventory mention (and its FY2024 10-K's "Inventories" too), 3 of the demo's 981 findings, though
a heading states nothing. The filings agent now stores each MD&A subheading (a short line of its own set in emphasis
throughout, unpunctuated, with body text after it: sources/subheadings.py) as a span of role "heading", as it does a
risk section's group headings, and flagging leaves it out; `watchdesk flag` reads them the same way."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.regression.test_a_risk_group_heading_is_no_finding import NVDA_10K, findings_in, nvda_10k_spans
from watchdesk.graph.cli import cli
from watchdesk.sources.html_emphasis import emphasis_map
from watchdesk.sources.html_text import html_to_text
from watchdesk.sources.sections import extract_sections
from watchdesk.sources.subheadings import section_headings
from watchdesk.store.records import HEADING

NVDA_10Q = "NVDA_10-Q_Q2FY2026_filed-2025-08-27.html"
HEADINGS = ["Demand and Supply", "Inventories"]
UNDER_THEM = [  # the first sentence under each heading: still findings
    "Demand estimates for our products, applications, and services can be incorrect and create volatility in our "
    "revenue or supply levels.",
    "We charge cost of sales for inventory provisions to write-down our inventory to the lower of cost or net "
    "realizable value or for obsolete or excess inventory, and for excess product purchase commitments.",
]
MDNA = "7 Management's Discussion and Analysis of Financial Condition and Results of Operations"


def test_an_mdna_subheading_is_no_finding(edgar_fixtures: Path) -> None:
    headings_are_no_findings(
        edgar_fixtures, "7", HEADINGS, UNDER_THEM, also=["Liquidity", "Critical Accounting Estimates"]
    )


def test_watchdesk_flag_leaves_them_out_too(edgar_fixtures: Path) -> None:
    flag_leaves_them_out(edgar_fixtures, MDNA, HEADINGS, UNDER_THEM)


def headings_are_no_findings(
    edgar_fixtures: Path, item: str, headings: list[str], under_them: list[str], *, also: list[str]
) -> None:
    """NVIDIA's FY2025 10-K after a run: `headings` (and `also`) are stored as headings of `item`, `headings` are no
    findings though they are sentences of the document, the sentences `under_them` are findings."""
    record, spans = labelled = nvda_10k_spans(edgar_fixtures)
    stored = {record.text[s.start : s.end] for s in spans if s.role == HEADING and s.section == item}
    assert {*headings, *also} <= stored
    found, said = findings_in(labelled, item, ["supply_chain", "inventory"])
    assert not set(headings) & set(found)
    assert set(under_them) <= set(found)  # the sentences under them are still read
    assert set(headings) <= said


def flag_leaves_them_out(edgar_fixtures: Path, section: str, headings: list[str], under_them: list[str]) -> None:
    """`watchdesk flag` on NVIDIA's FY2025 10-K gives none of `headings` in `section`, and the sentences under them."""
    result = CliRunner().invoke(cli, ["flag", str(edgar_fixtures / "filings" / NVDA_10K)], env={"WATCHDESK_MODEL": ""})
    assert result.exit_code == 0, result.output
    flags = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    in_section = {f["sentence"] for f in flags if f["section"] == section}
    assert not set(headings) & in_section
    assert set(under_them) <= in_section


def test_a_line_over_a_table_is_a_subheading_too(edgar_fixtures: Path) -> None:
    """A bold line over a table ("Revenue by Reportable Segments", "($ in millions)") names what the table holds, as a
    heading over body text names what the text says: both are subheadings (a line over a table was none before
    test_a_heading_over_a_table_or_in_business_is_no_finding.py). Headings in a row over body text ("Overview", then
    "Our Company and Our Businesses") are all headings."""
    html = (edgar_fixtures / "filings" / NVDA_10Q).read_bytes()
    text = html_to_text(html)
    mdna = next(s for s in extract_sections(text, form="10-Q") if s.item == "I-2")
    found = section_headings(mdna, emphasis_map(html))
    lines = [text[a:b] for a, b in found]
    assert lines[:3] == ["Forward-Looking Statements", "Overview", "Our Company and Our Businesses"]
    assert {"Revenue by Reportable Segments", "($ in millions)", "(In millions)", "Six Months Ended"} <= set(lines)
    assert "Concentration of Revenue" in lines and len(lines) == 32
