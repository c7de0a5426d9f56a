"""A user walkthrough (walkB): the demo's briefing says "Nothing read for ASML" (its filings could not be listed, its
calls not read: two gaps), but `watchdesk findings --ticker ASML` and explore.findings(db, ticker="ASML") said only
"No findings for ASML.", which reads as "ASML said nothing on these topics". An empty answer now says that nothing
was read for the company, and the gaps its runs recorded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.store import explore


def test_an_empty_answer_for_a_company_never_read_says_so_with_its_gaps(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    said = str(explore.findings(db, ticker="ASML"))
    assert said.startswith("No findings for ASML. Nothing was read for ASML: the store holds none of its documents")
    assert "2 gaps" in said and "filings: not in the recording" in said and "transcripts: no earnings call" in said
    assert "Nothing was read for ASML" in str(explore.changes(db, ticker="ASML"))
    result = CliRunner().invoke(cli, ["findings", "--db", str(db), "--ticker", "ASML", "--polarity", "negative"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("No findings for ASML (negative). Nothing was read for ASML:")
    assert "2 gaps" in result.stderr


def test_an_empty_answer_for_a_company_read_says_only_what_was_asked(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    assert str(explore.findings(db, ticker="NVDA", topic="inventory", polarity="positive", kind="news",
                                start=date(2030, 1, 1))) == (
        "No findings for NVDA on inventory from 2030-01-01 (positive, in news)."
    )  # fmt: skip
