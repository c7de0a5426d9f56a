"""Bug: Apple's 10-K (Item 8, revenue recognition) "Revenue allocated to product-related bundled services is deferred
and recognized on a straight-line basis over the estimated period they are expected to be provided." was a sure
supply-chain warning (-0.99): topics.toml's "allocated ... products" (scarce supply rationed to customers, "on
allocation") read "allocated to product-related". By the rubric the sentence says nothing of supply: revenue, a price
or a cost allocated to a performance obligation or a product is accounting. In a filing's items such a supply-chain
flag is now dropped (filing_lookalikes.allocates_an_amount, flagging v0.48), unless the sentence also names
suppliers, capacity, components or the like; calls are read as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.filing_reading import read_in_filing
from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.topics import load_topics

AAPL_10K = "edgar/filings/AAPL_10-K_FY2024_filed-2024-11-01.html"
BUNDLED = "Revenue allocated to product-related bundled services is deferred"


@pytest.mark.fixtures
def test_apples_revenue_allocated_to_bundled_services_is_no_supply_flag(shared_fixtures: Path) -> None:
    document = load_document((shared_fixtures / AAPL_10K).read_bytes(), origin=AAPL_10K)
    flags = flag_document(document, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))
    assert [(f.topic, f.polarity) for f in flags if f.sentence.startswith(BUNDLED)] == []


@pytest.mark.parametrize(("sentence", "kept"), [
    ("The transaction price allocated to products is recognized when control transfers.", False),
    ("Consideration allocated to the software products is recognized over time.", False),
    # supply itself allocated, or the accounts' words beside a supply word, are still read
    ("Wafer supply allocated to our products remains tight.", True),
    ("Costs allocated to products rose as component shortages persisted.", True),
])  # fmt: skip
def test_an_amount_allocated_in_the_accounts_is_no_supply_flag(sentence: str, kept: bool) -> None:
    flag = Flag("supply_chain", "negative", -0.8, sentence, 0, len(sentence))
    assert (read_in_filing(flag, "8 Financial Statements and Supplementary Data") is not None) == kept
    assert read_in_filing(flag, "qa") is flag  # a call's flag is not read by the filings' choices
