"""Flagging v0.21: export controls and trade rules in a filing's own words, each sentence read alone with its label.

Sentences from the NVIDIA, Apple and Tesla filings in fixtures/edgar/filings/ (public domain). The first group are
labelled mentions of tests/labels/filings/ (training rows) that v0.20 missed or misread; the look-alikes are `{}`
rows of tests/labels/filings/ and of the TUNE part of tests/labels/filings_other/.
"""

from __future__ import annotations

from functools import cache

import pytest

from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.topics import TopicLibrary, load_topics

MENTIONS = [
    # NVIDIA 10-Q Q2 FY2026, Item 1A
    ("We are subject to complex laws, rules, regulations, and political and other actions, including restrictions on "
     "the export of our products, which may adversely impact our business.", "negative"),
    ("The United States has imposed unilateral worldwide controls restricting GPUs and associated products, and it is "
     "likely that additional unilateral or multilateral controls will be adopted.", "negative"),
    # Apple 10-Q Q2 FY2025, Item 1A and MD&A
    ("Trade and other international disputes can have an adverse impact on the overall macroeconomic environment and "
     "result in shifts and reductions in consumer spending and negative consumer sentiment for the Company's products "
     "and services, all of which can further adversely affect the Company's business and results of operations.",
     "negative"),
    # NVIDIA 10-K FY2025 MD&A: a licence not received is a warning, not a restriction denied (v0.20: positive)
    ("To date, we have not received licenses to ship these restricted products to China.", "negative"),
    ("Additionally, we understand that partners and customers have also not received a license to ship these "
     "restricted products.", "negative"),
    # NVIDIA 10-K FY2024 MD&A: a war's call on the workforce
    ("Further, in connection with the conflict, a substantial number of our employees in the region have been "
     "called-up for active military duty in Israel.", "negative"),
    # Tesla 10-K FY2023 Business: tariffs avoided by making locally (v0.20: a warning)
    ("Internationally, we also have manufacturing facilities in China (Gigafactory Shanghai) and Germany (Gigafactory "
     "Berlin-Brandenburg), which allows us to increase the affordability of our vehicles for customers in local "
     "markets by reducing transportation and manufacturing costs and eliminating the impact of unfavorable tariffs.",
     "positive"),
]  # fmt: skip

LOOK_ALIKES = [
    # a state's dealer licence (Tesla 10-K FY2023 Business)
    "In the U.S., state laws regulate the manufacture, distribution, sale and service of automobiles, and generally "
    "require motor vehicle manufacturers and dealers to be licensed in order to sell vehicles directly to residents.",
    "Certain states have asserted that the laws in such states do not permit automobile manufacturers to be licensed "
    "as dealers or to act in the capacity of a dealer, or that they otherwise restrict a manufacturer's ability to "
    "deliver or perform warranty repairs on vehicles.",
    # penalties for breaking a law (NVIDIA 10-Q Q2 FY2026, Item 1A)
    "There can be no assurance that our employees, contractors, suppliers, customers or agents will not violate "
    "applicable laws or the policies, controls, and procedures that we have designed to help ensure compliance with "
    "such laws, and violations could result in fines, criminal sanctions against us, our officers, or our employees, "
    "prohibitions on the conduct of our business, and damage to our reputation.",
]


@cache
def _topics() -> TopicLibrary:
    return load_topics(("inventory", "supply_chain", "geopolitical"))


def _geopolitical(sentence: str) -> str | None:
    return next((f.polarity for f in flag_text(sentence, topics=_topics()) if f.topic == "geopolitical"), None)


@pytest.mark.parametrize(("sentence", "label"), MENTIONS, ids=[s[:40] for s, _ in MENTIONS])
def test_export_controls_and_trade_rules_in_a_filings_words_are_read_by_their_label(sentence: str, label: str) -> None:
    assert _geopolitical(sentence) == label


@pytest.mark.parametrize("sentence", LOOK_ALIKES, ids=["dealer-licence", "dealer-licence-2", "criminal-sanctions"])
def test_dealer_licences_and_legal_sanctions_are_not_geopolitics(sentence: str) -> None:
    assert _geopolitical(sentence) is None


def test_trade_sanctions_and_export_licences_are_still_geopolitics() -> None:
    assert _geopolitical("New sanctions on Russia closed our distribution there.") == "negative"
    assert _geopolitical("We applied for export licenses to ship H20 to China.") is not None
