"""Bug (session 44): CANNOT-RUN notices are now named as the briefings are ("Chips" -> CANNOT-RUN-chips.md, was
CANNOT-RUN-Chips.md; "ASML - calls, filings" -> CANNOT-RUN-asml-calls-filings.md, was
CANNOT-RUN-ASML---calls-filings.md). A notice a failed start left before that change kept its old name, and the
next run that started removed only the new name: the old file went on saying, for good, that the watchlist's
scheduled run could not start."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.graph.notices import cannot_run_notice, started_or_noticed
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist


@pytest.mark.parametrize(("name", "old"), [("Chips", "CANNOT-RUN-Chips.md"),
                                           ("ASML - calls, filings", "CANNOT-RUN-ASML---calls-filings.md")])
def test_a_run_that_starts_removes_the_notice_of_either_name(tmp_path: Path, name: str, old: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    watchlist = Watchlist.model_validate({"name": name, "tickers": [{"symbol": "NVDA"}]})
    settings = Settings(db_path=tmp_path / "w.duckdb", out_dir=out)
    (out / old).write_text("could not start", encoding="utf-8")
    cannot_run_notice(out, name).write_text("could not start", encoding="utf-8")
    (out / "briefing-kept.md").write_text("a briefing", encoding="utf-8")

    assert started_or_noticed(lambda: "started", watchlist=watchlist, settings=settings, report=print) == "started"

    assert [p.name for p in out.iterdir()] == ["briefing-kept.md"]
