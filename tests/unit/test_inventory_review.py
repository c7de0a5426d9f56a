"""Flagging v0.30: inventory misreadings a helper's review of v0.29 found (170 written probes in the style of
semiconductor, hardware, industrial and retail calls, each verdict decided by the rubric, fixtures/labels/README.md,
before the flagger was run; 104 right at v0.29).

Each case below was wrong at v0.29, most of them marked sure. The fixes are cues in polarity.toml and topics.toml and
a negation of the verb right after "reluctant to", "hesitant to" or "unwilling to" (polarity._NEGATOR); none changes
a verdict on any labelled call, filing or news set.
"""

from __future__ import annotations

import pytest

from tests.flag_verdicts import verdicts


def _inventory(sentence: str) -> str | None:
    return verdicts(sentence).get("inventory")


@pytest.mark.parametrize(
    ("sentence", "verdict", "was"),
    [
        # a correction over, with a relative clause between (rubric: a correction ending is good news)
        ("The destocking that hurt us through most of last year has now run its course.", "positive", "negative"),
        # smaller than feared (rubric 5: "an effect smaller than feared")
        ("The inventory correction was shallower than we feared.", "positive", "negative"),
        # excess taken up
        ("Excess inventory in the channel has been largely absorbed.", "positive", "negative"),
        # too much stock denied, and said in other words
        ("Customers are not overstocked.", "positive", "neutral"),
        ("We had too much inventory in home goods and too little in apparel.", "negative", "neutral"),
        # a write-down in the present tense (rubric 6.3: an inventory charge is an inventory warning)
        ("Export controls forced us to write down $500 million of H20 inventory.", "negative", "neutral"),
        # customers still cutting their stock buy less
        ("We continue to see customers optimizing inventory levels, which is dampening order intake.", "negative",
         "neutral"),
        # restocking held back is no restocking
        ("Customers are reluctant to restock given macro uncertainty.", "negative", "positive"),
        # DOI, which the rubric names beside DIO
        ("DOI was 120 days, down from 135.", "positive", None),
    ],
    ids=["relative-clause-run-its-course", "shallower-than-feared", "excess-absorbed", "not-overstocked",
         "too-much-inventory", "write-down-present", "customers-optimizing", "reluctant-to-restock", "doi"],
)  # fmt: skip
def test_inventory_misreadings_of_the_v0_29_review(sentence: str, verdict: str, was: str | None) -> None:
    assert _inventory(sentence) == verdict


def test_taking_stock_of_something_else_is_no_inventory_mention() -> None:
    assert _inventory("We took inventory of our product roadmap and decided to exit two legacy lines.") is None
    assert _inventory("Inventory of finished goods rose to $2 billion.") is not None


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Customers have built excess inventory.", "negative"),
        ("Customers are overstocked.", "negative"),
        ("Channel inventory is healthy.", "positive"),
        ("Customers are restocking.", "positive"),
    ],
)
def test_the_plain_readings_still_hold(sentence: str, verdict: str) -> None:
    assert _inventory(sentence) == verdict


# A second review (of v0.30's first commit, 145 probes built to break it) found what those readings over-reached; each
# of these read wrongly there, most marked sure
@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # charges and costs of excess stock are no stock taken up
        ("Excess inventory charges were absorbed in the quarter, reducing gross margin by 200 basis points.",
         "negative"),
        ("Excess inventory should be largely absorbed by the end of the year.", "positive"),
        # a note taken is no write-down; a write-down denied is good news
        ("We ask every plant manager to write down the inventory count by hand at quarter end.", "neutral"),
        # reported speech or a negation inside the relative clause
        ("The inventory correction that we said has run its course is back.", "negative"),
        ("The destocking which analysts claim is behind us is not behind us.", "negative"),
        # "smaller than feared" only of a harm, and not when denied
        ("The inventory reduction was smaller than we expected, leaving DIO elevated at 150 days.", "neutral"),
        ("The inventory correction was not milder than we feared; it was worse.", "negative"),
        # "too many" business units are no stock
        ("Inventory is in good shape, but we still have too many business units, so we are consolidating.",
         "positive"),
        # a stock count is a stock count
        ("We took inventory of every chip in our warehouses and found $50 million of obsolete product.", "negative"),
        ("Customers are over-inventoried.", "negative"),
    ],
    ids=["excess-charges-absorbed", "excess-to-be-absorbed", "write-down-a-count", "said-has-run-its-course",
         "claim-is-behind-us", "smaller-reduction", "not-milder", "too-many-units", "stock-count", "over-inventoried"],
)  # fmt: skip
def test_what_the_second_review_found(sentence: str, verdict: str) -> None:
    assert _inventory(sentence) == verdict


@pytest.mark.parametrize(
    "sentence",
    [
        "The DOI critical minerals list now includes gallium and germanium, which China restricts.",
        "See doi:10.1234/abcd for the methodology behind our supply chain index.",
        "Each paper we publish with our foundry partner gets a DOI.",
    ],
    ids=["department-of-the-interior", "doi-link", "digital-object-identifier"],
)
def test_doi_is_days_of_inventory_only_as_a_figure(sentence: str) -> None:
    assert _inventory(sentence) is None
