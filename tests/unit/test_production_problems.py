"""Flagging v0.25: production problems that limit supply (fixtures/labels/README.md, supply chain: "Production
problems that limit supply, and improvements in them"; manufacturing footprint: new fabs and plants).

Until v0.25 a production stop or a hazard at the plants was no supply-chain mention unless the sentence also named
supply or suppliers: "An earthquake in Taiwan briefly disrupted production at our fabs" was not flagged, nor "Our
Arizona fab began volume production". Written sentences in the style of a foundry's call and 20-F; the look-alikes
(a fire department, a planned shutdown) are no mention.
"""

from __future__ import annotations

import pytest

from tests.flag_verdicts import verdicts


def _supply(sentence: str) -> str | None:
    return verdicts(sentence).get("supply_chain")


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("An earthquake in Taiwan briefly disrupted production at our fabs.", "negative"),
        ("Production at the fab was interrupted by a power outage for two days.", "negative"),
        ("A fire at a supplier's plant halted production of a key substrate.", "negative"),
        ("Our Arizona fab began volume production ahead of schedule.", "positive"),
        ("Our new plant in Japan began production in December.", "positive"),
        ("We have fully recovered from the earthquake and production is back to normal.", "positive"),
    ],
    ids=["quake", "power-outage", "supplier-fire", "fab-began", "plant-began", "recovered"],
)
def test_production_problems_and_new_plants_are_supply_chain(sentence: str, verdict: str) -> None:
    assert _supply(sentence) == verdict


@pytest.mark.parametrize(
    "sentence",
    ["The fire department inspected the plant.", "We took the usual holiday shutdown at the plant in December."],
    ids=["fire-department", "holiday-shutdown"],
)
def test_a_fire_department_or_a_planned_shutdown_is_no_supply_problem(sentence: str) -> None:
    assert _supply(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    ["Customers are rebuilding inventory.", "The inventory correction in PCs and smartphones has ended."],
    ids=["rebuilding", "correction-ended"],
)
def test_restocking_and_a_correction_that_ended_are_good_inventory_news(sentence: str) -> None:
    """v0.26 (rubric, inventory: replenishment or restocking, customer inventory normalised, are good news): both read
    neutral or as a warning before."""
    assert verdicts(sentence).get("inventory") == "positive"


# v0.27, a helper's review of v0.25: look-alikes that are no supply problem, each read as a supply-chain warning
# (most of them sure) by v0.25. (v0.28 took back one of v0.27's: "decided to halt production of the older Model S
# variant" is flagged again, since "halted production of the F-150 ... because of a parts shortage" is a supply problem
# and the words do not tell them apart; only "stopped production of" a product stays out.)
NOT_SUPPLY = [
    "We curtailed production in the Haynesville in response to low natural gas prices.",
    "Apple stopped production of the iPhone mini due to weak demand.",
    "We shut down production at the Baytown plant for three weeks of planned maintenance.",
    "Our European plants shut down production for the usual August holidays.",
    "Our facilities are insured against earthquakes, floods and fires.",
    "We suspended production guidance for 2024 after the acquisition.",
    "Generative AI is disrupting content production across the industry.",
    "We drew $200 million on our revolving credit facility after the fire at our headquarters.",
    "Our plant managers came under fire from regulators over emissions at the facility.",
    "We saw a tsunami of orders for our AI chips at our fabs this quarter.",
]


@pytest.mark.parametrize("sentence", NOT_SUPPLY, ids=[s[:30] for s in NOT_SUPPLY])
def test_product_decisions_discipline_planned_stops_and_metaphors_are_no_supply_problem(sentence: str) -> None:
    assert _supply(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("The fab came back online two weeks after the earthquake.", "positive"),
        ("Production at the Kumamoto plant was fully restored within two weeks.", "positive"),
        ("Production at our Shanghai gigafactory was halted for three weeks due to COVID lockdowns.", "negative"),
        ("There was no disruption to production from the typhoon.", "positive"),
    ],
    ids=["back-online", "restored-passive", "halted-passive", "no-disruption"],
)
def test_a_hazard_is_read_by_what_it_did(sentence: str, verdict: str) -> None:
    assert _supply(sentence) == verdict


def test_a_hazard_that_did_no_harm_is_no_warning() -> None:
    assert _supply("The Noto earthquake did not affect our plants, and production continues as normal.") != "negative"


@pytest.mark.parametrize(
    "sentence",
    [
        "The inventory correction in industrial markets has extended into the second half.",
        "The inventory correction in autos has not ended.",
        "The inventory correction in industrial is far from over.",
        "The inventory correction in China is likely to last over the next two quarters.",
        "The destocking at our distributors is not yet complete.",
    ],
    ids=["extended", "not-ended", "far-from-over", "last-over", "not-complete"],
)
def test_a_correction_that_goes_on_is_no_good_news(sentence: str) -> None:
    assert verdicts(sentence).get("inventory") != "positive"


# v0.28, a second review of v0.27: real stoppages v0.27 dropped or misread, and look-alikes
@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Ford halted production of the F-150 at its Dearborn truck plant for two weeks because of a parts shortage.",
         "negative"),
        ("Covid lockdowns disrupted production of iPhones at Foxconn's Zhengzhou plant.", "negative"),
        ("We halted production at the plant after the explosion, delaying scheduled deliveries.", "negative"),
        ("Production was temporarily halted at the Fremont factory.", "negative"),
        ("Our Austin fab was shut down for a week after the winter storm.", "negative"),
        ("Production at the fab has resumed.", "positive"),
        ("Production began to slip in the quarter because of the chip shortage.", "negative"),
    ],
    ids=["halted-of", "disrupted-of", "after-explosion", "passive-halted", "fab-shut", "has-resumed", "began-to-slip"],
)  # fmt: skip
def test_stoppages_in_their_many_forms(sentence: str, verdict: str) -> None:
    assert _supply(sentence) == verdict


@pytest.mark.parametrize(
    "sentence",
    [
        "Production at the Kumamoto fab has not resumed since the earthquake.",
        "Hurricane Helene forced us to close our Marion plant, the largest IV solution plant in the country.",
    ],
    ids=["not-resumed", "forced-to-close"],
)
def test_no_restart_and_a_forced_closure_are_no_good_news(sentence: str) -> None:
    assert _supply(sentence) != "positive"


@pytest.mark.parametrize(
    "sentence",
    [
        "An injunction could stop us from manufacturing the product.",
        "Netflix paused production on Stranger Things during the strike.",
    ],
    ids=["injunction", "show-production"],
)
def test_an_injunction_or_a_show_is_no_supply_problem(sentence: str) -> None:
    assert _supply(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Customers continued destocking in the quarter ended June 30.",
        "The destocking will take another two quarters to complete.",
    ],
    ids=["quarter-ended", "to-complete"],
)
def test_a_quarter_ended_or_a_correction_still_to_complete_is_no_ending(sentence: str) -> None:
    assert verdicts(sentence).get("inventory") != "positive"


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("The worst of the supply chain disruptions is behind us.", "positive"),
        ("Supply chain challenges are behind us.", "positive"),
        ("The worst of the supply constraints is not behind us.", "negative"),
    ],
    ids=["worst-behind", "challenges-behind", "not-behind"],
)
def test_a_problem_behind_us_is_good_news(sentence: str, verdict: str) -> None:
    """v0.29 (a second review's probe): read as a warning, sure, before."""
    assert _supply(sentence) == verdict


# v0.30: an end doubted or still to come is a warning; until v0.29 "Destocking is unlikely to end before mid-year."
# read as good news, marked sure (a review of v0.26), because "to end" read as the correction ending
@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Destocking is unlikely to end before mid-year.", "negative"),
        ("The inventory correction has yet to run its course.", "negative"),
        ("The destocking has yet to end.", "negative"),
        ("We expect the destocking to end in the second quarter.", "positive"),
        ("Customer destocking should end by mid-year.", "positive"),
    ],
    ids=["unlikely-to-end", "yet-to-run-its-course", "yet-to-end", "expected-to-end", "should-end"],
)
def test_a_correction_whose_end_is_doubted_is_a_warning(sentence: str, verdict: str) -> None:
    assert verdicts(sentence).get("inventory") == verdict
