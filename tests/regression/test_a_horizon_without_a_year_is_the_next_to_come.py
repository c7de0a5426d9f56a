"""A review: a horizon day given without a year was read two ways. Said on 2026-12-20, "until 12/5" ended the watch
on 2027-12-05 (the next one to come) but "until December 5" and "until 5 December" took this year's, already past,
and were refused; and "until 2/29" or "until February 29" said on 2027-03-31 was "not a date" (no Feb 29 in 2027),
though 2028-02-29 comes next. Every month-and-day form is now the next one to come after as-of."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal


@pytest.mark.parametrize("phrase", ["until 12/5", "until December 5", "until 5 December", "until Dec 5th"])
def test_a_day_passed_this_year_is_next_years(phrase: str) -> None:
    plan = parse_goal(f"Watch Nvidia {phrase}", as_of=date(2026, 12, 20))
    assert plan.watchlist.until == date(2027, 12, 5), (plan.decisions, plan.not_understood)
    assert not plan.not_understood


@pytest.mark.parametrize("phrase", ["until 2/29", "until February 29", "until 29 February"])
def test_a_leap_day_is_the_next_feb_29(phrase: str) -> None:
    plan = parse_goal(f"Watch Nvidia {phrase}", as_of=date(2027, 3, 31))
    assert plan.watchlist.until == date(2028, 2, 29), (plan.decisions, plan.not_understood)


@pytest.mark.parametrize(
    ("phrase", "as_of", "until"),
    [
        ("until December 25", date(2026, 12, 20), date(2026, 12, 25)),  # still to come this year
        ("until December", date(2026, 12, 20), date(2026, 12, 31)),
        ("until 2/29", date(2027, 12, 1), date(2028, 2, 29)),
        ("until March 3", date(2027, 3, 3), date(2028, 3, 3)),  # as-of itself is no horizon
    ],
)
def test_a_day_still_to_come_is_this_years(phrase: str, as_of: date, until: date) -> None:
    assert parse_goal(f"Watch Nvidia {phrase}", as_of=as_of).watchlist.until == until


def test_a_day_no_month_has_is_still_no_date() -> None:
    plan = parse_goal("Watch Nvidia until February 30", as_of=date(2026, 12, 20))
    assert plan.watchlist.until is None
    assert plan.not_understood == ("'until February 30': not a date (February has 29 days at most)",)


@pytest.mark.parametrize(
    ("phrase", "as_of", "until"),
    [
        ("until Q4", date(2026, 12, 31), date(2027, 12, 31)),  # as "until December" said that day
        ("until the end of Q4", date(2026, 12, 31), date(2027, 12, 31)),
        ("until December", date(2026, 12, 31), date(2027, 12, 31)),
        ("until Q1", date(2027, 3, 31), date(2028, 3, 31)),
        ("until Q4", date(2026, 12, 30), date(2026, 12, 31)),  # still to come this year
        ("until Q4", date(2026, 9, 30), date(2026, 12, 31)),
    ],
)
def test_a_quarter_on_its_last_day_is_next_years(phrase: str, as_of: date, until: date) -> None:
    """A review: "until Q4" said on 2026-12-31 was refused ("2026-12-31 is not after 2026-12-31, so it cannot end the
    watch; no horizon set") where "until December" said that day is next year's: a quarter is the next one to end
    after as-of, as a month is."""
    plan = parse_goal(f"Watch Nvidia {phrase}", as_of=as_of)
    assert plan.watchlist.until == until, (plan.decisions, plan.not_understood)
    assert not plan.not_understood


def test_a_quarter_with_its_year_passed_is_still_refused() -> None:
    plan = parse_goal("Watch Nvidia until Q4 2026", as_of=date(2026, 12, 31))
    assert plan.watchlist.until is None
    assert plan.not_understood == ("'until Q4 2026': 2026-12-31 is not after 2026-12-31, so it cannot end the watch; "
                                   "no horizon set",)  # fmt: skip
