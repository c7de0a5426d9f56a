"""Bug: risk_reading turns every neutral supply-chain mention in a filing's risk factors into a warning (v0.14: a risk
factor names a risk), so Apple's Q2 FY2025 10-Q "A significant majority of the Company's manufacturing is performed in
whole or in part by outsourcing partners located primarily in China mainland, India, Japan, South Korea, Taiwan and
Vietnam, in addition to sourcing from partners and facilities located in the U.S." was a supply-chain warning, where
the filings' reading choices make the chain's structure neutral (tests/labels/filings/ labels this row neutral) and the
same sentence reads neutral anywhere else. A statement of where the work is done and by whom that names no harm or
risk now stays neutral in risk factors; one that names a risk of it is still a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.risk_reading import read_as_risk
from watchdesk.agents.flagging.topics import load_topics

AAPL_10Q = "edgar/filings/AAPL_10-Q_Q2FY2025_aapl-20250329.htm"
LOCATED = "A significant majority of the Company’s manufacturing is performed in whole or in part by outsourcing"


@pytest.mark.fixtures
def test_apples_risk_factor_on_where_its_manufacturing_is_done_is_neutral(shared_fixtures: Path) -> None:
    document = load_document((shared_fixtures / AAPL_10Q).read_bytes(), origin=AAPL_10Q)
    flags = flag_document(document, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))
    read = [(f.topic, f.polarity, f.section) for f in flags if f.sentence.startswith(LOCATED)]
    assert read == [("supply_chain", "neutral", "II-1A Risk Factors")]


def _read(sentence: str) -> str:
    return read_as_risk(Flag("supply_chain", "neutral", 0.05, sentence, 0, len(sentence)), "1A Risk Factors").polarity


@pytest.mark.parametrize("sentence", [
    "Substantially all of our manufacturing is performed by outsourcing partners located primarily in Asia.",
    "Our contract manufacturers are located primarily in Taiwan and Mexico.",
    "Most of our production facilities are located in Germany and the Czech Republic.",
])  # fmt: skip
def test_a_risk_factors_statement_of_the_chains_structure_stays_neutral(sentence: str) -> None:
    assert _read(sentence) == "neutral"


@pytest.mark.parametrize("sentence", [
    "Our suppliers are located primarily in China, and their operations could be disrupted by public health issues.",
    "We depend on outsourcing partners located primarily in Asia.",
    "Manufacturing is performed by third parties located in regions subject to natural disasters.",
    "We may not be able to find new suppliers for components we buy from a single source.",
    "Our supply chain is large and complex.",
])  # fmt: skip
def test_a_risk_factor_naming_a_risk_of_the_chain_or_no_structure_is_still_a_warning(sentence: str) -> None:
    assert _read(sentence) == "negative"
