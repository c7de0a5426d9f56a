"""Bug: the briefing file was written in place (truncate, then write), so a failure or a kill while
writing left a truncated briefing where the previous complete one had been."""

from __future__ import annotations

import errno
import os
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


def test_a_full_disk_keeps_the_previous_pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bug: the .md was renamed into place before the .html was written, so a full disk writing the .html left this
    week's Markdown beside last time's HTML. Now both are written first and replaced together, or neither is."""
    req = BriefingRequest(run_id="r1", watchlist_name="pair", tickers=["NVDA"], topics=["inventory"],
                          period=Period(date(2025, 8, 1), date(2025, 8, 31)), out_dir=tmp_path / "out")  # fmt: skip
    with Store.open(tmp_path / "w.duckdb") as store:
        paths = write_briefing(store, req).paths
        before = {fmt: path.read_text(encoding="utf-8") for fmt, path in paths.items()}
        monkeypatch.setattr(agent, "render_markdown", lambda _data: "# this week\n")
        synced: list[int] = []

        def fsync_until_full(fd: int) -> None:  # the second file's data finds no room
            synced.append(fd)
            if len(synced) == 2:
                raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "fsync", fsync_until_full)
        with pytest.raises(OSError, match="No space left on device"):
            write_briefing(store, req)
    assert {fmt: path.read_text(encoding="utf-8") for fmt, path in paths.items()} == before
    assert sorted(p.name for p in req.out_dir.iterdir()) == sorted(p.name for p in paths.values()), "no temporary file"
