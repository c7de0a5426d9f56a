"""Bug: the subheadings of a filing's financial statement notes were stored as findings, and `watchdesk flag` gave
them as flags. NVIDIA's 10-Ks set "Inventories" (Note 1's accounting policies) and "Purchase Obligations" (the
commitments note) in bold on lines of their own in Item 15: a run stored each as an inventory or a supply-chain
mention, 4 of the demo's 978 findings, though a heading states nothing. The subheadings of the items that hold the
financial statements (10-K Items 8 and 15, 10-Q Part I Item 1, 20-F Items 17 and 18) are now read as the MD&A's are
(sources/subheadings.py) and stored as spans of role "heading"; flagging leaves them out."""

from __future__ import annotations

from pathlib import Path

from tests.regression.test_an_mdna_subheading_is_no_finding import flag_leaves_them_out, headings_are_no_findings

HEADINGS = ["Inventories", "Purchase Obligations"]
UNDER_THEM = [  # the first sentence under each: still findings
    "Inventory cost is computed on an adjusted standard basis, which approximates actual cost on an average or "
    "first-in, first-out basis.",
    "Our purchase obligations reflect our commitment to purchase components used to manufacture our products, "
    "including long-term supply and capacity agreements, certain software and technology licenses, other goods and "
    "services and long-lived assets.",
]
NOTES = "15 Exhibits and Financial Statement Schedules"


def test_a_note_subheading_is_no_finding(edgar_fixtures: Path) -> None:
    headings_are_no_findings(
        edgar_fixtures, "15", HEADINGS, UNDER_THEM, also=["Note 12 - Commitments and Contingencies"]
    )


def test_watchdesk_flag_leaves_them_out_too(edgar_fixtures: Path) -> None:
    flag_leaves_them_out(edgar_fixtures, NOTES, HEADINGS, UNDER_THEM)
