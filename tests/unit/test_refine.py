"""The learned second pass: what it may change, and that it stays deterministic and cheap."""

from __future__ import annotations

import json

from watchdesk.agents.flagging.flag import flag_text, rule_verdicts
from watchdesk.agents.flagging.refine import Refiner, default_refiner, is_candidate, looked_at
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.topic_spec import TopicSpec
from watchdesk.agents.flagging.topics import load_topics

TEXT = (
    "Embedded segment revenue was $927 million, down 25% year-over-year as customers continue to normalize their "
    "inventory levels. Supply remains tight and lead times have extended. We opened a new fab in Arizona. "
    "Water scarcity worsened at our plant."
)


def test_shipped_refiner_covers_the_three_core_topics_only() -> None:
    refiner = default_refiner()
    assert refiner is not None and set(refiner.topics) == {"inventory", "supply_chain", "geopolitical"}


def test_watchlist_topics_keep_the_rules_verdicts() -> None:
    water = TopicSpec(name="water", label="Water", phrases=["water scarcity"])
    lib = load_topics(["inventory", "supply_chain", "water"], extra=[water])
    refined = [f for f in flag_text(TEXT, topics=lib) if f.topic == "water"]
    rules = [f for f in flag_text(TEXT, topics=lib, refine=False) if f.topic == "water"]
    assert refined == rules and len(rules) == 1


def test_refine_false_is_the_rules_alone_and_refined_flags_are_well_formed() -> None:
    lib = load_topics(["inventory", "supply_chain", "geopolitical"])
    spans = split_sentences(TEXT)
    rules = rule_verdicts(TEXT, spans, lib)
    plain = {(f.topic, f.start): f.polarity for f in flag_text(TEXT, topics=lib, refine=False)}
    assert plain == {(t, spans[i][0]): v[0] for t, found in rules.items() for i, v in found.items()}
    refined = flag_text(TEXT, topics=lib)
    assert {(f.topic, f.polarity) for f in refined} >= {("inventory", "negative"), ("supply_chain", "negative")}
    for f in refined:
        assert TEXT[f.start : f.end] == f.sentence and -1.0 <= f.score <= 1.0
    assert flag_text(TEXT, topics=lib) == refined  # deterministic


def test_only_candidates_and_rule_flags_are_scored() -> None:
    sentences = ["We thank everyone for joining.", "Inventory days came down.", "Great quarter overall."]
    assert [is_candidate(s) for s in sentences] == [False, True, False]
    assert looked_at(sentences, {"supply_chain": {2: ("positive", 0.5)}}) == [1, 2]


def test_a_refiner_round_trips_through_json() -> None:
    data = {"version": "t", "topics": {"inventory": {
        "presence": {"w:inventory": 3.0}, "presence_bias": -1.0, "threshold": 0.5,
        "polarity": {"w:down": [1.0, -1.0, 0.0]}, "polarity_bias": [0.0, 0.0, 0.5]}}}  # fmt: skip
    refiner = Refiner.from_json(json.loads(json.dumps(data)))
    out = refiner.refine(["Inventory came down.", "Hello there."], {"inventory": {}})
    assert out["inventory"] == {0: ("positive", out["inventory"][0][1])} and out["inventory"][0][1] > 0


def test_the_split_candidate_scan_finds_what_the_one_regex_finds() -> None:
    """is_candidate runs CANDIDATE as two regexes (for speed): same answer on hits, edges and near misses."""
    from watchdesk.agents.flagging.candidate import CANDIDATE

    cases = [*TEXT.split(". "), "Ports closed.", "airports closed", "the war ended", "software", "Stockholm",
             "in stock", "lean", "clean rooms", "rules apply", "overruled", "no topic here", "tariffs", ""]  # fmt: skip
    for sentence in cases:
        assert is_candidate(sentence) == (CANDIDATE.search(sentence.lower()) is not None), sentence
