"""A new user's walkthrough of explore_run.ipynb on the demo's store: its gaps table cut every reason at about 50
characters ("not in the recording: https://data.sec.gov/submissio…"), so what a run could not get, and what to do,
could not be read; its quotes gave no citation, so `explore.evidence(db, finding_id)`, which the cell's text points
to, could not be called on one of them; and a store whose runs stored documents with no mention said "The gaps below
say why." over no gaps. Now each gap is a line with its reason whole, each quote ends with its citation as a
briefing gives it ([F-...], which explore.evidence takes), and a store without findings says why as far as it can."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb

from tests.integration.test_notebooks_read_safely import EXPLORE, execute
from watchdesk.store import explore


def test_quotes_carry_their_citation_and_gaps_their_whole_reason(explore_on_the_demo: tuple[Path, str, str]) -> None:
    db, printed, error = explore_on_the_demo  # the notebook on the demo's store (tests/regression/conftest.py)
    assert not error, error
    quotes = re.findall(r"^\[NVDA (\w+) -\d\.\d\d [^\]]+\] .+ \[(F-[0-9a-f]{8,})\]\n +source: ", printed, re.M)
    assert {topic for topic, _ in quotes} == {"geopolitical", "inventory", "supply_chain"}, printed
    for _, citation in quotes:  # each citation is one explore.evidence reads
        assert explore.evidence(db, citation).quoted_exactly
    with duckdb.connect(str(db), read_only=True) as con:
        reasons = [reason for (reason,) in con.execute("SELECT reason FROM gaps").fetchall()]
    assert reasons and all(f"\n    {reason}\n" in printed for reason in reasons), printed
    assert f"{len(reasons)} gaps" in printed


def test_documents_without_mentions_are_said_so(demo_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "no-mentions.duckdb"
    shutil.copy(demo_folder / "demo.duckdb", db)
    with duckdb.connect(str(db)) as con:
        con.execute("DELETE FROM findings")
        stored = con.execute("SELECT count(*) FROM documents").fetchone()
    printed, error = execute(EXPLORE, db)
    assert not error, error
    assert f"No findings: none of the {stored[0]} stored documents mentions a watched topic." in printed, printed
