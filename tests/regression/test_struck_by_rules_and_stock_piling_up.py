"""Flagging v0.33, from a review of v0.32's output: "Apple hit by sanctions." read as a neutral geopolitical mention
(sure), and "Apple inventory of iPhones piles up in China warehouses" as neutral inventory. A company struck by the
rules themselves, and stock piling up, are warnings. Every labelled set (calls test/tune/fresh/dev, the four filing
sets, the news sets and the written blind set) gives identical output before and after."""

from __future__ import annotations

import pytest

from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.topics import load_topics


@pytest.mark.parametrize(("sentence", "topic"), [
    ("Apple hit by sanctions.", "geopolitical"),
    ("Huawei was hit by new U.S. export controls.", "geopolitical"),
    ("The company was squeezed by fresh tariffs on its imports.", "geopolitical"),
    ("Apple inventory of iPhones piles up in China warehouses.", "inventory"),
    ("Channel inventory piled up at distributors during the quarter.", "inventory"),
])  # fmt: skip
def test_read_as_warnings(sentence: str, topic: str) -> None:
    flags = [f for f in flag_text(sentence, topics=load_topics([topic])) if f.topic == topic]
    assert flags and flags[0].polarity == "negative", flags


def test_relief_from_the_rules_is_still_good_news() -> None:
    core = load_topics(["geopolitical"])
    assert [f.polarity for f in flag_text("Tariffs on our imports were lifted in May.", topics=core)] == ["positive"]
