"""Bug (goals4): `watchdesk plan "watch NVDA and lucid commentary"` stopped (exit 2: "'lucid' is not a company in SEC's
ticker map; close matches: LCID (Lucid Group, Inc.), ..."), though the answer was in the stop. 'lucid' in lower case
stands in the list, but qualifies the word after it, so it is read as the word ("meta commentary" is, by design); the
plan now goes on with NVDA and says it under Not understood with how to watch Lucid. Alone at the end of a list
("watch NVDA and lucid") it is Lucid Group, as before."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 3)


@pytest.mark.parametrize(("goal", "word", "company"), [
    ("watch NVDA and lucid commentary", "lucid commentary", "Lucid Group, Inc. (LCID): write LCID or Lucid"),
    ("watch NVDA and snowflake commentary", "snowflake commentary", "Snowflake Inc. (SNOW): write SNOW or Snowflake"),
    ("watch nvda and lucid guidance", "lucid", "Lucid Group, Inc. (LCID): write LCID or Lucid"),  # guidance: a topic
])  # fmt: skip
def test_the_word_is_said_and_the_plan_goes_on(goal: str, word: str, company: str) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["NVDA"]
    assert (f"{word!r}: not understood, ignored ({word.split()[0]!r} in lower case is a word here, not {company} to "
            "watch it)") in plan.not_understood


def test_alone_in_the_list_it_is_the_company() -> None:
    assert [t.symbol for t in parse_goal("watch NVDA and lucid", as_of=DAY).watchlist.tickers] == ["NVDA", "LCID"]
