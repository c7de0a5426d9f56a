"""From a sweep of 98 goals a user would type (goals5: banks, airlines, pharma, retail, autos, energy, non-US
companies, typos, "last quarter", "since June", "every Monday", negations). Three read wrong and are fixed here:
"watch Rio Tinto and BHP for iron ore prices" stopped ("'Rio Tinto' could be several companies: RTNTF (RIO TINTO LTD),
RIO (RIO TINTO PLC)"), one group listed twice, as Carnival was: "Rio Tinto" = RIO in aliases.toml. "watch Chipotle for
menu price increases since last quarter" read filings since a quarter back but said "'since': not understood": "since"
before a span back ("since last quarter", "since the last 2 quarters") is now part of it. And "watch Disney parks
attendance" / "watch Arm royalties"-like measures: attendance, royalties, fees, monetization, reimbursement,
contracts and wins end a phrase after a company that becomes its topic (qualified.py)."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 7)


@pytest.mark.parametrize(("goal", "watched", "custom"), [
    ("watch Rio Tinto and BHP for iron ore prices", ["RIO", "BHP"], []),
    ("watch Disney parks attendance", ["DIS"], ["parks_attendance"]),
    ("watch Chipotle for menu price increases since last quarter", ["CMG"], []),
    ("Track Costco, Walmart and Target for shrink since June", ["COST", "WMT", "TGT"], ["shrink"]),
    ("Keep an eye on Tesla, not Apple, for battery costs", ["TSLA"], ["battery_costs"]),
    ("watch Bank of Montreal for credit losses", ["BMO"], ["credit_losses"]),
])  # fmt: skip
def test_the_goal_reads_as_meant(goal: str, watched: list[str], custom: list[str]) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == watched
    assert [c.name for c in plan.watchlist.topics.custom] == custom


@pytest.mark.parametrize("span", ["since last quarter", "since the last 2 quarters"])
def test_since_before_a_span_back_is_read_with_it(span: str) -> None:
    plan = parse_goal(f"watch Chipotle for menu price increases {span}", as_of=DAY)
    assert not any("'since'" in n for n in plan.not_understood)
    assert plan.watchlist.filings.since is not None and plan.watchlist.filings.since < DAY
    assert any(d.startswith("filings since") and repr(span) in d for d in plan.decisions)
