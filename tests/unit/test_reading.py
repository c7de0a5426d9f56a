"""The refiner's closer-reading features (reading.py) name what word and word-pair features cannot see."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from watchdesk.agents.flagging.refine import text_features


def reading(sentence: str) -> set[str]:
    return {n for n in text_features(sentence, "neutral") if n.startswith("K:")}


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Thus, we do not foresee any bottlenecks to our capacity expansion plans.", "K:not-bad"),
        ("We intend to draw down our inventory to support our revenue growth in fiscal 2025.", "K:stock-down"),
        ("Inventory days increased 7 days to 87 days.", "K:stock-up"),
        ("Demand for Blackwell platforms is well above supply.", "K:supply-ahead"),
        ("Is the 25 number a supply constraint number?", "K:question-plain"),
        ("Given the supply constraints, how should we think about the second half?", "K:question-built"),
        ("My question though was that I wanted to talk a little bit about North America supply chain.", "K:opener"),
        ("And so with all of the new products, demand is greater than supply.", "K:demand-over-supply"),
        ("From a full year standpoint, our $4 billion number is not supply capped.", "K:supply-over-need"),
        ("The supply-demand setup is quite good.", "K:balance"),
        ("We are pleased to report that the actual impact was at the lower end of that range.", "K:less-than-feared"),
        ("We've utilized other ports across the country to try to release some of the congestion.", "K:effort"),
        ("It's more that they have built inventory.", "K:stock-up"),
        ("Without the delivery challenges, Military revenue growth would have been high single-digits this quarter.",
         "K:counterfactual"),
        ("Our supply chain is just doing an incredible job for us.", "K:praise"),
        ("We are actively working with our customers to pass on some of those cost increases.", "K:cost-pass"),
        ("But we don't expect those supply chain challenges to go away as we go into the start of next year.",
         "K:relief-denied"),
        ("So is the $4 billion number a supply-constrained number, or is it a demand-constrained number?",
         "K:question-or"),
        ("We anticipate carrying some excess inventory where possible to manage supply chain concerns.",
         "K:own-buffer"),
        # flagging v0.10: whose stock and which way
        ("Those customers have purchased and built some inventory.", "K:their-stock-up"),
        ("Our outlook is impacted by inventory adjustments in consumer-oriented markets.", "K:their-stock-cutting"),
        ("Revenue growth was due to reduced customer inventories.", "K:stock-came-down"),
        ("We deploy lean to decrease inventory and costs.", "K:own-stock-managed"),
        ("We had out-of-stocks and less replenishment at retail.", "K:stock-run-out"),
    ],
)
def test_relations_between_words_are_named(sentence: str, named: str) -> None:
    assert named in reading(sentence)


def test_the_supply_demand_balance_as_a_market_state_is_never_good_news() -> None:
    from watchdesk.agents.flagging.refine import _read_closer

    assert _read_closer("The supply-demand setup is quite good.", ("positive", 0.8)) == ("neutral", 0.0)
    assert _read_closer("Supply-demand balance tightened further.", ("negative", -0.8)) == ("negative", -0.8)
    assert _read_closer("Supply and availability have improved.", ("positive", 0.8)) == ("positive", 0.8)


@pytest.mark.parametrize(
    ("sentence", "topic", "polarity", "settled"),
    [
        ("So is the $4 billion number a supply-constrained number, or is it a demand-constrained number?",
         "supply_chain", "negative", "neutral"),
        ("Is that still in the works, or given all the bottlenecks, would we expect it later?",
         "supply_chain", "negative", None),
        ("We expect the demand will continue to be stronger than our supply provides through the year.",
         "supply_chain", "positive", "negative"),
        ("We expect the demand will continue to be stronger than our supply provides through the year.",
         "inventory", "positive", None),
        ("Without the delivery challenges, Military revenue growth would have been high single-digits.",
         "supply_chain", "positive", "negative"),
    ],
)  # fmt: skip
def test_the_rubric_settles_what_a_relation_names(sentence: str, topic: str, polarity: str, settled: str) -> None:
    from watchdesk.agents.flagging.settled import rubric_verdict

    assert rubric_verdict(sentence.lower(), polarity, topic=topic) == settled


def test_short_stems_match_whole_words_only() -> None:
    assert reading("Leading-edge upside supports the update.") == set()  # not "lead", "up" or "support"


def test_a_relation_never_matches_without_the_text_it_needs(shared_fixtures: Path) -> None:
    """reading._NEEDS lets a sentence skip a relation's regex: that must never drop a match."""
    from watchdesk.agents.flagging.reading import _NEEDS, _RELATIONS, holds

    folder = shared_fixtures / "transcripts" / "plaintext_2023_2025"
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))).lower()
    sentences = [
        *re.split(r"(?<=[.!?])\s+", text),
        "if we had more supply we would ship it", "we are not supply-constrained", "supply/demand balance",
        "favoring the demand side", "at the lower end of that range", "continuing to work with suppliers",
        "demand is well above our ability to ship", "demand far exceeds capacity", "we are undersupplied",
        "supply simply cannot keep up", "the demand-supply gap", "sold out", "oversubscribed",
        "supply is ahead of demand",
        "supply is significantly beyond our needs", "a healthy supply-demand", "had more supply",
        "without the delivery challenges, growth would have been higher", "our suppliers did a great job",
        "working with customers to pass on some of those cost increases", "we don't expect them to go away",
        "we anticipate carrying some excess inventory", "those customers have built some inventory",
        "customers continue to reduce their inventory", "impacted by inventory adjustments",
        "due to reduced customer inventories", "customer inventories should get back to normal levels",
        "we remain focused on managing our inventory", "we had out-of-stocks", "less replenishment by retailers",
        "our inventory was depleted", "excess inventory out there", "sell-in is less than sell-out",
    ]  # fmt: skip
    for name, pattern in _RELATIONS:
        matched = [s for s in sentences if pattern.search(s)]
        assert matched, name  # each relation is exercised
        assert all(holds(s, _NEEDS[name]) for s in matched), name


def test_kinds_are_the_stems_that_match_each_word(shared_fixtures: Path) -> None:
    """_kinds() runs the stems as whole-word sets and start tuples: the kinds _matches() gives, word for word."""
    from watchdesk.agents.flagging.reading import _STEMS, _kinds, _matches

    folder = shared_fixtures / "transcripts" / "plaintext_2023_2025"
    text = " ".join(p.read_text(encoding="utf-8") for p in folder.glob("*.txt")).lower()
    words = set(re.findall(r"[a-z0-9'\-]+", text))
    words |= {s.rstrip("$") + tail for stems in _STEMS.values() for s in stems for tail in ("", "s", "x")}
    for word in words:
        assert _kinds(word) == tuple(k for k, stems in _STEMS.items() if any(_matches(word, s) for s in stems)), word


def test_the_opener_never_matches_without_the_text_it_needs(shared_fixtures: Path) -> None:
    from watchdesk.agents.flagging.reading import _OPENER, _OPENER_NEEDS

    folder = shared_fixtures / "transcripts" / "plaintext_2023_2025"
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))).lower()
    asks = ["let me turn to china", "on the subject of tariffs", "a question on"]
    sentences = [*re.split(r"(?<=[.!?])\s+", text), *asks]
    matched = [s for s in sentences if _OPENER.search(s)]
    assert len(matched) > 20
    assert all(any(need in s for need in _OPENER_NEEDS) for s in matched)
