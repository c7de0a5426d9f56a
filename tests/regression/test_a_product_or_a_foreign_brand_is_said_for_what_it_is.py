"""Bug (goals6's review): names that are no company SEC lists were not said for what they are. "Watch Puma for tariff
risks" stopped with "'Puma' is not a company in SEC's ticker map; close matches: none (a product or brand? ...)" and
"Watch Puma SE" watched Puma Biotechnology (PBYI); "Watch Llama" stopped the same way, and "Watch Meta for Llama
adoption" flagged the phrase without a word of what Llama is; "track tesla robotaxi and fsd" watched Tesla and said
"'robotaxi': not understood, ignored", "'fsd': not understood, ignored" (the default topics flagged instead), while
"Watch TSLA for Robotaxi and FSD updates" read FSD as a First Trust fund's ticker. Now PUMA SE is said to be the German
sportswear maker SEC does not list (with Puma Biotechnology's ticker, for whoever meant it), and a product
(aliases.toml [products]: Llama, Robotaxi, FSD) is read as its maker, said to be a product, and flagged as a topic in
its maker's documents, in any case."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 7)
PUMA = ("(PUMA SE, the German sportswear maker; Puma Biotechnology is PBYI) is not listed with SEC (no ticker to "
        "watch)")


@pytest.mark.parametrize(("goal", "said"), [
    ("Watch Puma for tariff risks", f"'Puma': Puma {PUMA}"),
    ("Watch Puma SE", f"'Puma SE': Puma SE {PUMA}"),
    ("Watch Nike and Puma for tariffs", f"'Puma': Puma {PUMA}"),
])  # fmt: skip
def test_puma_is_said_to_be_the_sportswear_maker_sec_does_not_list(goal: str, said: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_goal(goal, as_of=DAY)
    assert f"  - {said}" in str(raised.value)
    assert "is not listed with SEC: it files no 10-K, 10-Q or 20-F there" in str(raised.value)


def test_puma_as_context_is_the_goals_words() -> None:
    plan = parse_goal("Watch Nike for Puma competition", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["NKE"]
    assert [c.label for c in plan.watchlist.topics.custom] == ["Puma competition"]


@pytest.mark.parametrize(("goal", "tickers", "labels"), [
    ("track tesla robotaxi and fsd", ["TSLA"], ["robotaxi", "fsd"]),
    ("Track Tesla Robotaxi and FSD", ["TSLA"], ["Robotaxi", "FSD"]),
    ("watch tesla for robotaxi and fsd", ["TSLA"], ["robotaxi", "fsd"]),
    ("Watch TSLA for Robotaxi and FSD", ["TSLA"], ["Robotaxi", "FSD"]),
    ("watch robotaxi and fsd", ["TSLA"], ["robotaxi", "fsd"]),
    ("Watch Llama", ["META"], ["Llama"]),
    ("Watch Meta for Llama adoption", ["META"], ["Llama adoption"]),
    ("Watch Llama adoption", ["META"], ["Llama adoption"]),
])  # fmt: skip
def test_a_product_is_watched_with_its_maker_and_flagged(goal: str, tickers: list[str], labels: list[str]) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == tickers, plan.decisions
    assert [c.label for c in plan.watchlist.topics.custom] == labels, plan.decisions
    assert not plan.watchlist.topics.watch, plan.decisions  # not the default topics
    assert not plan.not_understood, plan.not_understood


def test_the_decision_says_it_is_a_product() -> None:
    decisions = parse_goal("Watch Llama", as_of=DAY).decisions
    assert ("company 'Llama' -> META (Meta Platforms, Inc., CIK 1326801) by alias: Llama is Meta's family of AI "
            "models, a product, not a company: META's filings and calls report it") in decisions, decisions


def test_a_product_named_as_context_watches_no_maker() -> None:
    plan = parse_goal("Watch NVDA for Llama demand", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["NVDA"]


@pytest.mark.parametrize(("goal", "tickers", "labels"), [
    ("watch uber, lyft for robotaxi", ["UBER", "LYFT"], ["robotaxi"]),
    ("Watch Uber for robotaxi competition", ["UBER"], ["robotaxi competition"]),
])  # fmt: skip
def test_a_product_beside_other_companies_adds_no_maker(goal: str, tickers: list[str], labels: list[str]) -> None:
    """Found after the first commit: "watch uber, lyft for robotaxi" watched Tesla too, the word being its product's."""
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == tickers, plan.decisions
    assert [c.label for c in plan.watchlist.topics.custom] == labels, plan.decisions
    assert any("if it means Tesla's driverless ride-hailing service, a product, TSLA (Tesla, Inc.) is not watched" in d
               for d in plan.decisions), plan.decisions
