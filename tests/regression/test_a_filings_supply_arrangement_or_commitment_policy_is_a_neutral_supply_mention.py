"""Bug: in NVIDIA's notes, an arrangement with its suppliers or the accounts' policy for purchase commitments was read
as news about the supply chain: "We enter into agreements with contract manufacturers that allow them to procure
inventory based upon our defined criteria, and in certain instances, these agreements are cancellable, ..." (10-Q and
FY2025 10-K, a sure warning), "Our commitments include obligations to purchase components ..., long-term supply and
capacity agreements, ..." (10-Q, good news +0.83) and "We record a liability for noncancelable purchase commitments
with suppliers for quantities in excess of our future demand forecasts ..." (FY2024 10-K, sure good news); Apple's
10-K lead-in "Future payments under unconditional purchase obligations ... are as follows (in millions):" a warning.
The filings' reading choices make purchase obligations as amounts and the chain's structure neutral. Outside risk
factors such a supply-chain flag is now neutral (flagging v0.46); a period or amount, a change or a risk named keeps
the reading ("... at the end of fiscal year 2024 were impacted by shortening lead times": good news, labelled so)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.filing_reading import read_in_filing
from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.polarity import Polarity
from watchdesk.agents.flagging.topics import load_topics

NVDA_10Q = "edgar/filings/NVDA_10-Q_Q2FY2026_filed-2025-08-27.html"
NVDA_10K_2024 = "edgar/filings/NVDA_10-K_FY2024_filed-2024-02-21.html"
NVDA_10K_2025 = "edgar/filings/NVDA_10-K_FY2025_filed-2025-02-26.html"
AAPL_10K = "edgar/filings/AAPL_10-K_FY2024_filed-2024-11-01.html"


@cache
def _supply(fixtures: Path, name: str) -> dict[str, str]:
    """Sentence -> polarity of every supply-chain flag of a fixture filing, as `watchdesk flag` reads it."""
    document = load_document((fixtures / name).read_bytes(), origin=name)
    flags = flag_document(document, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))
    return {f.sentence: f.polarity for f in flags if f.topic == "supply_chain"}


def _read(fixtures: Path, name: str, start: str) -> list[str]:
    return [polarity for sentence, polarity in _supply(fixtures, name).items() if sentence.startswith(start)]


@pytest.mark.fixtures
@pytest.mark.parametrize(("name", "start"), [
    (NVDA_10Q, "We enter into agreements with contract manufacturers that allow them to procure inventory"),
    (NVDA_10K_2025, "We enter into agreements with contract manufacturers that allow them to procure inventory"),
    (NVDA_10Q, "Our commitments include obligations to purchase components used to manufacture our products"),
    (NVDA_10K_2024, "We record a liability for noncancelable purchase commitments with suppliers"),
    (AAPL_10K, "Future payments under unconditional purchase obligations with a remaining term"),
])  # fmt: skip
def test_an_arrangement_a_commitments_policy_or_a_tables_lead_in_is_neutral(
    shared_fixtures: Path, name: str, start: str
) -> None:
    assert _read(shared_fixtures, name, start) == ["neutral"]


@pytest.mark.fixtures
def test_commitments_changed_in_a_period_keep_their_reading(shared_fixtures: Path) -> None:
    shortened = "Our purchase commitments and obligations for inventory and manufacturing capacity at the end of fiscal"
    assert _read(shared_fixtures, NVDA_10K_2024, shortened) == ["positive"]  # labelled so in tests/labels/filings/


def _in_notes(sentence: str, polarity: Polarity) -> str:
    flag = Flag("supply_chain", polarity, 0.8 if polarity == "positive" else -0.8, sentence, 0, len(sentence))
    read = read_in_filing(flag, "8 Financial Statements and Supplementary Data")
    assert read is not None
    return read.polarity


@pytest.mark.parametrize(("sentence", "polarity"), [
    ("We enter into supply agreements with our foundry partners that set out capacity reservations.", "neutral"),
    ("Our purchase obligations primarily consist of commitments to acquire components from suppliers.", "neutral"),
    ("We record a liability for purchase commitments with suppliers that exceed our demand forecast.", "neutral"),
    ("Purchase commitments with suppliers by year are as follows (in millions):", "neutral"),
    # a period, a change or a risk: a statement, read as the refiner reads it
    ("We enter into agreements with suppliers, and in fiscal 2025 we added new capacity agreements.", "positive"),
    ("Our purchase obligations include capacity agreements that increased as supply tightened.", "positive"),
    ("We enter into agreements with suppliers who may not be able to meet our demand.", "negative"),
])  # fmt: skip
def test_a_written_arrangement_is_neutral_and_a_statement_keeps_its_reading(sentence: str, polarity: str) -> None:
    read_as: Polarity = "negative" if polarity == "negative" else "positive"
    assert _in_notes(sentence, read_as) == polarity
