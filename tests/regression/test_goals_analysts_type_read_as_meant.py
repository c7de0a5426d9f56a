"""From a walk through goals analysts type (session 32): an end said as "ending in June" or "ends on 2027-03-31" was
no horizon (the first made a custom topic 'ending_in_june', the watch ran until stopped), and "Flag management
commentary on layoffs ..." made a custom topic 'management', a word every call says. Now "ending"/"ends" start a
horizon as "until" does, and who speaks ("management", "the CEO") before "commentary", "comments" or "remarks" is no
topic; "management changes" or "watch NVDA for management" still are."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 3)


@pytest.mark.parametrize(("goal", "until", "said"), [
    ("send a weekly email to ana@fund.com on NVDA news about export restrictions, ending in June", date(2027, 6, 30),
     "ending in June"),
    ("watch NVDA weekly, ends on 2027-03-31", date(2027, 3, 31), "ends on 2027-03-31"),
    ("watch NVDA for ending inventory, ending March 2027", date(2027, 3, 31), "ending March 2027"),
])  # fmt: skip
def test_an_end_said_as_ending_is_the_horizon(goal: str, until: date, said: str) -> None:
    result = parse_goal(goal, as_of=DAY)
    assert result.watchlist.until == until
    assert any(d.startswith(f"horizon: until {until.isoformat()} (from {said!r}") for d in result.decisions)
    assert not result.watchlist.topics.custom


def test_who_comments_is_no_topic() -> None:
    result = parse_goal("Flag management commentary on layoffs, hiring freezes or cost cuts at Meta and Amazon",
                        as_of=DAY)
    assert [c.name for c in result.watchlist.topics.custom] == ["layoffs", "hiring_freezes", "cost_cuts"]
    said = parse_goal("flag management's comments about pricing at AMD", as_of=DAY).watchlist.topics
    assert said.watch == ("pricing_margins",) and not said.custom


@pytest.mark.parametrize(("goal", "name"), [("watch NVDA for management changes", "management_changes"),
                                            ("watch NVDA for management", "management")])
def test_management_as_the_topic_is_kept(goal: str, name: str) -> None:
    assert [c.name for c in parse_goal(goal, as_of=DAY).watchlist.topics.custom] == [name]


def test_a_time_with_am_or_pm_needs_no_at() -> None:
    """"weekly Mondays 9am" ran at 07:00 and made a custom topic 'topic_9am'."""
    result = parse_goal("Monitor NVDA for pricing, weekly Mondays 9am", as_of=DAY)
    assert result.watchlist.schedule.time == "09:00" and not result.watchlist.topics.custom


def test_a_place_alone_is_no_ambiguous_company() -> None:
    """"regulatory changes in California" stopped the plan: "'California' could be several companies"."""
    result = parse_goal("track UBER and LYFT for regulatory changes in California and driver supply", as_of=DAY)
    assert [t.symbol for t in result.watchlist.tickers] == ["UBER", "LYFT"]
    assert "'California': not understood, ignored" in result.not_understood
    named = parse_goal("watch California Resources for oil", as_of=DAY).watchlist
    assert [t.symbol for t in named.tickers] == ["CRC"]


def test_an_ordinary_word_in_lower_case_in_a_list_of_companies_is_said() -> None:
    """"watch costco, walmart & target" watched Costco and Walmart and said nothing of 'target'; then it said 'target'
    under Not understood; now (goals2) a company's ordinary-word alias alone in a list of companies is that company,
    and the decision says so (test_a_company_word_in_lower_case_in_a_list_is_the_company.py)."""
    result = parse_goal("watch costco, walmart & target for tariff impacts", as_of=DAY)
    assert [t.symbol for t in result.watchlist.tickers] == ["COST", "WMT", "TGT"]
    assert ("company 'target' -> TGT (TARGET CORP, CIK 27419) in a list of companies, though 'target' is also a word "
            "(write TGT to be sure)") in result.decisions
