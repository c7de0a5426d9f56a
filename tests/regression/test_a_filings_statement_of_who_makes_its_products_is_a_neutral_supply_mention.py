"""Bug: NVIDIA's 10-Ks (Item 1, Business) "We utilize foundries, such as Taiwan Semiconductor Manufacturing Company
Limited, or TSMC, and Samsung Electronics Co., Ltd., or Samsung, to produce our semiconductor wafers." was a sure
supply-chain warning (-0.76): a description of who makes the products, which the rubric counts as a supply-chain
mention ("supplier, foundry, ODM and outsourcing relationships, including 'the way the supply chain works'
descriptions") and the filings' reading choices read as neutral (supply-chain structure). Outside risk factors a
supply-chain warning on a statement of the chain's structure (risk_reading.states_structure: who makes what, or where
it is made, naming no harm, dependence or risk) is now neutral (flagging v0.48), as it was in risk factors, where
who makes what now reads so too."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.filing_reading import read_in_filing
from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.polarity import Polarity
from watchdesk.agents.flagging.topics import load_topics

NVDA_10K = "edgar/filings/NVDA_10-K_FY2025_filed-2025-02-26.html"
FOUNDRIES = "We utilize foundries, such as Taiwan Semiconductor Manufacturing Company Limited, or TSMC, and Samsung"


@pytest.mark.fixtures
def test_nvidias_foundries_named_in_business_are_a_neutral_supply_mention(shared_fixtures: Path) -> None:
    document = load_document((shared_fixtures / NVDA_10K).read_bytes(), origin=NVDA_10K)
    flags = flag_document(document, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))
    read = [(f.topic, f.polarity, f.section) for f in flags if f.sentence.startswith(FOUNDRIES)]
    assert read == [("supply_chain", "neutral", "1 Business")]


@pytest.mark.parametrize(("sentence", "read_as", "polarity"), [
    ("We use contract manufacturers in Taiwan to assemble and test our boards.", "negative", "neutral"),
    ("We engage third parties to package our chips.", "negative", "neutral"),
    ("Our manufacturing facilities are located primarily in Arizona and Texas.", "negative", "neutral"),
    # a result, a change or a dependence named is a statement, and good news keeps its reading
    ("We rely on foundries to produce our wafers.", "negative", "negative"),
    ("We use contract manufacturers to assemble our products and shortages delayed shipments.", "negative", "negative"),
    # NVIDIA's FY2024 10-K, a risk factor's title: a problem named after who makes what
    ("We use third parties to manufacture and assemble our products, and we have long manufacturing lead times.",
     "negative", "negative"),
    ("We now use U.S. foundries to produce our wafers.", "positive", "positive"),
])  # fmt: skip
def test_a_statement_of_who_makes_what_read_as_a_warning_is_neutral(
    sentence: str, read_as: Polarity, polarity: str
) -> None:
    flag = Flag("supply_chain", read_as, 0.7 if read_as == "positive" else -0.7, sentence, 0, len(sentence))
    for section in ("1 Business", "1A Risk Factors"):
        read = read_in_filing(flag, section)
        assert read is not None and read.polarity == polarity, section
