"""Bug: a notebook user had no helper to ask a store the questions a briefing answers: the findings of a ticker,
topic or period with the URL of their source, what changed between a company's filings, a finding's sentence
in its context. The notebooks each wrote their own SQL (explore_run's evidence named NVDA in it, without a date or
source), and store.queries' functions need an open Store, which a notebook must not hold. store/explore.py answers
each in one call that opens the file read-only and closes it, with examples in its docstrings, run here on the
demo's store as a reader would run them (explore.evidence's are in store/evidence.py)."""

from __future__ import annotations

import doctest
from datetime import date
from pathlib import Path

import pytest

from tests.integration.test_notebooks_read_safely import writer_can_open
from watchdesk.sources.errors import ConfigError
from watchdesk.store import evidence, explore


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_the_docstring_examples_hold_on_the_demo(demo_folder: Path) -> None:
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs = {"db": demo_folder / "demo.duckdb", "explore": explore, "date": date}
    tests = [t for module in (explore, evidence) for t in finder.find(module, globs=globs) if t.examples]
    assert {t.name.rsplit(".", 1)[-1] for t in tests} == {"findings", "changes", "evidence"}
    for test in tests:
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert writer_can_open(demo_folder / "demo.duckdb")  # every call closed the file again


def test_findings_read_with_their_dates_and_sources(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    rows = explore.findings(db, ticker="nvda", topic=["inventory", "supply_chain"], start=date(2025, 1, 1))
    assert rows and {r["ticker"] for r in rows} == {"NVDA"}
    assert {r["topic"] for r in rows} == {"inventory", "supply_chain"}
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)  # newest first
    assert min(r["date"] for r in rows) >= date(2025, 1, 1)
    filings = [r for r in rows if r["document"] == "10-Q"]
    assert filings and all(r["source"].startswith("https://www.sec.gov/Archives/") for r in filings)
    shown = str(rows)
    assert shown.splitlines()[0].split() == explore.FINDING_COLUMNS
    assert f"{len(rows)} rows, the first 20 shown" in shown
    page = rows._repr_html_()
    assert f'<a href="{filings[0]["source"]}"' in page and "<th>date</th>" in page
    with pytest.raises(ValueError, match=r"the period starts \(2025-02-01\) after it ends \(2025-01-01\)"):
        explore.findings(db, start=date(2025, 2, 1), end=date(2025, 1, 1))


def test_evidence_quotes_its_neighbours_and_source(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    row = explore.findings(db, ticker="NVDA", topic="inventory", start=date(2025, 8, 27), end=date(2025, 8, 27))[0]
    said = explore.evidence(db, row["finding_id"], around=2)
    assert len(said.before) == 2 and len(said.after) == 2 and said.quoted_exactly
    text = str(said)
    assert text.splitlines()[1] == row["source"] and f">>> {row['sentence']} <<<" in text
    assert text.startswith("NVDA 10-Q, 2025-08-27")
    with pytest.raises(ConfigError, match="'nosuchid' is not a finding's id or citation"):
        explore.evidence(db, "nosuchid")
    with pytest.raises(ConfigError, match="no finding 0000000000 in"):
        explore.evidence(db, "0000000000")
