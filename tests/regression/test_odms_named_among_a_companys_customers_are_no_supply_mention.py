"""Bug: NVIDIA's 10-Q (notes) "We refer to customers who purchase products directly from NVIDIA as direct customers,
such as add-in board manufacturers, distributors, original device manufacturers, or ODMs, original equipment
manufacturers, or OEMs, and system integrators." was a supply-chain flag through "ODMs": the topic's excludes knew ODMs
as the customers a chip maker sells through only when written beside OEMs or integrators ("OEMs and ODMs"), not when
the filing spells each out. tests/labels/filings/ labels the sentence `{}`. ODMs named in a list of customers
("customers such as / including / include / are ...") are no supply mention in any text; ODMs as the maker of a
product, or named with the supply chain, still are."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.topics import load_topics

NVDA_10Q = "edgar/filings/NVDA_10-Q_Q2FY2026_filed-2025-08-27.html"
DIRECT = "We refer to customers who purchase products directly from NVIDIA as direct customers"


@pytest.mark.fixtures
def test_nvidias_definition_of_its_direct_customers_is_no_supply_mention(shared_fixtures: Path) -> None:
    document = load_document((shared_fixtures / NVDA_10Q).read_bytes(), origin=NVDA_10Q)
    flags = flag_document(document, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))
    assert not [f for f in flags if f.sentence.startswith(DIRECT)]


@pytest.mark.parametrize(("text", "flagged"), [
    ("Our customers include hyperscalers, distributors, original design manufacturers, or ODMs, and retailers.", False),
    ("We sell to customers such as distributors, ODMs, OEMs and system integrators.", False),
    ("Direct customers, including add-in board makers and ODMs, account for most of our revenue.", False),
    ("Foxconn has become the ODM for EVs.", True),
    ("The scale and reach necessary from our ODMs and our integrator supply chain is vast.", True),
])  # fmt: skip
def test_odms_among_customers_are_no_supply_mention_and_odms_that_make_still_are(text: str, flagged: bool) -> None:
    flags = flag_text(text, topics=load_topics(["supply_chain"]))
    assert bool(flags) is flagged
