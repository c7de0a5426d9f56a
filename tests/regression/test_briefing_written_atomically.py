"""Bug: the briefing file was written in place (truncate, then write), so a failure or a kill while
writing left a truncated briefing where the previous complete one had been."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from watchdesk.agents.briefing import agent
from watchdesk.agents.briefing.agent import BriefingRequest, write_briefing
from watchdesk.agents.briefing.period import Period
from watchdesk.store.store import Store


def test_failed_write_keeps_the_previous_briefing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    req = BriefingRequest(
        run_id="r1",
        watchlist_name="atomic",
        tickers=["NVDA"],
        topics=["inventory"],
        period=Period(date(2025, 8, 1), date(2025, 8, 31)),
        out_dir=tmp_path / "out",
        formats=("md",),
    )
    with Store.open(":memory:") as store:
        path = write_briefing(store, req).paths["md"]
        before = path.read_text(encoding="utf-8")
        # A text the encoder rejects halfway stands in for a full disk or a kill mid-write.
        monkeypatch.setattr(agent, "render_markdown", lambda _data: "# half\n" * 1000 + "\ud800")
        with pytest.raises(UnicodeEncodeError):
            write_briefing(store, req)
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in path.parent.iterdir()] == [path.name], "no temporary file left behind"
