"""Bug (goals7's leftover, "Watch NVDA for Llama demand": a product named as context must keep the topic): that goal
kept topic demand already, but two names of context before one topic did not share it. "Watch NVDA for Llama and
Robotaxi demand" (as "Apple and Tesla demand", "AWS and Azure demand") watched demand and a custom topic 'Llama' (every
mention of Llama or Apple in NVIDIA's filings, flagged as a topic of its own), and "Watch Uber for Robotaxi and FSD
competition" flagged 'Robotaxi' and 'FSD competition'. The words the last name qualifies are now the others' too: demand
alone, or 'Robotaxi competition' and 'FSD competition'. A name of context that qualifies nothing ("for Apple and
Tesla", "uber, lyft for robotaxi") is still flagged as written."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 7)


@pytest.mark.parametrize(("goal", "tickers", "watch", "custom"), [
    ("Watch NVDA for Llama demand", ["NVDA"], ["demand"], []),
    ("Watch NVDA for Llama and Robotaxi demand", ["NVDA"], ["demand"], []),
    ("Watch NVDA for Llama, Robotaxi and FSD demand", ["NVDA"], ["demand"], []),
    ("Watch NVDA for Apple and Tesla demand", ["NVDA"], ["demand"], []),
    ("Watch NVDA for AWS and Azure demand", ["NVDA"], ["demand"], []),
    ("Watch Uber for Robotaxi and FSD competition", ["UBER"], [], ["Robotaxi competition", "FSD competition"]),
    ("watch uber, lyft for robotaxi", ["UBER", "LYFT"], [], ["robotaxi"]),
    ("Watch NVDA for Apple and Tesla", ["NVDA"], [], ["Apple", "Tesla"]),
])  # fmt: skip
def test_names_of_context_share_what_they_qualify(goal: str, tickers: list[str], watch: list[str],
                                                  custom: list[str]) -> None:  # fmt: skip
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == tickers, plan.decisions
    assert list(plan.watchlist.topics.watch) == watch, plan.decisions
    assert [c.label for c in plan.watchlist.topics.custom] == custom, plan.decisions
    assert not plan.not_understood, plan.not_understood
