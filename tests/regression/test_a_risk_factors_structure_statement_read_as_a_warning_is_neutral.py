"""Bug: v0.44 kept a risk factor's statement of the supply chain's structure neutral only when the refiner read it as
neutral, so Apple's 10-K "In addition, the Company's global supply chain is large and complex and a majority of the
Company's supplier facilities, including manufacturing and assembly sites, are located outside the U.S." stayed a
warning (-0.49, unsure), where the same kind of sentence in its 10-Q is neutral and the filings' reading choices make
the chain's structure neutral. A structure statement that names no harm or risk (risk_reading.states_structure) and
is read as a warning is now neutral too (flagging v0.46); one read as good news keeps it (U.S. manufacturing presented
as an advantage is good news by the rubric), and one naming a risk is a warning as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.polarity import Polarity
from watchdesk.agents.flagging.risk_reading import read_as_risk
from watchdesk.agents.flagging.topics import load_topics

AAPL_10K = "edgar/filings/AAPL_10-K_FY2024_filed-2024-11-01.html"
LARGE = "In addition, the Company’s global supply chain is large and complex and a majority of the Company’s supplier"


@pytest.mark.fixtures
def test_apples_10k_risk_factor_on_where_its_suppliers_are_is_neutral(shared_fixtures: Path) -> None:
    document = load_document((shared_fixtures / AAPL_10K).read_bytes(), origin=AAPL_10K)
    flags = flag_document(document, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))
    read = [(f.topic, f.polarity, f.section) for f in flags if f.sentence.startswith(LARGE)]
    assert read == [("supply_chain", "neutral", "1A Risk Factors")]


@pytest.mark.parametrize(("sentence", "read_as", "polarity"), [
    ("Our contract manufacturers are located primarily in Taiwan and Mexico.", "negative", "neutral"),
    ("Most of our production facilities are located outside the U.S.", "negative", "neutral"),
    ("Most of our production facilities are located in the U.S.", "positive", "positive"),
    ("Our suppliers are located primarily in China and may be disrupted by public health issues.", "negative",
     "negative"),
])  # fmt: skip
def test_a_structure_statement_read_as_a_warning_is_neutral(sentence: str, read_as: Polarity, polarity: str) -> None:
    flag = Flag("supply_chain", read_as, 0.6 if read_as == "positive" else -0.6, sentence, 0, len(sentence))
    assert read_as_risk(flag, "1A Risk Factors").polarity == polarity
