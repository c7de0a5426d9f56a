"""Bug (goals6, from the last review): `watchdesk plan "Watch Pioneer"` stopped with "the goal names no company" and
no word of Pioneer ('pioneer' is a common word), "Watch Exxon and Pioneer for Permian output" watched Exxon and
dropped Pioneer unsaid, and "watch pioneer natural resources" watched PXD, which the shipped snapshot of SEC's map
(2024-05) still lists though Exxon Mobil bought Pioneer that month: a run would read no filing of it. "Pioneer" is now
an alias of PXD (capitalised; the word in lower case), and a company the snapshot lists that was acquired since
(aliases.toml [acquired]) stops the plan, saying what became of it, however it was named."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 7)
PXD = ("PIONEER NATURAL RESOURCES CO (PXD) was acquired by Exxon Mobil (XOM) in May 2024: it files no more reports "
       "with SEC (no filings to watch; watch the company that bought it, if listed)")


@pytest.mark.parametrize(("goal", "said"), [
    ("Watch Pioneer", f"'Pioneer': {PXD}"),
    ("Watch Exxon and Pioneer for Permian output", f"'Pioneer': {PXD}"),
    ("watch pioneer natural resources for production guidance", f"'pioneer natural resources': {PXD}"),
    ("watch PXD", f"'PXD': {PXD}"),
    ("Monitor Chevron and Hess arbitration", "'Hess': HESS CORP (HES) was acquired by Chevron (CVX) in July 2025"),
    ("Watch Marathon Oil and COP", "'Marathon Oil': MARATHON OIL CORP (MRO) was acquired by ConocoPhillips (COP)"),
])  # fmt: skip
def test_a_company_acquired_since_the_snapshot_is_said(goal: str, said: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_goal(goal, as_of=DAY)
    assert f"  - {said}" in str(raised.value)


@pytest.mark.parametrize(("goal", "tickers"), [
    ("Watch XOM for the Pioneer integration", ["XOM"]),  # context: the goal's words
    ("NVDA is a pioneer in AI, watch it", ["NVDA"]),  # the word
])  # fmt: skip
def test_named_as_context_or_a_word_it_is_no_problem(goal: str, tickers: list[str]) -> None:
    assert [t.symbol for t in parse_goal(goal, as_of=DAY).watchlist.tickers] == tickers
