"""From a walk of 20 analyst-style goals through `watchdesk plan` (goals3); each read wrong before.
- "watch costco + walmart + target for tarrifs and shrink" watched Costco and Walmart and dropped 'target' unsaid:
  "+" joined no list, so the lower-case word that is Target's alias stood in none. "+" now joins a list as "&" does.
- "watch Ford EV losses weekly" dropped 'EV losses' unsaid (an abbreviation and a common word: the leftovers report
  neither); "for EV losses" makes a custom topic. The words right after a watched company that no parser read, one
  of them an abbreviation, are now said, with how to flag them."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 3)


@pytest.mark.parametrize(("goal", "watched"), [
    ("watch costco + walmart + target for tarrifs and shrink", ["COST", "WMT", "TGT"]),
    ("Watch Costco + Walmart + Target", ["COST", "WMT", "TGT"]),
    ("watch nvda + amd + tsm", ["NVDA", "AMD", "TSM"]),
])  # fmt: skip
def test_a_list_joined_by_plus(goal: str, watched: list[str]) -> None:
    assert [t.symbol for t in parse_goal(goal, as_of=DAY).watchlist.tickers] == watched


def test_ev_losses_after_a_company_are_said() -> None:
    said = parse_goal("watch Ford EV losses weekly", as_of=DAY).not_understood
    assert said == ("'EV losses': not understood, ignored (to flag it as written, name it as a topic: 'for EV "
                    "losses')",)
    assert [c.name for c in parse_goal("watch Ford for EV losses", as_of=DAY).watchlist.topics.custom] == ["ev_losses"]
    assert not parse_goal("watch AMD GPU share", as_of=DAY).not_understood  # GPU is read: ai_demand
