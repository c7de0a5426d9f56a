"""Bug: `edgar diff`, `watchdesk changes` and the briefing listed MD&A subheadings as sentences added or removed:
NVIDIA's FY2025 10-K "added" "Israel and Regional Conflicts" and "Product Transitions and New Product Introductions"
and "removed" FY2024's "Israel and Hamas Conflict", "Market Platform Highlights" and three more, though a heading
states nothing (the sentences under it are compared). A line of its own in title case, of twelve words at most, with
no stop at its end is a heading now, never a sentence added or removed; sentence-case lines ("Google advertising
revenues") are still compared, as before."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_risk_factors import parsed
from watchdesk.sources.filing_diff import compare
from watchdesk.sources.sentence_diff import added_sentences, is_heading

ADDED = ["Israel and Regional Conflicts", "Product Transitions and New Product Introductions"]
REMOVED = ["Israel and Hamas Conflict", "Market Platform Highlights", "Change in Accounting Estimate",
           "Acquisition Termination Cost",
           "Demand and Supply, Product Transitions, and New Products and Business Models"]  # fmt: skip


def test_nvidias_mdna_headings_are_neither_added_nor_removed(edgar_fixtures: Path) -> None:
    old, new = parsed(edgar_fixtures, "NVDA FY2024"), parsed(edgar_fixtures, "NVDA FY2025")
    (mdna,) = compare(old, new, items=("7",)).sections
    # added and removed, with the two sides of a sentence rewritten and a sentence moved to the risk factors
    added = [s.text for s in mdna.added_sentences] + [n.text for _, n in mdna.rewritten]
    gone = (*mdna.removed_sentences, *(o for o, _ in mdna.rewritten), *(m.sentence for m in mdna.moved))
    removed = [s.text for s in gone]
    assert not set(ADDED) & set(added) and not set(REMOVED) & set(removed)
    assert (len(added), len(removed)) == (86, 111)  # 88 and 116 with the headings
    # the sentences under a heading are still compared: those FY2025 no longer says under "Israel and Hamas Conflict"
    assert "Further, in connection with the conflict, a substantial number of our employees in the region have been " \
        "called-up for active military duty in Israel." in removed


def test_a_heading_is_title_case_short_and_unpunctuated() -> None:
    assert all(is_heading(h) for h in [*ADDED, *REMOVED, "Other Income (Expense), Net", "Automotive—Production"])
    for line in ["Google advertising revenues", "Supply of Hopper architecture products is improving.",
                 "• the demand for our products; or", "Results of Operations:",
                 "One Indirect Customer Which Primarily Purchases Our Products Through System Integrators And More"]:
        assert not is_heading(line), line
    # a title-case heading is left out only as a line of its own, not when a sentence runs on from it
    def added(new: str) -> list[str]:
        return [s.text for s in added_sentences("Old text here, said before.", new, 0)]

    assert added("Israel and Hamas Conflict\nA war began in the region.") == ["A war began in the region."]
    said = "We have said this before the heading."
    assert added(f"{said} Israel and Hamas Conflict Abroad") == [said, "Israel and Hamas Conflict Abroad"]
