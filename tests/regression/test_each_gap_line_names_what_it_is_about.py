"""A user walkthrough (walkB): the demo's log printed "gap not in the recording: https://data.sec.gov/submissions/
CIK0000937966.json", the one gap line with no label ("gap 8-K 0001045810-26-000019: not in the recording: ..." names its
filing): a step that failed as a whole (ASML's filings could not be listed) gave its reason alone. And the briefing's
News list, ordered by credibility tier and then by date, did not say so, so 2026-03-05 above 2026-03-08 read as a
slip."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

from tests.regression.demo_briefs import demo_file
from watchdesk.graph import nodes
from watchdesk.sources.errors import ReplayMissError
from watchdesk.store.store import Store

MISSED = "not in the recording: https://data.sec.gov/submissions/CIK0000937966.json"
TARGET = 'ASML (CIK 937966, "ASML HOLDING NV")'


def test_a_failed_steps_gap_names_its_target() -> None:
    said: list[str] = []
    step = {"id": "filings:ASML", "agent": "filings", "action": "collect", "target": TARGET, "params": {}}
    with Store.open(":memory:") as store:
        deps = SimpleNamespace(store=store, run_id="r1", report=said.append)
        done = nodes.failed(cast(Any, step), ReplayMissError(MISSED), cast(Any, deps), ticker="ASML")
        stored = store.query("SELECT target, reason FROM gaps")
    (result,) = cast(Any, done.update)["results"]
    assert result["gaps"] == [f"{TARGET}: {MISSED}"]  # as `gap 8-K 0001045810-26-000019: not in the recording: ...`
    assert stored == [(TARGET, MISSED)] and said == [f"ASML: recorded a gap ({MISSED})"]


def test_the_news_list_says_its_order(demo_folder: Path) -> None:
    news = demo_file(demo_folder, "md").read_text().split("## News", 1)[1].split("\n### ", 1)[0]
    assert "most credible first, and newest first within a tier" in news
