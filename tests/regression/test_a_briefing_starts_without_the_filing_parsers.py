"""`watchdesk brief` imports only what writing a briefing uses. Before, it imported the filing comparison's parsers
and diff (agents/filing_changes.py's module-level imports: sources.filing_diff, filing_parse, the section and risk
factor rules, lxml) for one function and two constants, and the news fetcher (agents/news.py: feeds, the HTTP rate
limiter, idna) for one constant: 472 modules on the demo store, 36 of them for nothing. The briefing reads those
constants from sources/filing_notes.py and store/records.py now; the command is run in a fresh interpreter here
and the modules it ended up with are listed, as tests/unit/test_startup_imports.py does for the short commands."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.unit.test_startup_imports import loaded

# what a briefing never uses: the comparison's parsers and diff, HTML parsing, the news fetcher and feed parser
UNUSED = ("lxml", "bs4", "feedparser", "httpx", "watchdesk.sources.filing_diff", "watchdesk.sources.filing_parse",
          "watchdesk.sources.sections", "watchdesk.sources.sentence_diff", "watchdesk.agents.news",
          "watchdesk.sources.news.fetch")  # fmt: skip


def test_brief_on_the_demo_store_imports_no_filing_parser(tmp_path: Path, demo_folder: Path) -> None:
    db = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_folder / "demo.duckdb", db)  # a copy: a briefing is stored in it
    modules = loaded(tmp_path, "brief", "--db", str(db), "--out", str(tmp_path / "out"))
    assert list((tmp_path / "out").glob("briefing-*.md"))  # it did write the briefing, its filing changes too
    assert "watchdesk.agents.briefing.changes_part" in modules
    assert sorted(m for m in modules if m.split(".")[0] in UNUSED or m in UNUSED) == []
