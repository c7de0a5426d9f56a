"""Flagging v0.21: export controls and trade rules in a filing's own words, each sentence read alone with its label.

Sentences from the NVIDIA, Apple and Tesla filings in fixtures/edgar/filings/ (public domain). The first group are
labelled mentions of tests/labels/filings/ (training rows) that v0.20 missed or misread; the look-alikes are `{}`
rows of tests/labels/filings/ and of the TUNE part of tests/labels/filings_other/.
"""

from __future__ import annotations

import pytest

from tests.flag_verdicts import verdicts

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
    # a review's probes of v0.21's first patterns: a venture's control, internal controls, other rules, receivables,
    # data and capital, a commercial dispute, employee benefits (all `{}` by the reading choices)
    "We do not have unilateral control over the joint venture and its decisions.",
    "We maintain internal controls restricting access to our products and systems.",
    "New regulations restricting the sale of flavored tobacco products reduced our volumes.",
    "The agreement contains restrictions on trade receivables and on trade secrets.",
    "Argentina maintains restrictions on the export of capital.",
    "Revenue was partially offset by international disputes with two distributors in Brazil.",
    "We provide differential pay to employees called to active military duty.",
    "We offer paid leave for employees on military duty and jury duty.",
    # labour's strikes, not a war's (v0.22's first patterns took "Gulf port strikes" for one), and a review's probes
    # of a place beside a word that is no war: a price war, a water crisis, ransomware, a trade investigation
    "Strikes against shipping companies by dockworkers ended.",
    "Israeli price war squeezes telecom margins.",
    "A Russian price war in fertilizers hurt our margins.",
    "Taiwan water crisis threatens chip output.",
    "The Russian ruble crisis hurt our results.",
    "Middle East demand shock boosted our sales.",
    "Strikes by workers in Russia halted production at our plant.",
    "Cyber attacks in Israel increased during the quarter.",
    "Russian ransomware attacks hit our European subsidiary.",
    "The SEC trade investigation into our former CFO's stock sales was closed.",
    "Our Hormuz product line grew.",
    "Gulf port strikes delay container shipments",
    "Dockworkers' strikes in shipping ports slow deliveries",
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


def _geopolitical(sentence: str) -> str | None:
    return verdicts(sentence).get("geopolitical")


@pytest.mark.parametrize(("sentence", "label"), MENTIONS, ids=[s[:40] for s, _ in MENTIONS])
def test_export_controls_and_trade_rules_in_a_filings_words_are_read_by_their_label(sentence: str, label: str) -> None:
    assert _geopolitical(sentence) == label


@pytest.mark.parametrize("sentence", LOOK_ALIKES, ids=[s[:30] for s in LOOK_ALIKES])
def test_dealer_licences_and_legal_sanctions_are_not_geopolitics(sentence: str) -> None:
    assert _geopolitical(sentence) is None


def test_trade_sanctions_and_export_licences_are_still_geopolitics() -> None:
    """The exclusions stop at legal penalties and dealers: trade sanctions, OFAC and an export licence stay."""
    assert _geopolitical("New sanctions on Russia closed our distribution there.") == "negative"
    assert _geopolitical("The EU imposed monetary sanctions on Russian banks, which led us to suspend deliveries to "
                         "Russia.") == "negative"  # fmt: skip
    assert _geopolitical("Violations of OFAC regulations could result in civil and criminal sanctions.") is not None
    assert _geopolitical("Under the new rules we must be licensed in order to sell our most advanced GPUs to customers "
                         "in China.") is not None  # fmt: skip
    assert _geopolitical("We applied for export licenses to ship H20 to China.") is not None


def test_a_licence_not_received_is_a_warning_and_other_denials_stay_good_news() -> None:
    """Only a licence not received is no denial (reading._NOT_A_DENIAL): the contraction calls use too, and a
    problem denied on a call is still good news (a review's probes)."""
    assert _geopolitical("We haven't received any licenses to ship H20 to China yet.") == "negative"
    flags = verdicts("We have not received any notice of supply disruptions from our vendors.")
    assert flags == {"supply_chain": "positive"}


def test_tariffs_avoided_are_good_news_only_as_a_result() -> None:
    assert _geopolitical("To avoid the impact of tariffs, we raised prices on our products by 5%, which reduced unit "
                         "volumes.") == "negative"  # fmt: skip


# Flagging v0.22: news names a war by its place. Written headlines in the style of the TUNE part of
# tests/labels/news_topics/ (the feeds' own text is third-party and is read from the fixtures there).
HEADLINES = [
    ("Stocks slip as the Iran conflict pushes oil prices higher", "negative"),
    ("Gulf markets fall as Iran retaliates", "negative"),
    ("Credit markets dented as Mideast war adds to investors' worries", "negative"),
    ("UAE halts stock markets for two days after Iranian strikes", "negative"),
]
# found; their polarity is not pinned ("pull cover" and "slams" are no cue the flagger knows: it reads them neutral,
# where the labels' reading would make them warnings)
FOUND = [
    "Insurers pull cover for tankers crossing the Strait of Hormuz",
    "Beijing slams new US trade probe ahead of talks",
]


@pytest.mark.parametrize(("headline", "label"), HEADLINES, ids=[h[:30] for h, _ in HEADLINES])
def test_a_war_named_by_its_place_is_a_geopolitical_warning(headline: str, label: str) -> None:
    assert _geopolitical(headline) == label


@pytest.mark.parametrize("headline", FOUND, ids=["hormuz", "trade-probe"])
def test_hormuz_and_trade_probes_are_geopolitical_mentions(headline: str) -> None:
    assert _geopolitical(headline) is not None


# A war word is no warning by itself (a review of v0.22's first cues, which read all of these as warnings): a war
# that ends or eases, relief despite one, a business it helps, and a conflict with no material impact.
GOOD_NEWS = [
    "Stocks rally as Iran war ends.",
    "Markets cheer end of Iran war.",
    "Oil prices fell as the Iran conflict eased.",
    "Middle East tensions eased.",
    "Oil falls as Iran war ceasefire holds.",
    "We saw tariff relief despite the trade war.",
    "The end of the trade war is a tailwind for us.",
    "We benefited from the trade war as customers shifted orders to our US plants.",
    "Lockheed wins orders as the war in Ukraine drives demand.",
    "Freight rates fell as the Red Sea crisis eased.",
    "The trade war truce allowed us to resume shipping H20 to China.",
    "To date, the Russia-Ukraine conflict has not had a material impact on our operations.",
    "The Israel-Hamas war has not had a material impact on our operations.",
    "The conflict in the Middle East has not impacted our operations.",
]


@pytest.mark.parametrize("sentence", GOOD_NEWS, ids=[s[:30] for s in GOOD_NEWS])
def test_a_war_that_ends_helps_or_leaves_no_mark_is_good_news(sentence: str) -> None:
    assert _geopolitical(sentence) == "positive"


def test_shipping_attacks_that_ended_are_good_news_for_supply() -> None:
    flags = verdicts("Shipping through the Red Sea has resumed as attacks on shipping ended.")
    assert flags.get("supply_chain") == "positive" and flags.get("geopolitical") != "negative"


def test_attacks_on_shipping_are_a_supply_chain_warning() -> None:
    headline = "Iran widens its attacks on shipping in the Gulf."
    flags = verdicts(headline)
    assert flags.get("supply_chain") == "negative" and flags.get("geopolitical") == "negative"


# A second review of the reworked cues: a truce that fails is no relief, a war named as a cause is read by its
# easing when the sentence says it eased, "on" marks a subject unless a market moved on the war, a doubted easing is
# none, and a market's "war" or hackers' attacks beside a place are no geopolitics. Not fixed and not pinned: a war
# that helps the company ("we benefited from higher oil prices due to the conflict") still reads as a warning.
SECOND_REVIEW = [
    ("The trade war truce expired and tariffs rose to 145%.", "negative"),
    ("Oil prices fell after the Mideast conflict eased.", "positive"),
    ("Let me say a few words on the war in Ukraine.", "neutral"),
    ("I have a question on the Iran war and your Middle East customers.", "neutral"),
    ("Refer to Note 2 for further detail on the conflict in the Middle East.", "neutral"),
    ("Middle East tensions are unlikely to ease soon.", "negative"),
    ("Wall Street slips amid Middle East conflict", "negative"),
    ("Stocks slide on Iran war fears", "negative"),
    ("Stocks rebound after Iran war ceasefire.", "positive"),
    ("We continue to compete in a bidding war with Israel-based rivals.", None),
    ("We are in a price war with Taiwan's MediaTek in mid-range smartphone chips.", None),
    ("The talent war in Israel pushed up our R&D costs.", None),
    ("A price war in Russia hurt our margins.", None),
]


@pytest.mark.parametrize(("sentence", "verdict"), SECOND_REVIEW, ids=[s[:30] for s, _ in SECOND_REVIEW])
def test_the_war_cues_read_what_the_sentence_says_of_the_war(sentence: str, verdict: str | None) -> None:
    assert _geopolitical(sentence) == verdict


@pytest.mark.parametrize(
    "sentence",
    ["The Iran war truce collapsed, sending oil prices higher.", "Hopes of a ceasefire in the Iran war faded."],
)
def test_a_truce_that_fails_is_no_good_news(sentence: str) -> None:
    assert _geopolitical(sentence) != "positive"


def test_hackers_attacks_on_a_shipping_company_are_no_war() -> None:
    assert _geopolitical("Cyber attacks on shipping giant Maersk disrupted port operations.") is None


def test_the_long_no_impact_form_is_good_news_and_fighting_resumed_is_not() -> None:
    """A second review's probes: 10-K boilerplate's long "no material impact" (rubric 6.10) read as a warning, and
    "strikes resume" read as relief through the "resume" cue; shipments resumed stay good news."""
    assert _geopolitical("The war in Ukraine has not had, and we do not expect it to have, a material impact on our "
                         "business.") == "positive"  # fmt: skip
    assert _geopolitical("Iran war ceasefire violated as strikes resume.") == "negative"
    assert _geopolitical("We expect to resume shipments to China once licenses are granted.") == "positive"


# v0.23: "largest" is a supply-chain good-news cue ("the largest supply chain", "our largest supplier"), but not as
# the size of a problem. Written in the style of a TUNE headline of tests/labels/news_topics/ (Reuters: the world
# faces the largest-ever oil supply disruption, labelled a supply-chain warning), which v0.22 read as good news.
@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Markets brace for the largest-ever oil supply disruption, the agency says.", "negative"),
        ("We face the largest supply disruption in our history.", "negative"),
        ("We have built the largest supply chain in the industry.", "positive"),
        ("Our largest supplier added capacity this quarter.", "positive"),
    ],
    ids=["largest-ever-disruption", "largest-disruption", "largest-supply-chain", "largest-supplier"],
)
def test_the_largest_problem_is_no_good_news(sentence: str, verdict: str) -> None:
    assert verdicts(sentence).get("supply_chain") == verdict


# v0.26: a licence received or granted is good news (rubric: licence reviews moving forward), one denied or revoked a
# warning; v0.25 read "We received licenses to ship H20 to China." and "Our license applications were denied." as
# neutral (sure). Written sentences, and NVIDIA's 10-Q for Q2 FY2026 (Item 1A, labelled neutral in
# tests/labels/filings/): a grant followed by "not shipped" stays neutral.
@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("We received licenses to ship H20 to China.", "positive"),
        ("We obtained export licenses for our DUV shipments.", "positive"),
        ("Our license applications were denied.", "negative"),
        ("The Commerce Department revoked our export license.", "negative"),
        ("We have not received licenses to ship these restricted products to China.", "negative"),
        ("In August 2025, the USG granted licenses that would allow us to ship certain H20 products to certain "
         "China-based customers, but to date, we have not generated any revenue or shipped any H20 products under "
         "those licenses.", "neutral"),
        ("While customers have received licenses, we haven't shipped any H20.", "neutral"),
    ],
    ids=["received", "obtained", "denied", "revoked", "not-received", "granted-not-shipped", "while-not-shipped"],
)  # fmt: skip
def test_a_licence_granted_is_good_news_and_one_refused_a_warning(sentence: str, verdict: str) -> None:
    assert _geopolitical(sentence) == verdict


# v0.30: a denial with the licences' subject or a grant between is still a warning; until v0.29 the first read neutral
# (sure) and the others good news (sure), from a plain "were granted" cue a later denial did not stop
@pytest.mark.parametrize(
    "sentence",
    [
        "Export licenses for China were denied.",
        "Licenses were granted for some customers and denied for others.",
        "Export licenses were granted for some customers but denied for others.",
    ],
    ids=["subject-between", "granted-and-denied", "granted-but-denied"],
)
def test_a_licence_denied_after_words_between_is_a_warning(sentence: str) -> None:
    assert _geopolitical(sentence) == "negative"


def test_licence_requirements_widened_are_a_warning_and_a_rules_scope_is_not() -> None:
    """v0.26: an expansion is a warning; NVIDIA's 10-K for FY2025 (Item 7, labelled neutral in tests/labels/filings/)
    describing what "the new licensing requirement" covers stays neutral."""
    assert _geopolitical("The Dutch government expanded export license requirements for our DUV systems.") == "negative"
    scope = (
        "Any system that incorporates one or more of the covered integrated circuits, or ICs, (including but not "
        "limited to NVIDIA DGX, HGX, and MGX systems) will be covered by the new licensing requirement."
    )
    assert _geopolitical(scope) == "neutral"


# v0.27, a helper's review of v0.26: requirements are no licences, a requirement lifted is no licence revoked, a
# licence not granted is a warning, and other kinds of licence are no geopolitics
@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("The Dutch government issued new export license requirements covering our most advanced DUV systems.", None),
        ("In April, we received notice that licenses would be required for all H20 exports to China.", None),
        ("The Commerce Department rescinded the license requirement for H20 exports to China.", "positive"),
        ("Our export license applications were not approved.", "negative"),
        ("Export licenses for the MI308 were not granted in the quarter.", "negative"),
        ("We obtained export licenses for some customers, but we remain unable to ship to most of our China "
         "customers.", "negative"),
    ],
    ids=["issued-requirements", "notice-required", "requirement-rescinded", "not-approved", "not-granted", "unable"],
)  # fmt: skip
def test_licence_requirements_are_not_licences(sentence: str, verdict: str | None) -> None:
    got = _geopolitical(sentence)
    assert got == verdict if verdict else got != "positive"


@pytest.mark.parametrize(
    "sentence",
    [
        "We received broadcast licenses for two new stations.",
        "Wynn was granted a new gaming license in Macau through 2032.",
        "We granted licenses to our Wi-Fi patents to three smartphone makers in China.",
    ],
    ids=["broadcast", "gaming", "patents"],
)
def test_other_kinds_of_licence_are_no_geopolitics(sentence: str) -> None:
    assert _geopolitical(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("BIS issued additional license requirements for advanced AI chips.", "not-positive"),
        ("US revokes Intel, Qualcomm export licenses for Huawei.", "negative"),
        ("We received the operating license for our new nuclear unit from the NRC.", None),
    ],
    ids=["additional-requirements", "revokes", "operating-licence"],
)
def test_a_second_review_of_the_licence_cues(sentence: str, verdict: str | None) -> None:
    """v0.28: the requirement guard had a trailing word boundary that kept it from firing; present tense; NRC."""
    got = _geopolitical(sentence)
    assert got != "positive" if verdict == "not-positive" else got == verdict
