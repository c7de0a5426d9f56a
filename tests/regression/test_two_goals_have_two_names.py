"""Bug: every goal naming TSMC, ASML and NVIDIA was planned as the watchlist "goal-tsm-asml-nvda", whatever it
watched them for, so a second such goal on the same store shared the first one's runs, approval and briefing id: its
briefing was "skipped (this period's briefing was already sent there ...)" and never delivered (a user walkthrough).
A goal's name now ends with a short hash of what it watches (not of its dates, so the same goal planned on another
day keeps its name)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from watchdesk.agents.briefing.period import Period
from watchdesk.graph.briefing_job import brief
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Delivery
from watchdesk.store.store import Store

AS_OF = date(2026, 12, 3)
INVENTORY = "Track TSMC, ASML and NVIDIA filings for inventory, weekly"
GEOPOLITICS = "Track TSMC, ASML and NVIDIA filings for geopolitical risk, weekly"


def test_two_goals_on_the_same_companies_have_two_names() -> None:
    first, second = (parse_goal(g, as_of=AS_OF).watchlist.name for g in (INVENTORY, GEOPOLITICS))
    assert first != second
    assert first.startswith("goal-tsm-asml-nvda-") and second.startswith("goal-tsm-asml-nvda-")
    news = parse_goal("Track TSMC, ASML and NVIDIA news for inventory, weekly", as_of=AS_OF).watchlist.name
    mailed = parse_goal(INVENTORY + " to pm@fund.example", as_of=AS_OF).watchlist.name
    assert len({first, news, mailed}) == 3


def test_the_same_goal_keeps_its_name_on_another_day() -> None:
    goal = "Watch NVIDIA filings for inventory for the next quarter, weekly"
    today, later = (parse_goal(goal, as_of=day).watchlist for day in (AS_OF, date(2027, 1, 20)))
    assert today.until != later.until  # its horizon is counted from the day it is planned; its name is not
    assert today.name == later.name
    assert parse_goal("watch  NVIDIA filings for inventory for the next quarter, weekly", as_of=AS_OF).watchlist.name \
        == today.name  # the same words, spaced and cased otherwise


def test_the_second_goals_briefing_is_delivered(demo_folder: Path, tmp_path: Path) -> None:
    """Both goals brief the demo's store into one folder: each briefing arrives (before, the second was skipped)."""
    db = shutil.copy(demo_folder / "demo.duckdb", tmp_path / "copy.duckdb")
    desk = tmp_path / "desk"
    settings = Settings(db_path=Path(db), mode="live", out_dir=tmp_path / "out", as_of=AS_OF, progress=False)
    with Store.open(db) as store:
        run_id, start, end = store.query("SELECT run_id, period_start, period_end FROM briefings LIMIT 1")[0]
        for goal in (INVENTORY, GEOPOLITICS):
            wl = parse_goal(goal, as_of=AS_OF).watchlist
            wl = wl.model_copy(update={"delivery": (Delivery(kind="file", path=str(desk)),)})
            files = brief(store, wl, run_id=run_id, period=Period(start, end), settings=settings, formats=("md",),
                          out_dir=tmp_path / "out", deliver=False).files
            sent = deliver_briefing(files, watchlist=wl, settings=settings, store=store, run_id=run_id)
            assert [o.status for o in sent] == ["sent"], (goal, sent)
    assert len(list(desk.glob("*.md"))) == 2
