"""Flagging v0.30: supply-chain misreadings a helper's review of v0.29 found (161 written probes in the style of chip,
hardware, auto, industrial and retail calls, each verdict decided by the rubric, fixtures/labels/README.md, before
the flagger was run; 75 of the 139 the rubric settles right at v0.29).

Each case below was wrong at v0.29. The fixes are cues in polarity.toml and topics.toml. On the labelled sets the only
verdict that changes is one of the fresh held-out calls (Helen of Troy: "sales were limited by supply constraints
which have largely been resolved", a warning before, now good news as labelled): fresh supply-chain polarity 0.758 ->
0.769. What the review found and v0.30 leaves: mentions with no supply word ("Low yields on the new packaging flow
are holding back shipments", "we could have shipped a lot more if we'd had the parts"), a result claimed despite a
shortage, and questions that presuppose a direction.
"""

from __future__ import annotations

import pytest

from tests.flag_verdicts import verdicts


def _supply(sentence: str, *, refine: bool = True) -> str | None:
    return verdicts(sentence, refine=refine).get("supply_chain")


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # a problem over, after a relative clause or in other words (rubric: easing is good news)
        ("The supply disruptions that hurt us last year are now fully behind us.", "positive"),
        ("The constraints we talked about last quarter have largely been resolved.", "positive"),
        ("Last year's logistics bottlenecks are a thing of the past.", "positive"),
        ("Once the resin shortage ended in the spring, we were able to return to full production rates.", "positive"),
        ("Raw material inflation moderated in the quarter.", "positive"),
        ("We've exited allocation on all product lines and are back to normal order fulfillment.", "positive"),
        # supply catching up with demand, and no limit
        ("We expect supply to catch up with demand sometime in the second half.", "positive"),
        ("Supply is not going to be a limiting factor for us next year.", "positive"),
        # lead times, with the parts named between
        ("Lead times on some of our power management ICs have pushed out again, in a few cases past 52 weeks.",
         "negative"),
        ("Lead times for our own products have come down to about eight weeks.", "positive"),
        ("We're seeing lead times come in across most of our component categories.", "positive"),
        # sold out in other words, not enough of it, or the limit (rubric 6.1: negative even when framed as good)
        ("Our HBM supply for calendar 2025 is fully booked, and pricing is locked in for the year.", "negative"),
        ("There's simply not enough 2.5D packaging capacity in the industry today.", "negative"),
        ("the co-wos supply is still the limiter for us into next year", "negative"),
        # capacity added to meet demand
        ("We are doubling our CoWoS capacity again next year to keep pace with customer demand.", "positive"),
        # input costs that did not move are a plain fact
        ("Input costs were roughly flat sequentially.", "neutral"),
    ],
    ids=["behind-us-relative", "resolved-relative", "thing-of-the-past", "shortage-ended", "inflation-moderated",
         "exited-allocation", "catch-up", "not-a-limiting-factor", "lead-times-pushed-out", "lead-times-came-down",
         "lead-times-come-in", "fully-booked", "not-enough-capacity", "the-limiter", "doubling-capacity",
         "input-costs-flat"],
)  # fmt: skip
def test_supply_misreadings_of_the_v0_29_review(sentence: str, verdict: str) -> None:
    assert _supply(sentence) == verdict


@pytest.mark.parametrize(
    "sentence",
    [
        "IT budgets remain constrained, particularly among small and midsize businesses.",
        "Consumers remain constrained by higher interest rates.",
        "We are capacity constrained in our sales organization and plan to hire 300 reps.",
        "Revenue from our supply chain management suite grew 22%, led by warehouse optimization modules.",
    ],
    ids=["budgets", "consumers", "sales-capacity", "software-suite"],
)
def test_buyers_short_of_money_and_software_are_no_supply_mention(sentence: str) -> None:
    assert _supply(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Supply has not caught up with demand.", "negative"),
        ("We don't expect supply to catch up with demand until 2026.", "negative"),
        ("The shortages have not gone away.", "negative"),
        ("The constraints we talked about last quarter have not been resolved.", "negative"),
        ("Customers' supply is constrained.", "negative"),
    ],
)
def test_the_same_words_denied_stay_warnings(sentence: str, verdict: str) -> None:
    assert _supply(sentence) == verdict


def test_a_relief_the_speaker_denies_is_a_warning() -> None:
    """The rules read it so since dd491f0; the learned pass followed only once the denial rule (reading.py
    _NOT_A_DENIAL) stopped taking a denied relief for a denied problem."""
    assert _supply("I wouldn't say the constraints have gone away.") == "negative"
    assert _supply("I'd say the constraints have gone away.") == "positive"


# A second review (145 probes built to break v0.30's first commit): the negators it added reached over "despite" and
# "given", and "smaller than expected" read any smaller thing as good news
@pytest.mark.parametrize(
    ("sentence", "topic", "verdict"),
    [
        ("Suppliers are reluctant to raise prices despite tight supply.", "supply_chain", "negative"),
        ("Customers are reluctant to order given tariff uncertainty.", "geopolitical", "negative"),
        ("Our China data center business was smaller than expected because of the export controls.", "geopolitical",
         "negative"),
        ("The supply recovery was shorter than we expected, and shortages returned in June.", "supply_chain",
         "negative"),
        ("The impact of the new export controls was smaller than we feared.", "geopolitical", "positive"),
        ("Lead times were shorter than we expected.", "supply_chain", "positive"),
        # a licence denied earlier and approved now, and a grant with a "not" later, are good news
        ("License applications that Commerce had rejected in April were approved in July.", "geopolitical",
         "positive"),
        ("Export licenses were granted for shipments we could not otherwise have made.", "geopolitical", "positive"),
        ("Export licenses for our data center GPUs to China were denied.", "geopolitical", "negative"),
    ],
    ids=["reluctant-despite", "reluctant-given", "business-smaller", "recovery-shorter", "impact-smaller",
         "lead-times-shorter", "rejected-then-approved", "granted-could-not", "denied-long-subject"],
)  # fmt: skip
def test_what_the_second_review_found(sentence: str, topic: str, verdict: str) -> None:
    assert verdicts(sentence).get(topic) == verdict


# A third review (163 probes built to break dd491f0: v0.29 73 right, dd491f0 81): the long gaps took in reported
# speech and belief, "ended up" read as an ending, "smaller than expected" of a decline, "the limiting factor" of
# anything, "come in higher", doubled prices, "ran out of allocation", conference rooms fully booked, and a denied
# relief ("I don't think the shortage is over") read as a problem denied
@pytest.mark.parametrize(
    ("sentence", "topic", "verdict"),
    [
        ("The supply constraints that we were told had been resolved are still with us.", "supply_chain", "negative"),
        ("Bottlenecks we believed had been resolved reappeared in May.", "supply_chain", "negative"),
        ("Supply is unlikely to catch up with demand before late next year.", "supply_chain", "negative"),
        ("Supply will catch up with demand eventually, but not this year.", "supply_chain", "negative"),
        ("The decline in inventory was smaller than expected.", "inventory", "negative"),
        ("Lead times for new customers have come in higher than expected.", "supply_chain", "neutral"),
        ("Tariffs ended up adding about 50 basis points to our cost of goods.", "geopolitical", "negative"),
        ("Supply constraints ended the year as the biggest drag on revenue.", "supply_chain", "negative"),
        ("Input costs were flat at elevated levels.", "supply_chain", "negative"),
        ("I think the shortage is over.", "supply_chain", "positive"),
        ("I don't think the shortage is over.", "supply_chain", "negative"),
        ("We don't believe the constraints have eased.", "supply_chain", "negative"),
        ("I wouldn't say the tariff headwinds are behind us.", "geopolitical", "negative"),
        ("I would not say the inventory correction is over yet.", "inventory", "negative"),
        ("We do not see any shortages.", "supply_chain", "positive"),
    ],
    ids=["told-resolved", "believed-resolved", "unlikely-to-catch-up", "catch-up-but-not-this-year",
         "decline-smaller", "come-in-higher", "ended-up", "ended-the-year", "flat-at-elevated", "think-over",
         "dont-think-over", "dont-believe-eased", "wouldnt-say-behind-us", "would-not-say-over", "no-shortages"],
)  # fmt: skip
def test_what_the_third_review_found(sentence: str, topic: str, verdict: str) -> None:
    assert verdicts(sentence).get(topic) == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Suppliers are doubling supply prices on legacy nodes.", "neutral"),
        ("We ran out of allocation from our foundry partner.", "neutral"),
        ("Our conference rooms were fully booked for supplier day.", "neutral"),
        ("Lead times for closing large enterprise deals have extended.", None),
    ],
    ids=["doubling-prices", "ran-out-of-allocation", "conference-rooms", "deal-lead-times"],
)
def test_look_alikes_of_the_new_supply_cues_are_no_good_or_bad_news(sentence: str, verdict: str | None) -> None:
    assert _supply(sentence) == verdict


# A review of whole written call passages (six passages, 186 mentions labelled by the rubric before the flagger ran:
# 103 found, polarity right on 70; most misses are follow-ups with no topic word, left to the LLM judge)
@pytest.mark.parametrize(
    ("sentence", "topic", "verdict"),
    [
        ("Distributor inventories in Europe are still above normal levels, and we expect that to weigh on the first "
         "half.", "inventory", "negative"),
        ("Channel inventory is back to normal levels.", "inventory", "positive"),
        ("We expect industry bit supply growth to lag demand growth in 2025.", "supply_chain", "negative"),
        ("The government recently tightened the rules on shipping advanced-node wafers to certain Chinese customers.",
         "geopolitical", "negative"),
        ("Our import costs will rise as tariffs on goods from China, Vietnam and other countries take effect.",
         "geopolitical", "negative"),
    ],
    ids=["above-normal-levels", "back-to-normal", "supply-lags-demand", "rules-tightened", "costs-rise-as-tariffs"],
)  # fmt: skip
def test_what_the_passage_review_found(sentence: str, topic: str, verdict: str) -> None:
    assert verdicts(sentence).get(topic) == verdict


# A fourth adversarial review (189 probes over the whole v0.30 diff: 104 right at 905d71c, 127 now): reliefs before
# "until", reversed ("have returned", "before returning") or beside a contrast; catch-up with "although"; absorbed
# "before"; "ended at 8%"; "no milder"; Beijing's traffic rules and offices; enterprise licence requests; "the DOI was
# expected"; tariff-free "no longer"; the lower-of-cost policy read as a write-down; software that "helps customers
# optimize"; others' "no material impact"
@pytest.mark.parametrize(
    ("sentence", "topic", "verdict"),
    [
        ("Until the bottlenecks at our test sites are resolved, we will remain supply constrained.", "supply_chain",
         "negative"),
        ("The constraints went away briefly in March before returning in force in May.", "supply_chain", "negative"),
        ("Once the resin shortage ended in the spring, we were able to return to full production rates.",
         "supply_chain", "positive"),
        ("We expect supply to catch up with demand, although probably not before 2026.", "supply_chain", "negative"),
        ("We don't expect supply to catch up with demand until 2026.", "supply_chain", "negative"),
        ("It will take several quarters before excess inventory at customers is absorbed.", "inventory", "negative"),
        ("We expect excess channel inventory to be absorbed by the end of the year.", "inventory", "positive"),
        ("The inventory correction has been no milder than we feared.", "inventory", "negative"),
        ("We write down inventory to the lower of cost or net realizable value.", "inventory", "neutral"),
        ("Customers continue to optimize their inventory levels.", "inventory", "negative"),
        ("Our new planning software helps customers optimize their inventory across stores.", "inventory", "neutral"),
        ("Goods from Vietnam are no longer tariff-free.", "geopolitical", "negative"),
        ("Beijing restricted exports of gallium and germanium.", "geopolitical", "negative"),
        ("DOI was 120 days, down from 135.", "inventory", "positive"),
    ],
    ids=["until-resolved", "went-away-before-returning", "ended-then-return-to-production", "catch-up-although",
         "dont-expect-catch-up-until", "before-absorbed", "to-be-absorbed", "no-milder", "lower-of-cost-policy",
         "continue-to-optimize", "software-optimize", "no-longer-tariff-free", "beijing-restricted-exports",
         "doi-figure"],
)  # fmt: skip
def test_what_the_fourth_review_found(sentence: str, topic: str, verdict: str) -> None:
    assert verdicts(sentence).get(topic) == verdict


@pytest.mark.parametrize(
    "sentence",
    [
        "Our Beijing design center was closed for two weeks during the Lunar New Year holiday.",
        "Beijing's traffic restrictions slowed deliveries within the city.",
        "License requests from our enterprise customers were approved faster this quarter thanks to the new "
        "self-service portal.",
        "Unlike our competitors, who have reported no material impact, we took a large charge.",
    ],
    ids=["beijing-office", "beijing-traffic", "enterprise-licences", "competitors-no-impact"],
)
def test_no_geopolitical_good_news_from_look_alikes(sentence: str) -> None:
    assert verdicts(sentence).get("geopolitical") in (None, "negative")
