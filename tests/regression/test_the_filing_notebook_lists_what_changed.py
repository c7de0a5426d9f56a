"""Bug: filing_changes.ipynb's "Comparisons a run stored" said `filing_changes` holds each risk factor's fate but
showed only the sections' similarity scores: on the demo's store, that NVIDIA's FY2025 10-K dropped the risk factor
"Our indebtedness could adversely affect our financial position ..." (and which factors it reworded) was in no
output. It now lists what changed, newest filing first, each with the filing its text is in (explore.changes)."""

from __future__ import annotations

from tests.integration.test_notebooks_read_safely import ChangesRun


def test_the_notebook_lists_the_removed_factor_with_its_filing(filing_changes_run: ChangesRun) -> None:
    # its last cell (the one that reads a store: the cells before it chart the fixture filings) on the demo's store
    error, outputs = filing_changes_run.again["demo"]
    assert not error, error
    shown = [o["data"] for o in outputs if o.get("output_type") == "display_data"]
    tables = [d for d in shown if "text/html" in d and "removed risk factor" in d["text/plain"]]
    assert len(tables) == 1, [d.get("text/plain", "")[:200] for d in shown]
    text, page = tables[0]["text/plain"], tables[0]["text/html"]
    first = text.splitlines()[1].split()[:7]
    assert first == ["2025-02-26", "NVDA", "10-K", "2024-02-21", "risk", "factors", "removed"]
    assert "Our indebtedness could adversely affect our financial position" in text
    assert '<a href="https://www.sec.gov/Archives/edgar/data/1045810/000104581024000029/nvda-20240128.htm"' in page
