"""Bug (goals4): `watchdesk plan "watch ford and gm EV losses"` watched Ford, said 'gm' (in lower case an abbreviation,
not General Motors' ticker) and dropped 'EV losses' with no word, though "watch Ford EV losses" says it: the words
after a ticker that is said, not watched, were read by no parser and said by none. Now they are said as after a
watched company, with how to flag them."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 3)
EV = "'EV losses': not understood, ignored (to flag it as written, name it as a topic: 'for EV losses')"


@pytest.mark.parametrize("goal", ["watch ford and gm EV losses", "watch ford, gm EV losses weekly"])
def test_ev_losses_after_gm_are_said(goal: str) -> None:
    # since goals6 'gm' in a list is General Motors (test_gm_where_a_company_stands_is_general_motors.py); the words
    # after it are said still
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["F", "GM"]
    assert EV in plan.not_understood, plan.not_understood


def test_after_a_letter_said_too() -> None:
    plan = parse_goal("watch ford, f EV losses", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["F"]
    assert EV in plan.not_understood, plan.not_understood


def test_as_after_a_watched_company() -> None:
    # said until goals5; now a custom topic (test_words_a_company_qualifies_are_its_topic.py)
    assert [c.name for c in parse_goal("watch Ford EV losses weekly", as_of=DAY).watchlist.topics.custom] == [
        "ev_losses"]
    assert [c.name for c in parse_goal("watch ford and GM for EV losses", as_of=DAY).watchlist.topics.custom] == [
        "ev_losses"]
