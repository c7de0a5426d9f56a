"""Bug: a briefing write killed between writing its temporary file and renaming it (SIGKILL, a power cut) left the
hidden `.briefing-....md.XXXXXXXX.tmp` in the briefing folder for good, one more per killed run, each as large as a
briefing. Now the next briefing written into the folder removes those of our own naming left by a write that ended
long ago (over an hour: a write in progress, in this process or another, renames its own within seconds); it leaves
any other file, and a temporary file still young, as they are."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

from watchdesk.agents.briefing import files
from watchdesk.agents.briefing.agent import BriefingRequest, write_briefing
from watchdesk.agents.briefing.period import Period
from watchdesk.store.store import Store

HOURS = 3600


def left_by_a_killed_write(path: Path, *, age: float) -> Path:
    """The temporary file a write of `path` makes, as a write killed before its rename leaves it, `age` seconds old."""
    tmp = Path(files._written_beside(path, "# watchdesk briefing: half of it\n"))
    then = time.time() - age
    os.utime(tmp, (then, then))
    return tmp


def test_the_next_write_removes_old_temporary_files_of_ours_only(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    last_week = left_by_a_killed_write(out / "briefing-semis-2025-W34-abc123.md", age=2 * HOURS)
    last_week_html = left_by_a_killed_write(out / "briefing-semis-2025-W34-abc123.html", age=30 * HOURS)
    young = left_by_a_killed_write(out / "briefing-semis-2025-W35-abc123.md", age=60)
    notes = out / ".notes.md.abcdefgh.tmp"  # someone else's, named alike
    notes.write_text("mine", encoding="utf-8")
    os.utime(notes, (time.time() - 30 * HOURS,) * 2)
    req = BriefingRequest(run_id="r1", watchlist_name="semis", tickers=["NVDA"], topics=["inventory"],
                          period=Period(date(2025, 8, 1), date(2025, 8, 31)), out_dir=out)  # fmt: skip
    with Store.open(":memory:") as store:
        written = write_briefing(store, req).paths
    left = sorted(p.name for p in out.iterdir())
    assert not last_week.exists() and not last_week_html.exists(), left
    assert young.exists(), "a write that may still be going on keeps its file"
    assert notes.read_text(encoding="utf-8") == "mine", "a file not of our naming is left alone"
    assert left == sorted([notes.name, young.name, *(p.name for p in written.values())]), left
