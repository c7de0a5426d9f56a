"""Flagging v0.31: misreadings left by v0.30, found by two readings of written text whose verdicts were decided by the
rubric (fixtures/labels/README.md) before the flagger ran: the second pass over the six whole call passages of the
v0.30 passage review (its errors still standing at v0.30), and an adversarial review of v0.30's fifth part (d8adc68).

None of these sentences is from a labelled call: on all 69 calls and the fixture 10-Ks and 10-Qs the flags are as at
v0.30. Each case below read otherwise at v0.30 (what it read is in the comment above it).
"""

from __future__ import annotations

import pytest

from tests.flag_verdicts import verdicts


# Rubric 5.5: a discourse fragment naming a topic is neutral ("I just wanted to come back to the input inflation
# question."). At v0.30 "I wanted to ask about export controls." read as a warning (-0.92), sure; "... about supply."
# too. A premise keeps its direction (rubric 5.3: "you mentioned ... supply constraints" is a warning).
@pytest.mark.parametrize(
    ("sentence", "topic", "verdict"),
    [
        ("I wanted to ask about supply.", "supply_chain", "neutral"),
        ("I wanted to ask about export controls.", "geopolitical", "neutral"),
        ("I just wanted to come back to the input inflation question.", "supply_chain", "neutral"),
        ("A quick question on tariffs.", "geopolitical", "neutral"),
        ("I wanted to ask about the supply constraints you mentioned.", "supply_chain", "negative"),
    ],
    ids=["ask-about-supply", "ask-about-export-controls", "come-back-to", "quick-question-on", "premise-kept"],
)  # fmt: skip
def test_an_analyst_turning_to_a_topic_names_it_and_no_more(sentence: str, topic: str, verdict: str) -> None:
    assert verdicts(sentence).get(topic) == verdict


# Warnings that read neutral at v0.30 (the passages' own sentences, or as close as one sentence can carry them)
@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # the limiter named after a longer subject (v0.30 allowed three words between)
        ("Our supply chain for optics and light sources remains the gating factor for EUV output.", "supply_chain"),
        # supply held back, suppliers stretched
        ("Across the industry, HBM consumes three times the wafers of standard DRAM, which limits supply of "
         "conventional DRAM.", "supply_chain"),
        ("We keep a close eye on a few mechanical parts, where some suppliers are still stretched.", "supply_chain"),
        # rules that make the work hard (the rubric's "make it impossible for us to reduce hopper any further")
        ("The new limits make it very hard to cut the Talon architecture down any further, given the export rules.",
         "geopolitical"),
        # what tariffs cost, as an exposure in money
        ("Our direct tariff exposure is about $250 million on an annualized basis, before mitigation.",
         "geopolitical"),
    ],
    ids=["gating-factor-long-subject", "limits-supply", "suppliers-stretched", "make-it-hard", "tariff-exposure"],
)  # fmt: skip
def test_warnings_the_passages_held(sentence: str, topic: str) -> None:
    assert verdicts(sentence).get(topic) == "negative"


# ... and their look-alikes, which are not warnings
@pytest.mark.parametrize(
    ("sentence", "topic", "allowed"),
    [
        ("We deliberately limit supply to protect pricing.", "supply_chain", (None, "neutral")),
        ("Our supply chain is stretched across 20 countries.", "supply_chain", (None, "neutral", "positive")),
        ("The tariff exposure of $250 million has been fully mitigated.", "geopolitical", ("neutral", "positive")),
        ("Our supply chain is not the gating factor; demand remains the gating factor.", "supply_chain",
         ("positive", "neutral")),
        ("We want to switch to domestic suppliers.", "supply_chain", ("neutral", "positive")),
    ],
    ids=["supply-discipline", "stretched-across", "exposure-mitigated", "demand-the-gating-factor", "want-to-switch"],
)  # fmt: skip
def test_look_alikes_of_the_passage_warnings(sentence: str, topic: str, allowed: tuple[str | None, ...]) -> None:
    assert verdicts(sentence).get(topic) in allowed


# An adversarial review of v0.30's fifth part (d8adc68; 199 probes written before the flagger ran: 119 right at the
# part before it, 97 at d8adc68, 138 now). d8adc68's checks for a contrast or a return looked to the end of the
# sentence for any "but", "still", "again" or "remain", so good news beside an unrelated clause read as a warning; now
# a relief is taken back only by the problem coming back (polarity.toml RETURNS) or by a contrast that says so
# (CONTRAST), not by one about competitors, demand or margins. In the comment: what v0.30 read.
@pytest.mark.parametrize(
    ("sentence", "topic", "verdict"),
    [
        # negative at v0.30
        ("The substrate shortage that limited our networking shipments last year has been resolved, although demand "
         "in PCs remains soft.", "supply_chain", "positive"),
        ("The bottlenecks in our supply chain are over, whereas several competitors are still struggling to get "
         "parts.", "supply_chain", "positive"),
        ("The resin shortage is over, and margins remain healthy.", "supply_chain", "positive"),
        ("Port congestion eased in January and has not returned.", "supply_chain", "positive"),
        ("Supply constraints eased again in the quarter, and lead times are now back to normal.", "supply_chain",
         "positive"),
        ("Freight inflation moderated in the quarter, and gross margin returned to 45%.", "supply_chain", "positive"),
        ("We expect supply to catch up with demand in the second half, though pricing should remain firm.",
         "supply_chain", "positive"),
        ("We exited allocation for most of our analog products, and lead times remain stable at eight weeks.",
         "supply_chain", "positive"),
        ("The shortages that persisted through most of last year have now been resolved.", "supply_chain", "positive"),
        ("Supply constraints ended at most of our plants by June.", "supply_chain", "positive"),
        # neutral at v0.30
        ("China lifted its ban on Micron products, which would restore our access to critical infrastructure "
         "customers.", "geopolitical", "positive"),
        ("Export controls had no material impact on our results while we continued to ship compliant products.",
         "geopolitical", "positive"),
        ("Our imports from Malaysia will stay tariff-free, which puts competitors sourcing from China at a "
         "disadvantage.", "geopolitical", "positive"),
        # ... and reversals that still take the relief back (good news at v0.30, or kept from v0.30's own tests)
        ("The supply constraints that had been resolved resurfaced in the fourth quarter.", "supply_chain", "negative"),
        ("Constraints that had eased in the first half tightened sharply in the third quarter.", "supply_chain",
         "negative"),
        ("The constraints went away briefly in March before returning in force in May.", "supply_chain", "negative"),
        ("We expect supply to catch up with demand, although probably not before 2026.", "supply_chain", "negative"),
        ("We exited allocation on our mainstream products, but high-end GPUs remain on allocation.", "supply_chain",
         "negative"),
        ("Until the bottlenecks at our test sites are resolved, we will remain supply constrained.", "supply_chain",
         "negative"),
        ("Freight inflation ended at roughly 8% for the full year.", "supply_chain", "negative"),
        ("Lifting the ban would add $500 million to our annual revenue.", "geopolitical", None),
        ("Mexican-made rivals come in tariff-free, putting our Asian-made lines at a disadvantage.", "geopolitical",
         "negative"),
    ],
    ids=["resolved-although-demand", "over-whereas-competitors", "over-margins-remain", "not-returned",
         "eased-again", "margin-returned", "catch-up-though-pricing", "allocation-lead-times-remain",
         "persisted-then-resolved", "ended-at-plants", "lifted-which-would", "no-impact-while-we-continued",
         "tariff-free-competitors-disadvantaged", "resurfaced", "tightened-sharply", "before-returning",
         "catch-up-although-not", "allocation-but-remain", "until-resolved-remain", "ended-at-8-percent",
         "lifting-would", "rivals-tariff-free"],
)  # fmt: skip
def test_reliefs_beside_other_news_and_reliefs_taken_back(sentence: str, topic: str, verdict: str | None) -> None:
    assert verdicts(sentence).get(topic) == verdict


# Stock above its normal level: the stock itself, now (d8adc68's cue read "above normal levels" anywhere, sure)
@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Distributor inventories in Europe are still above normal levels.", "negative"),
        ("Channel inventories remain elevated relative to normal levels.", "negative"),
        ("Channel inventory is no longer above normal levels.", "positive"),
        ("We brought channel inventory down from above normal levels to within our target range.", "positive"),
        ("Sell-through is running above seasonal levels, drawing down channel inventory.", "positive"),
        ("Inventory turns remain above historical levels.", "neutral"),
    ],
    ids=["still-above", "elevated-relative-to", "no-longer-above", "down-from-above", "sell-through-above",
         "turns-above"],
)  # fmt: skip
def test_stock_above_its_normal_level(sentence: str, verdict: str) -> None:
    assert verdicts(sentence).get("inventory") == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # a charge to write stock down to the lower of cost is a write-down; the policy alone is neutral
        ("We recorded a $120 million charge to write down inventory to the lower of cost or net realizable value, "
         "reflecting lower DRAM prices.", "negative"),
        ("We may need to write down our inventory to the lower of cost or market if memory prices keep falling.",
         "negative"),
        ("We write down inventory to the lower of cost or net realizable value.", "neutral"),
        # excess stock absorbed, in the present (d8adc68 dropped "is ... absorbed": a warning, sure)
        ("Excess channel inventory is now largely absorbed.", "positive"),
        ("Excess inventory in the channel is largely cleared.", "positive"),
        ("It will take several quarters before excess inventory at customers is absorbed.", "negative"),
        # customers optimizing stock (d8adc68 kept only "continue to optimize"), not software helping them
        ("As customers optimize inventory, we expect sell-in to lag sell-through in the first half.", "negative"),
        ("Our new planning software helps customers optimize their inventory across stores.", "neutral"),
        # days of inventory with no figure after it (d8adc68: no flag)
        ("Our DOI came down meaningfully in the quarter.", "positive"),
        ("DOI improved sequentially.", "positive"),
    ],
    ids=["charge-to-lower-of-cost", "may-need-to-write-down", "lower-of-cost-policy", "absorbed-present",
         "cleared-present", "before-absorbed", "customers-optimize", "software-optimize", "doi-came-down",
         "doi-improved"],
)  # fmt: skip
def test_inventory_readings_d8adc68_narrowed_too_far(sentence: str, verdict: str) -> None:
    assert verdicts(sentence).get("inventory") == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Beijing's restrictions on gallium exports have tightened supply of compound semiconductor substrates.",
         "negative"),
        ("Beijing tightened the rules on rare earth exports.", "negative"),
        ("Several of our license requests have been denied.", "negative"),
        # competitors' costs under tariffs are not ours (d8adc68: a warning, sure)
        ("Competitors' costs will rise as tariffs take effect, while our U.S.-made products are unaffected.",
         "neutral"),
    ],
    ids=["beijing-restrictions-on-exports", "beijing-tightened", "licence-requests-denied", "competitors-costs"],
)  # fmt: skip
def test_geopolitical_mentions_d8adc68_dropped_or_misread(sentence: str, verdict: str) -> None:
    assert verdicts(sentence).get("geopolitical") == verdict


def test_doi_of_the_department_of_the_interior_is_no_stock() -> None:
    assert verdicts("The DOI was expected to publish the offshore leasing rule in March.").get("inventory") is None


# An adversarial review of v0.31's first part (420403a; 199 probes: 111 right at v0.30, 97 at 420403a, 147 now).
# RETURNS took back reliefs on "come back", "recurring", "still with us"; CONTRAST on any later "still", "not" or
# "remain"; the policy cue missed "each quarter, we write down ..."; "above normal levels" needed a verb; DOI, Beijing
# and licence patterns reached the Department of the Interior, home purchases and software licences; a premise after
# "I wanted to ask about" was dropped. In the comment: what 420403a read.
@pytest.mark.parametrize(
    ("sentence", "topic", "verdict"),
    [
        # warnings at 420403a
        ("Supply constraints eased in the second quarter, and we do not expect them to come back.", "supply_chain",
         "positive"),
        ("Supply constraints have eased, and the customers we won during the shortage are still with us.",
         "supply_chain", "positive"),
        ("We exited allocation on most products, while lead times remain stable at around eight weeks.",
         "supply_chain", "positive"),
        ("The wafer shortage is over, but we are not changing our dual-sourcing strategy.", "supply_chain",
         "positive"),
        ("Component supply is in good shape and power is the gating factor for our customers.", "supply_chain",
         "positive"),
        ("Each quarter, we write down inventory to the lower of cost or net realizable value.", "inventory",
         "neutral"),
        # good news at 420403a
        ("Supply constraints eased in the second quarter and returned with a vengeance in the third.", "supply_chain",
         "negative"),
        ("The substrate shortage is over, although orders for our networking chips still run well ahead of what we "
         "can build.", "supply_chain", "negative"),
        ("Constraints persisted through the quarter and none were resolved.", "supply_chain", "negative"),
        ("Resin cost inflation ended at mid-single digits for the full year.", "supply_chain", "negative"),
        ("We're carrying inventory above normal levels as end demand softened.", "inventory", "negative"),
        ("Channel inventory was above normal levels a year ago and is now back within our target range.",
         "inventory", "positive"),
        # neutral at 420403a: a premise kept ("you took", "you've seen", "lost")
        ("I wanted to ask about the inventory write-down you took this quarter.", "inventory", "negative"),
        ("I wanted to ask about the improvement in Blackwell supply you've seen this quarter.", "supply_chain",
         "positive"),
        # others' costs, and ours too
        ("Competitors' costs are rising under the new tariffs, and so are ours.", "geopolitical", "negative"),
        ("My first question is on export controls.", "geopolitical", "neutral"),
    ],
    ids=["not-expect-to-come-back", "still-with-us", "while-remain-stable", "but-not-changing",
         "and-power-is-the-gating-factor", "each-quarter-policy", "returned-with-a-vengeance", "orders-ahead-of-build",
         "none-resolved", "ended-at-mid-single-digits", "carrying-above-normal", "a-year-ago-now-back",
         "premise-write-down", "premise-improvement", "so-are-ours", "first-question-is-on"],
)  # fmt: skip
def test_what_the_review_of_v031s_first_part_found(sentence: str, topic: str, verdict: str) -> None:
    assert verdicts(sentence).get(topic) == verdict


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("The DOI is reviewing our permit application for the lithium project.", "inventory"),
        ("The DOI remains committed to the lease sale schedule.", "inventory"),
        ("Beijing's restrictions on home purchases weighed on property developers.", "geopolitical"),
        ("Beijing tightened the rules on mortgage lending.", "geopolitical"),
        ("Customer license requests for our simulation tools were approved within two days.", "geopolitical"),
    ],
    ids=["doi-reviewing", "doi-committed", "beijing-home-purchases", "beijing-mortgages", "software-licences"],
)
def test_look_alikes_the_narrowed_patterns_no_longer_reach(sentence: str, topic: str) -> None:
    assert verdicts(sentence).get(topic) is None


# A relief awaited under "until" or "unless" is no relief (polarity._AWAITS; reading._NOT_A_DENIAL's awaited branch):
# all read as good news at v0.31's second part, the inventory ones sure. "Before" turns no good-news cue ("it won't be
# long before you see more regular resumption of ship traffic" is good news), but it keeps a "cannot" from being read
# as a denied shortage.
@pytest.mark.parametrize(
    ("sentence", "topic", "verdict"),
    [
        ("Until the CoWoS constraints are resolved, we will not be able to ship all the Blackwell systems our "
         "customers want.", "supply_chain", "negative"),
        ("Until excess inventory at customers has been absorbed, we expect our revenue to run below consumption.",
         "inventory", "negative"),
        ("We don't expect the excess inventory to be absorbed before the second half.", "inventory", "negative"),
        ("We cannot add more lines before the substrate shortages have been resolved.", "supply_chain", "negative"),
        ("Once the resin shortage ended in the spring, we were able to return to full production rates.",
         "supply_chain", "positive"),
        # soon, not a denial (polarity._NEGATOR: "won't be long" read as a negated catch-up, a warning)
        ("It won't be long before supply catches up with demand.", "supply_chain", "positive"),
    ],
    ids=["until-resolved", "until-absorbed", "not-absorbed-before", "cannot-before-resolved", "once-ended",
         "wont-be-long"],
)  # fmt: skip
def test_a_relief_awaited_is_no_relief(sentence: str, topic: str, verdict: str) -> None:
    assert verdicts(sentence).get(topic) == verdict


# A third adversarial review (of da9400c; 195 probes: 111 right at v0.30, 99 at da9400c, 144 now). RETURNS had taken
# back reliefs on "came back to about eight weeks", "continue through the holiday season", "currency is still an
# issue"; CONTRAST on "supply remains tight" beside stock absorbed and "orders remain short of last year's levels"; the
# policy cue on charges "reflecting weaker pricing"; "above normal levels" on a past peak; DOI on "declined to
# comment"; Beijing on "controls on internet platforms"; openers on a manager's "I want to come back to inventory:".
@pytest.mark.parametrize(
    ("sentence", "topic", "verdict"),
    [
        ("Supply constraints have eased, and lead times came back to about eight weeks.", "supply_chain", "positive"),
        ("Port congestion has eased, and we expect that trend to continue through the holiday season.",
         "supply_chain", "positive"),
        ("Supply constraints have eased, and we do not expect them to recur.", "supply_chain", "positive"),
        ("Constraints eased in the first half, and none have returned.", "supply_chain", "positive"),
        ("Excess channel inventory has been largely absorbed, though supply remains tight for our newest products.",
         "inventory", "positive"),
        ("Supply constraints have eased, while orders remain short of last year's levels.", "supply_chain",
         "positive"),
        ("We expect supply to catch up with demand in the second half, but we aren't there yet.",
         "supply_chain", "negative"),
        ("We continued to value our inventory at the lower of cost or net realizable value.", "inventory", "neutral"),
        ("We recorded charges to write down inventory to the lower of cost or net realizable value, reflecting weaker "
         "pricing.", "inventory", "negative"),
        ("Inventory peaked above normal levels in the spring and has since come down.", "inventory", "positive"),
        ("I want to come back to inventory: channel inventory is healthy and below normal levels heading into the "
         "launch.", "inventory", "positive"),
        ("I'd like to ask about export controls.", "geopolitical", "neutral"),
        ("Just a question on supply.", "supply_chain", "neutral"),
        ("Competitor costs are rising due to tariffs, but our costs are rising faster.", "geopolitical", "negative"),
    ],
    ids=["came-back-to-weeks", "trend-continue-through", "not-expect-to-recur", "none-returned",
         "absorbed-though-supply-tight", "orders-remain-short", "arent-there-yet", "continued-to-value",
         "charges-reflecting-weaker", "peaked-since-come-down", "manager-come-back-to", "id-like-to-ask",
         "just-a-question", "our-costs-faster"],
)  # fmt: skip
def test_what_the_review_of_v031s_second_part_found(sentence: str, topic: str, verdict: str) -> None:
    assert verdicts(sentence).get(topic) == verdict


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("The DOI declined to comment on the timing of the lease sale.", "inventory"),
        ("The DOI was down to a skeleton staff during the shutdown.", "inventory"),
        ("Beijing tightened controls on internet platforms last year.", "geopolitical"),
    ],
    ids=["doi-declined-to-comment", "doi-skeleton-staff", "beijing-internet-platforms"],
)
def test_look_alikes_the_third_review_found(sentence: str, topic: str) -> None:
    assert verdicts(sentence).get(topic) is None
