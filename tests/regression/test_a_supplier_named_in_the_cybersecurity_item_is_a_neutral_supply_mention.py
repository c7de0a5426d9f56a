"""Bug: a 10-K's Item 1C (Cybersecurity) says how cybersecurity risk is overseen, suppliers' included, and its
sentences were supply-chain warnings: Apple's "A dedicated Supplier Trust team manages information security risks the
Company is exposed to through its supplier relationships." (-0.95) and NVIDIA's "We routinely assess our high-risk
suppliers' conformance to industry standards (e.g., ISO 27001, ISO 28001, and C-TPAT), ..." (-0.67 in the FY2024
10-K, -0.63 in FY2025). By the rubric, mitigation work described with no result claimed is neutral. A supply-chain
flag in the cybersecurity item (a 10-K's 1C, a 20-F's 16.K) is now neutral (flagging v0.48)."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.filing_reading import in_cybersecurity, read_in_filing
from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.topics import load_topics

AAPL_10K = "edgar/filings/AAPL_10-K_FY2024_filed-2024-11-01.html"
NVDA_10K = "edgar/filings/NVDA_10-K_FY2025_filed-2025-02-26.html"


@pytest.mark.fixtures
@pytest.mark.parametrize(("name", "opening"), [
    (AAPL_10K, "A dedicated Supplier Trust team manages information security risks"),
    (NVDA_10K, "We routinely assess our high-risk suppliers"),
])  # fmt: skip
def test_a_supplier_oversight_sentence_of_item_1c_is_a_neutral_supply_mention(
    shared_fixtures: Path, name: str, opening: str
) -> None:
    document = load_document((shared_fixtures / name).read_bytes(), origin=name)
    flags = flag_document(document, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))
    read = [(f.topic, f.polarity, f.section) for f in flags if f.sentence.startswith(opening)]
    assert read == [("supply_chain", "neutral", "1C Cybersecurity")]


def test_only_the_cybersecurity_item_is_read_so() -> None:
    assert in_cybersecurity("1C Cybersecurity") and in_cybersecurity("16.K Cybersecurity")
    assert not in_cybersecurity("1A Risk Factors") and not in_cybersecurity("qa") and not in_cybersecurity(None)
    sentence = "We routinely assess our high-risk suppliers for security requirements."
    flag = Flag("supply_chain", "negative", -0.7, sentence, 0, len(sentence))
    read = read_in_filing(flag, "1C Cybersecurity")
    assert read is not None and read.polarity == "neutral"
    risk = read_in_filing(flag, "1A Risk Factors")
    assert risk is not None and risk.polarity == "negative"
