"""Bug (goals6, from the last review): `watchdesk plan "watch GM"` stopped with "the goal names no company", and "Ford
and GM", "Ford vs GM", "ford, gm, stellantis" watched Ford without General Motors, each saying 'GM': an abbreviation
(gross margin). An analyst writes General Motors so there. Now GM, in capitals or not, is General Motors where a
company stands: right after a watch verb ("watch", "compare"), or joined to companies by "and", a comma or "vs",
unless what a margin does follows ("NVDA and GM compression"); the decision says the other reading. "NVIDIA GM",
"GM compression", "watch NVDA and AMD GM" (a space, no joint) stay gross margin. And "watch GM margins" no longer
stops with no word of GM."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 7)
SAID = "company 'GM' -> GM (General Motors Co, CIK 1467858) by ticker, where a company stands (before what a margin " \
       "does, as in 'GM compression', it is read as gross margin)"


@pytest.mark.parametrize(("goal", "tickers"), [
    ("watch GM", ["GM"]),
    ("Watch GM for EV losses", ["GM"]),
    ("watch GM margins", ["GM"]),
    ("Ford and GM", ["F", "GM"]),
    ("Ford vs GM on EV pricing", ["F", "GM"]),
    ("GM vs Ford", ["GM", "F"]),
    ("keep an eye on GM, Toyota and Honda inventory", ["GM", "TM", "HMC"]),
    ("Compare GM with Ford on EV pricing", ["GM", "F"]),
    ("watch Ford and GM EV losses", ["F", "GM"]),
    ("summarize weekly: ford, gm, stellantis on tariffs", ["F", "GM", "STLA"]),
    ("track ge, gm and f for tariffs", ["GE", "GM"]),
])  # fmt: skip
def test_gm_where_a_company_stands_is_general_motors(goal: str, tickers: list[str]) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == tickers, plan.decisions
    written = "gm" if " gm" in goal else "GM"
    assert any(d.startswith(f"company '{written}' -> GM (General Motors Co, CIK 1467858) by ticker, where a company "
                            "stands") for d in plan.decisions), plan.decisions
    assert not any("'GM'" in n or "'gm'" in n for n in plan.not_understood), plan.not_understood


def test_what_gm_qualifies_is_its_topic() -> None:
    plan = parse_goal("watch Ford and GM EV losses", as_of=DAY)
    assert [c.phrases for c in plan.watchlist.topics.custom] == [("EV losses",)]


@pytest.mark.parametrize(("goal", "tickers", "said"), [
    ("NVDA and GM compression", ["NVDA"], "'GM' before 'compression': read as gross margin, not the ticker of General "
                                          "Motors Co (GM): write $GM to watch it"),
    ("Watch NVIDIA GM expansion", ["NVDA"], "'GM expansion': not understood, ignored"),
    ("watch NVDA and AMD GM", ["NVDA", "AMD"], "'GM': not understood, ignored"),
    ("Flag GM compression for AMD and Intel", ["AMD", "INTC"], ""),
])  # fmt: skip
def test_gm_elsewhere_stays_gross_margin(goal: str, tickers: list[str], said: str) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == tickers, plan.decisions
    assert not any("General Motors" in d for d in plan.decisions), plan.decisions
    assert not said or any(n.startswith(said) for n in plan.not_understood), plan.not_understood


def test_watchdesk_plan_watches_gm() -> None:
    result = CliRunner().invoke(cli, ["plan", "watch GM", "--as-of", DAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert 'symbol = "GM"' in result.output and SAID in result.output
