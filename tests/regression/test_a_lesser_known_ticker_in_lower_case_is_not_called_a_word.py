"""Bug (goals6 walk): `watchdesk plan "watch asts"` stopped with "'asts' in lower case is a word, not the ticker of AST
SpaceMobile, Inc. (ASTS)", and "watch NVDA and asts" said the same under Not understood: 'asts' is no word; lower
case is read as a ticker only for SEC's 2,000 best-known companies. Now it says so; a word ("gold", "low") is still
called a word."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 7)
ASTS = ("in lower case read as a ticker only for SEC's 2,000 best-known companies, not the ticker of AST SpaceMobile, "
        "Inc. (ASTS): write ASTS or $ASTS to watch it")


def test_alone_it_stops_saying_why() -> None:
    with pytest.raises(ConfigError) as raised:
        parse_goal("watch asts", as_of=DAY)
    assert f"'asts' {ASTS.replace('in lower case', 'in lower case is', 1)}" in str(raised.value)


def test_beside_a_company_it_is_said() -> None:
    assert f"'asts': not understood, ignored ({ASTS})" in parse_goal("watch NVDA and asts", as_of=DAY).not_understood


@pytest.mark.parametrize(("goal", "word"), [("Watch NVIDIA and gold", "gold"), ("watch nvda low margins", "low")])
def test_a_word_is_still_a_word(goal: str, word: str) -> None:
    assert any(n.startswith(f"'{word}': not understood, ignored (in lower case a word")
               for n in parse_goal(goal, as_of=DAY).not_understood)
