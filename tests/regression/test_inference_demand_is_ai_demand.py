"""Found checking "Watch NVDA for Llama demand": "Watch NVDA for inference demand" planned topic demand and said
"'inference': not understood, ignored", and "Watch AMD for inference" planned the default topics: inference, running
trained AI models, is what a semiconductor's AI demand is made of, as "GPU" or "LLM" already read. Now 'inference' (and
"inference demand", "inference workloads", "inference compute", "inference chips") is ai_demand, and "inference demand"
ai_demand alone, as "AI demand" is."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 7)


@pytest.mark.parametrize(("goal", "watch"), [
    ("Watch NVDA for inference demand", ["ai_demand"]),
    ("Watch NVDA for Llama inference demand", ["ai_demand"]),
    ("Watch AMD for inference", ["ai_demand"]),
    ("Watch AMD for inference workloads and pricing", ["ai_demand", "pricing_margins"]),
    ("Watch NVDA for demand", ["demand"]),
])  # fmt: skip
def test_inference_is_ai_demand(goal: str, watch: list[str]) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert sorted(plan.watchlist.topics.watch) == sorted(watch), plan.decisions
    assert not plan.watchlist.topics.custom and not plan.not_understood, (plan.decisions, plan.not_understood)
