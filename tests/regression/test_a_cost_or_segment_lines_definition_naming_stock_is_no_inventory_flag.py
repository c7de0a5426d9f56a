"""Bug: a filing's definition of a cost or segment line that names stock's charges among its costs was an inventory
warning: NVIDIA's notes "Other segment items for the Compute & Networking and Graphics reportable segments primarily
include product costs and inventory provisions, compensation and benefits ..." (10-Q and FY2025 10-K, -0.39 and -0.41)
and Tesla's "Cost of automotive sales revenues also includes adjustments to warranty expense and charges to write down
the carrying value of our inventory when it exceeds its estimated net realizable value ..." and its energy twin (both
10-Ks, MD&A and notes, -0.66 and -0.79). The filings' reading choices make cost-line definitions that list "inventory
provisions, tariffs, and shipping costs" `{}` (tests/labels/filings/ labels Tesla's two `{}`); v0.21 dropped such a
definition's supply-chain and geopolitical flags and left its stock to the accounts' reading. Now it is no inventory
flag either (flagging v0.46); a definition that states an amount, a change or a harm is still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.filing_reading import read_in_filing
from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.topics import load_topics

SEGMENT = "Other segment items for the Compute & Networking and Graphics reportable segments primarily include"
COST_LINES = ("Cost of automotive sales revenues also includes", "Cost of energy generation and storage revenue also")


def _inventory_flags(fixtures: Path, name: str) -> list[str]:
    document = load_document((fixtures / name).read_bytes(), origin=name)
    flags = flag_document(document, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))
    return [f.sentence for f in flags if f.topic == "inventory"]


@pytest.mark.fixtures
@pytest.mark.parametrize("name", [
    "edgar/filings/NVDA_10-Q_Q2FY2026_filed-2025-08-27.html", "edgar/filings/NVDA_10-K_FY2025_filed-2025-02-26.html",
])  # fmt: skip
def test_nvidias_segment_items_naming_inventory_provisions_are_no_inventory_flag(
    shared_fixtures: Path, name: str
) -> None:
    assert not [s for s in _inventory_flags(shared_fixtures, name) if SEGMENT in s]


@pytest.mark.fixtures
def test_teslas_cost_lines_naming_inventory_write_downs_are_no_inventory_flag(shared_fixtures: Path) -> None:
    sentences = _inventory_flags(shared_fixtures, "edgar/filings/TSLA_10-K_FY2024_filed-2025-01-30.html")
    assert not [s for s in sentences if s.startswith(COST_LINES)]
    assert [
        s for s in sentences if s.startswith("During the years ended December 31, 2024, 2023 and 2022, we recorded")
    ]


def _kept(sentence: str) -> bool:
    flag = Flag("inventory", "negative", -0.6, sentence, 0, len(sentence))
    return read_in_filing(flag, "8 Financial Statements and Supplementary Data") is not None


@pytest.mark.parametrize(("sentence", "kept"), [
    ("Cost of revenue includes inventory provisions, warranty costs and shipping costs.", False),
    ("(2)Other segment expenses include product costs and inventory write-downs.", False),
    ("Cost of sales also includes charges to write down obsolete inventory.", False),
    ("Cost of revenue increased due to inventory provisions for excess Hopper products.", True),
    ("Cost of revenue includes inventory provisions of $1.2 billion.", True),
    ("Segment items include inventory provisions, which could increase if demand declines.", True),
    ("We recorded inventory provisions in cost of revenue.", True),
])  # fmt: skip
def test_a_written_cost_lines_definition_is_dropped_and_a_statement_kept(sentence: str, kept: bool) -> None:
    assert _kept(sentence) is kept
