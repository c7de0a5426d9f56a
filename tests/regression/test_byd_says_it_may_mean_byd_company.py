"""Bug (goals6, from the last review): `watchdesk plan "Watch BYD and TSLA for EV price war"` watched Boyd Gaming
(BYD is its NYSE ticker) and said only "company 'BYD' -> BYD (BOYD GAMING CORP, ...) by ticker", though a person
writing BYD beside Tesla means BYD Company, the Chinese carmaker, which SEC does not list (it trades over the counter
as BYDDY and BYDDF). Boyd Gaming is still read (the ticker is its), and the decision now says whom it is not and how
to say Boyd Gaming is meant ($BYD, which says nothing more). The doubt is a line in aliases.toml [ticker_doubts]."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 7)
DOUBT = ("; not BYD Company, the Chinese carmaker, which is not listed with SEC (it trades over the counter as BYDDY "
         "and BYDDF and files no reports there): write $BYD to say you mean BOYD GAMING CORP")


@pytest.mark.parametrize(("goal", "said"), [
    ("Watch BYD and TSLA for EV price war", "company 'BYD' -> BYD (BOYD GAMING CORP, CIK 906553) by ticker"),
    ("watch byd and tsla", "company 'byd' -> BYD (BOYD GAMING CORP, CIK 906553) by ticker, written in lower case"),
])  # fmt: skip
def test_byd_says_it_may_mean_byd_company(goal: str, said: str) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["BYD", "TSLA"]
    assert said + DOUBT in plan.decisions, plan.decisions


@pytest.mark.parametrize("goal", ["watch $BYD", "watch Boyd Gaming"])
def test_written_as_boyd_it_says_nothing_more(goal: str) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["BYD"]
    assert not any("BYD Company" in d for d in plan.decisions), plan.decisions
