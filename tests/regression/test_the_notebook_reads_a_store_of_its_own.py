"""Bug: explore_run.ipynb was written for the demo's store. Its evidence cell quoted NVIDIA's warnings only (the
ticker was in its SQL), so on a store that watches other companies it printed nothing, and it gave no date and
no source for a quote; "What was fetched" listed a call's internal key (transcript:TSM:2026-Q2:2026-07-16) where
the file or page it came from is stored; the gaps of every run came unsorted and without their run; and on a store
that holds no run yet it showed empty tables and said nothing. Now the evidence quotes the store's most-mentioned
company (or the TICKER set in the cell), each quote with its document, date and source, the documents show their
source, the gaps their run in order, and an empty store says how to fill it."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from tests.conftest import SHARED_FIXTURES
from tests.integration.test_notebooks_read_safely import EXPLORE, execute
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store


def without_nvidia(demo_folder: Path, tmp_path: Path) -> Path:
    """The demo's store as a desk that watches TSMC alone would have it."""
    db = tmp_path / "tsmc.duckdb"
    shutil.copy(demo_folder / "demo.duckdb", db)
    with duckdb.connect(str(db)) as con:
        nvda = "(SELECT doc_id FROM documents WHERE ticker = 'NVDA')"
        for table in ("findings", "sentences", "doc_spans", "doc_flags"):
            con.execute(f"DELETE FROM {table} WHERE doc_id IN {nvda}")
        con.execute("DELETE FROM filing_changes WHERE ticker = 'NVDA'")
        con.execute("DELETE FROM filing_comparisons WHERE ticker = 'NVDA'")
        con.execute("DELETE FROM documents WHERE ticker = 'NVDA'")
    return db


def test_the_evidence_quotes_the_stores_own_company_with_sources(
    demo_folder: Path, tmp_path: Path, shared_fixtures: Path
) -> None:
    printed, error = execute(EXPLORE, without_nvidia(demo_folder, tmp_path))
    assert not error, error
    quotes = re.findall(r"^\[TSM (\w+) -\d\.\d\d earnings call 2026-07-16\] (.+)\n +source: (.+)$", printed, re.M)
    assert {topic for topic, _, _ in quotes} == {"supply_chain"}, printed
    call = SHARED_FIXTURES / "transcripts" / "tsmc" / "TSM_Q2_2026_earnings_call_2026-07-16.txt"
    assert {source for _, _, source in quotes} == {str(call)}
    assert "transcript:TSM:2026-Q2:2026-07-16" not in printed  # the documents show where their text came from
    assert re.search(r"^demo-2026-09-01  TSM  filings  20-F 0001628280-26-025362\n    not in the recording: ", printed,
                     re.M), printed


def test_a_store_with_no_run_says_how_to_fill_it(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    Store.open(db).close()
    printed, error = execute(EXPLORE, db)
    assert not error, error
    assert f"{db} holds no run yet: `watchdesk run WATCHLIST --db {db}` fills it" in printed
    assert "No findings to quote." in printed
    # not "The gaps below say why." over no gaps (a new user's walkthrough)
    assert "No findings yet: no run has stored anything in this file." in printed
    assert "No gaps: every run got what it asked for." in printed and "gaps below" not in printed


def test_runs_say_their_watchlist_and_times_in_utc(tmp_path: Path) -> None:
    """The runs table showed neither which watchlist a run was for (a store may hold several) nor that its times
    are UTC, and gave them to the microsecond, wrapped over lines ("2026-12-05 20:36:04.280" / "504")."""
    db = tmp_path / "two.duckdb"
    with Store.open(db) as store:
        for run_id, watchlist, hour in (("r-semis", "semis", 9), ("r-energy", "energy", 10)):
            started = datetime(2026, 11, 23, hour, 5, 7, 123456, tzinfo=UTC)
            store.save_run(RunRecord(run_id=run_id, watchlist=watchlist, watchlist_hash="h", mode="live",
                                     status="done", started_at=started))  # fmt: skip
    printed, error = execute(EXPLORE, db)
    assert not error, error
    rows = [line for line in printed.splitlines() if "r-semis" in line or "r-energy" in line]
    assert [r.split("│")[1:5] for r in rows] == [
        [" r-semis  ", " semis     ", " done    ", " 2026-11-23 09:05 "],
        [" r-energy ", " energy    ", " done    ", " 2026-11-23 10:05 "],
    ], printed
    assert "started (UTC)" in printed
