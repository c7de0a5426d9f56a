"""Bug: `watchdesk flag` (and a run) still gave two kinds of filing headings as neutral flags, though a heading
states nothing: a subheading over a table (Apple's 10-Q notes set "Inventories" in bold over the inventory table,
Part I Item 1) and a Business item's headings (Tesla's 10-K "Supply Chain", Apple's 10-K "Supply of Components",
Item 1; Plymouth Rock's 20-F "Sources and Availability of Raw Materials", Item 4). Subheadings were read only in the
MD&A and the financial statements, and only over body text. They are now read in the Business item too (10-K Item 1,
20-F Item 4), and over a table as over body text; the sentences under them are still read."""

from __future__ import annotations

from pathlib import Path

from watchdesk.agents.flagging.document import load_document
from watchdesk.sources.html_emphasis import read_html
from watchdesk.sources.sections import extract_sections
from watchdesk.sources.subheadings import subheadings


def test_a_heading_over_a_table_is_no_flag(edgar_fixtures: Path) -> None:
    """Apple's 10-Q notes: "Inventories" over the inventory table is where flagging leaves flags out
    (document.relabelled, as for every heading); the note's lead sentence above it is not."""
    name = "AAPL_10-Q_Q3FY2025_filed-2025-08-01.html"
    document = load_document((edgar_fixtures / "filings" / name).read_bytes(), origin=name)
    heading = document.text.index("\nInventories\nJune 28, 2025 | September 28, 2024\n") + 1
    assert document.in_heading(heading) and document.labels([heading])[0][0] == "I-1 Financial Statements"
    assert not document.in_heading(document.text.rindex("The following tables show", 0, heading))


def test_a_business_heading_is_no_flag(edgar_fixtures: Path) -> None:
    """Apple's 10-K Item 1: the heading is where flagging leaves flags out (document.relabelled), the sentences under
    it are not (flagging the whole 10-K again would cost a second)."""
    name = "AAPL_10-K_FY2024_filed-2024-11-01.html"
    document = load_document((edgar_fixtures / "filings" / name).read_bytes(), origin=name)
    heading = document.text.index("\nSupply of Components\n") + 1
    assert document.in_heading(heading) and document.labels([heading])[0][0] == "1 Business"
    assert not document.in_heading(document.text.index("When a component or product uses new technologies"))


def test_teslas_supply_chain_heading_is_one(edgar_fixtures: Path) -> None:
    html = (edgar_fixtures / "filings" / "TSLA_10-K_FY2024_filed-2025-01-30.html").read_bytes()
    read = read_html(html)
    lines = {read.text[a:b] for a, b in subheadings(extract_sections(read.text, form="10-K"), read.emphasis,
                                                     form="10-K")}  # fmt: skip
    assert {"Supply Chain", "Inventory Valuation"} <= lines
