"""`watchdesk brief` spent about half its CPU importing, and 53 of the 333 regular expressions it compiled were
feedparser's, imported because the briefing's news part reads agents.news, whose feed module imported feedparser (and
lxml.html) at its top though a briefing reads news from the store and never parses a feed. sources/news/feeds.py now
imports them where a feed or a page is parsed. Since the briefing reads TAGGED_ONLY from store/records.py, it does not
import the news agent or its feed module at all (test_a_briefing_starts_without_the_filing_parsers.py: nor lxml)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.unit.test_startup_imports import loaded


def test_brief_writes_its_briefing_without_feedparser(demo_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    shutil.copy(demo_folder / "demo.duckdb", db)
    modules = loaded(tmp_path, "brief", "--db", str(db), "--out", str(tmp_path / "out"))
    assert "watchdesk.agents.briefing.news_part" in modules and list((tmp_path / "out").glob("briefing-*.html"))
    assert "feedparser" not in modules and "watchdesk.sources.news.feeds" not in modules
