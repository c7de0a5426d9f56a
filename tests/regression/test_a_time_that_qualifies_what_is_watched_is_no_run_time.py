"""Seen in a walk (goals2): `watchdesk plan "watch NVDA 5pm earnings calls weekly"` ran the watch at 17:00, and so did
"Summarize NVDA's 5pm ET earnings call weekly"; "the 4:30pm call", "after 4pm" and "the 8:30 CPI print" set the run
time too: any time with am/pm (or h:mm) anywhere in a goal was read as the time to run. A time written without "at" is
now the run time only where it stands as one ("weekly Mondays 9am", "daily 6pm digest", "every Friday 4pm NVDA news",
"Weekly, 9am:"), not where the event it names follows it ("5pm earnings") or a word places it ("the 4:30pm call",
"after 4pm"); that one is said, with how to make it the run time ("at 5pm"), and the run keeps 07:00."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 3)


def test_watchdesk_plan_keeps_seven_for_5pm_earnings() -> None:
    result = CliRunner().invoke(cli, ["plan", "watch NVDA 5pm earnings calls weekly", "--as-of", DAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert 'time = "07:00"' in result.output
    assert ("'5pm earnings': 5pm read as part of what is watched, not as the run time; to run at 5pm, write 'at 5pm'"
            in result.output)


@pytest.mark.parametrize(("goal", "placed"), [
    ("Summarize NVDA's 5pm ET earnings call weekly", "5pm ET earnings"),
    ("Flag anything NVDA says on the 4:30pm call, daily", "the 4:30pm call"),
    ("watch NVDA for after-hours moves after 4pm, daily", "after 4pm"),
    ("NVDA: track the 8:30 CPI print", "the 8:30 CPI"),
    ("watch NVDA 5pm Earnings Call weekly", "5pm Earnings"),
])  # fmt: skip
def test_a_time_of_what_is_watched(goal: str, placed: str) -> None:
    result = parse_goal(goal, as_of=DAY)
    assert result.watchlist.schedule.time == "07:00"
    assert any(n.startswith(f"{placed!r}: ") and "not as the run time" in n for n in result.not_understood), (
        result.not_understood)


@pytest.mark.parametrize(("goal", "time"), [
    ("Monitor NVDA for pricing, weekly Mondays 9am", "09:00"),
    ("daily 6pm digest of NVDA news", "18:00"),
    ("NVDA news, 9am daily", "09:00"),
    ("NVDA news every weekday 8:15", "08:15"),
    ("Weekly, 9am: NVDA filings", "09:00"),
    ("watch NVDA daily 9am for pricing", "09:00"),
    ("5pm Mondays: NVDA filings", "17:00"),
    ("watch NVDA weekly, 5pm", "17:00"),
    ("every Friday 4pm NVDA news", "16:00"),
    ("watch NVDA at 5pm for earnings calls", "17:00"),
    ("send me a 6pm digest of NVDA news daily", "18:00"),
    ("NVDA filings, the 9am summary every Monday", "09:00"),
])  # fmt: skip
def test_a_time_that_is_a_schedule_is_the_run_time(goal: str, time: str) -> None:
    result = parse_goal(goal, as_of=DAY)
    assert result.watchlist.schedule.time == time
    assert not [n for n in result.not_understood if "run time" in n]
