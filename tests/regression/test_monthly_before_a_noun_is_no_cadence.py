"""A user walkthrough (walkB): `watchdesk plan "Monitor TSMC monthly revenue 6-Ks and Taiwan geopolitical risk daily"`
wrote a daily watchlist and said "cadence: daily" beside "'monthly': only daily and weekly runs are supported; chose
weekly", and nothing of the monthly revenue reports it asked for, which a run leaves out. "monthly" before a noun
("monthly revenue", "quarterly reports") qualifies the noun and is no cadence; a goal asking for monthly revenue is told
plainly that those 6-Ks are not read; an unsupported cadence beside a supported one says which one is kept."""

from __future__ import annotations

from datetime import date

from watchdesk.graph.goal.parse import parse_goal

AS_OF = date(2026, 12, 3)


def test_monthly_revenue_is_said_and_is_no_cadence() -> None:
    result = parse_goal("Monitor TSMC monthly revenue 6-Ks and Taiwan geopolitical risk daily", as_of=AS_OF)
    assert result.watchlist.schedule.cadence == "daily" and result.watchlist.filings.forms == ("6-K",)
    assert not any("chose weekly" in n or n.startswith("'monthly':") for n in result.not_understood)
    assert result.not_understood == (
        "'monthly revenue': monthly revenue reports (6-Ks some foreign issuers file, TSMC each month) are not read: a "
        "run reads the 6-Ks of results and management reports, and a watchlist cannot ask for others; each run says "
        "how many it left out",
    )


def test_quarterly_reports_are_filings_not_a_cadence() -> None:
    result = parse_goal("Monitor NVIDIA quarterly reports weekly", as_of=AS_OF)
    assert result.watchlist.filings.forms == ("10-Q", "6-K") and result.watchlist.schedule.cadence == "weekly"
    assert not result.not_understood


def test_an_unsupported_cadence_beside_a_supported_one_says_which_is_kept() -> None:
    result = parse_goal("Monitor NVIDIA daily and summarize monthly", as_of=AS_OF)
    assert result.watchlist.schedule.cadence == "daily"
    assert result.not_understood == ("'monthly': only daily and weekly runs are supported; kept daily, which the goal "
                                     "also names",)


def test_an_unsupported_cadence_alone_is_read_as_weekly_as_before() -> None:
    result = parse_goal("Watch TSMC monthly", as_of=AS_OF)
    assert result.watchlist.schedule.cadence == "weekly"
    assert result.not_understood == ("'monthly': only daily and weekly runs are supported; chose weekly",)
