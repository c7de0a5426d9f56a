"""Bug (goals6, from the last review): in `watchdesk plan "Watch Boeing for 737 MAX deliveries"` MAX was read as
MediaAlpha's ticker (said as context), and "watch BA 737 MAX" watched MediaAlpha (MAX) beside Boeing. A word in
capitals right after a model number of three digits ("737 MAX", "A320 NEO") is part of a product's name: no company.
"Q3 NVDA", "2025 NVDA" and "$100 NVDA" still read NVDA."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 7)


@pytest.mark.parametrize(("goal", "topics", "said"), [
    ("Watch Boeing for 737 MAX deliveries", [("737 MAX deliveries",)], None),
    ("watch BA for 737 MAX", [("737 MAX",)], None),
    ("watch BA 737 MAX", [], "'737 MAX': not understood, ignored (a product's model, not a company: to flag it as "
                             "written, name it as a topic: 'for 737 MAX')"),
])  # fmt: skip
def test_a_model_number_is_no_company(goal: str, topics: list[tuple[str, ...]], said: str | None) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["BA"]
    assert not any("MediaAlpha" in d for d in plan.decisions + plan.not_understood), plan.decisions
    assert [c.phrases for c in plan.watchlist.topics.custom] == topics
    assert said is None or said in plan.not_understood, plan.not_understood


@pytest.mark.parametrize("goal", ["watch Q3 NVDA", "watch 2025 NVDA guidance", "watch 3M and MAX"])
def test_a_ticker_after_other_numbers_is_read(goal: str) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert plan.watchlist.tickers[-1].symbol in ("NVDA", "MAX"), plan.decisions
