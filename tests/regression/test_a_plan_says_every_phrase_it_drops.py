"""A user walkthrough (walkB): `watchdesk plan "What did AMD say about MI300 demand last quarter?"` planned a watch of
AMD's demand and said nothing of "MI300" or "last quarter"; "Summarize ASML's backlog and bookings commentary each
quarter" said nothing of "each quarter": a word with a digit, and common words, were left out in silence. Now "last
quarter" (and "the past 2 years", ...) is read as how far back filings are read, as "since ..." is; "each quarter" is
an unsupported cadence, as "every quarter" is; a model or period code no parser read ("MI300", "Q3") is said under
Not understood."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

AS_OF = date(2026, 12, 3)


def test_last_quarter_is_how_far_back_filings_are_read() -> None:
    result = parse_goal("What did AMD say about MI300 demand last quarter?", as_of=AS_OF)
    assert result.watchlist.filings.since == date(2026, 9, 3)
    assert "filings since 2026-09-03 (from 'last quarter': 1 quarter before 2026-12-03)" in result.decisions
    assert "'MI300': not understood, ignored (to flag it as written, name it as a topic: 'flag MI300')" in (
        result.not_understood)


@pytest.mark.parametrize(("goal", "since"), [
    ("Watch NVIDIA filings from the past 2 years", date(2024, 12, 3)),
    ("Watch NVIDIA filings over the last six months", date(2026, 6, 3)),
    ("Watch NVIDIA filings of the previous week", date(2026, 11, 26)),
])  # fmt: skip
def test_other_lookbacks(goal: str, since: date) -> None:
    assert parse_goal(goal, as_of=AS_OF).watchlist.filings.since == since


def test_a_named_start_is_kept_over_a_lookback() -> None:
    result = parse_goal("Watch NVIDIA filings since 2026-01-01, the last quarter above all", as_of=AS_OF)
    assert result.watchlist.filings.since == date(2026, 1, 1)
    assert "'the last quarter': filings are read since 2026-01-01, as the goal also says; no other start set" in (
        result.not_understood)


def test_each_quarter_is_said_as_every_quarter_is() -> None:
    result = parse_goal("Summarize ASML's backlog and bookings commentary each quarter", as_of=AS_OF)
    assert "'each quarter': only daily and weekly runs are supported; chose weekly" in result.not_understood


def test_a_period_code_is_said() -> None:
    result = parse_goal("What did AMD say in Q3 about demand", as_of=AS_OF)
    assert any(n.startswith("'Q3': not understood, ignored") for n in result.not_understood), result.not_understood
