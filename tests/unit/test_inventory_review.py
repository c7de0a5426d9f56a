"""Flagging v0.30: inventory misreadings a helper's review of v0.29 found (170 written probes in the style of
semiconductor, hardware, industrial and retail calls, each verdict decided by the rubric, fixtures/labels/README.md,
before the flagger was run; 104 right at v0.29).

Each case below was wrong at v0.29, most of them marked sure. The fixes are cues in polarity.toml and topics.toml and
one word of the negation reading (polarity._NEGATOR: "reluctant to", "hesitant to", "unwilling to"); none changes a
verdict on any labelled call, filing or news set.
"""

from __future__ import annotations

from functools import cache

import pytest

from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.topics import TopicLibrary, load_topics


@cache
def _topics() -> TopicLibrary:
    return load_topics(("inventory", "supply_chain", "geopolitical"))


def _inventory(sentence: str) -> str | None:
    return {f.topic: f.polarity for f in flag_text(sentence, topics=_topics())}.get("inventory")


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
