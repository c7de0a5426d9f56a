"""Flagging v0.30: geopolitical misreadings a helper's review of v0.30 found (174 written probes in the style of calls,
10-K and 20-F risk factors and news for chip, hardware, auto, industrial and retail companies, each verdict decided by
the rubric, fixtures/labels/README.md, before the flagger was run; 96 of the 146 the rubric settles right, and no
look-alike flagged).

Each case below was wrong before. The fixes are cues in polarity.toml and topic patterns in topics.toml; none changes
a verdict on any labelled call, filing or news set. Left as the review found them: CHIPS Act awards (a supply-chain
mention by the labels' reading choice, not geopolitics by itself), protection that helps the company ("anti-dumping
duties ... boosted our U.S. module pricing"), descriptions of the rules read as warnings, plain questions about
tariffs, and "no impact yet, but ..." read as good news.
"""

from __future__ import annotations

import pytest

from tests.flag_verdicts import verdicts


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # no impact, no exposure, exempt (rubric 6.10: good news)
        ("The export controls have had no material impact on our results.", "positive"),
        ("None of our products are subject to the new licence requirements.", "positive"),
        ("We ship most of our products under the USMCA, so they are tariff-free.", "positive"),
        ("We have no direct exposure to Russia or Ukraine, and the conflict has not affected our operations.",
         "positive"),
        ("Beijing lifted its ban on Micron chips.", "positive"),
        # what the rules cost, and markets closed
        ("Tariffs will cost Ford $2.5 billion this year.", "negative"),
        ("The trade war with China has cut off our access to a $50 billion market.", "negative"),
        ("China's export curbs on gallium and germanium have pushed up prices for our compound semiconductor wafers.",
         "negative"),
        ("We suspended all sales to Russia following the invasion, resulting in a $200 million revenue loss.",
         "negative"),
        ("We were informed that our license requests to ship to Huawei have been denied.", "negative"),
    ],
    ids=["no-material-impact", "none-subject-to", "tariff-free", "no-exposure-to-russia", "ban-lifted",
         "tariffs-cost-ford", "cut-off-access", "export-curbs", "russia-invasion", "license-requests-denied"],
)  # fmt: skip
def test_geopolitical_misreadings_of_the_review(sentence: str, verdict: str) -> None:
    assert verdicts(sentence).get("geopolitical") == verdict


def test_pull_ins_looked_for_and_not_seen_are_good_news_for_stock_and_trade() -> None:
    assert verdicts("We see no signs that customers are pulling forward orders ahead of tariffs.") == {
        "inventory": "positive",
        "geopolitical": "positive",
    }
    assert verdicts("We see signs that customers are pulling forward orders ahead of tariffs.") == {
        "inventory": "negative",
        "geopolitical": "negative",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Sales in Russia grew 12% last year, led by our consumer segment.",  # revenue geography
        "Greater China net sales decreased 8% year over year.",
        "We exhibited our new lineup at three trade shows in the quarter.",
    ],
)
def test_revenue_geography_and_look_alikes_stay_out(sentence: str) -> None:
    assert "geopolitical" not in verdicts(sentence)


# A review of 1ecaebe (163 probes built to break it: 64 right before it, 82 at it): "no impact" said of something
# else, hedged or next to a harm, duty-free status lost or ending and duty-free shops, a cut made by a ban, a lifting
# delayed or for competitors, "none of our competitors", "no evidence that customers have stopped stockpiling", and
# "over" as a preposition
@pytest.mark.parametrize(
    ("sentence", "topic", "verdict"),
    [
        ("Sanctions forced us to exit Russia, with no material effect on our other operations.", "geopolitical",
         "negative"),
        ("We can't guarantee there will be no material impact from the export controls.", "geopolitical", "negative"),
        ("We have no exposure to China today, but we expect to be hit when the tariffs extend to Vietnam next year.",
         "geopolitical", "negative"),
        ("The new export controls will reduce our data center revenue by $400 million, although we expect no impact "
         "on gaming revenue.", "geopolitical", "negative"),
        ("The tariff increases are expected to have no material impact on our fiscal 2026 results.", "geopolitical",
         "positive"),
        ("We have minimal exposure to Russia and Ukraine.", "geopolitical", "positive"),
        ("Our exposure to Russia and Ukraine is not material.", "geopolitical", "positive"),
        ("We lost our duty-free status under the GSP program this quarter.", "geopolitical", "negative"),
        ("Our imports had been duty-free until the administration imposed a 10% tariff in April.", "geopolitical",
         "negative"),
        ("Our products made in Mexico are USMCA-compliant and therefore tariff-free.", "geopolitical", "positive"),
        ("Our China sales were cut sharply by the ban.", "geopolitical", "negative"),
        ("A decision to lift the export ban has been delayed again.", "geopolitical", "negative"),
        ("None of our competitors are subject to the export controls, which puts us at a significant disadvantage in "
         "China.", "geopolitical", "negative"),
        ("There is no evidence that customers have stopped stockpiling ahead of the tariffs.", "geopolitical",
         "negative"),
        ("Most of the licence requests we submitted in the spring have now been approved.", "geopolitical",
         "positive"),
        ("I don't think there's any doubt that the shortage is over.", "supply_chain", "positive"),
        ("I don't think our tariff costs are over $5 million a year.", "geopolitical", "positive"),
    ],
    ids=["other-operations", "cant-guarantee", "no-exposure-but", "although-no-impact-on-gaming", "fiscal-results",
         "minimal-exposure", "exposure-not-material", "lost-duty-free", "duty-free-until", "therefore-tariff-free",
         "cut-by-the-ban", "lifting-delayed", "competitors-not-subject", "stopped-stockpiling", "requests-approved",
         "no-doubt", "over-five-million"],
)  # fmt: skip
def test_what_the_review_of_1ecaebe_found(sentence: str, topic: str, verdict: str) -> None:
    assert verdicts(sentence).get(topic) == verdict


@pytest.mark.parametrize(
    "sentence",
    [
        "Sales at our duty-free stores in airports rose 12% in the quarter.",
        "Customer license requests for our design software grew 30% this year.",
    ],
)
def test_shops_and_software_licences_are_no_geopolitics(sentence: str) -> None:
    assert "geopolitical" not in verdicts(sentence)
