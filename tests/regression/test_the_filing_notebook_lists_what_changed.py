"""Bug: filing_changes.ipynb's "Comparisons a run stored" said `filing_changes` holds each risk factor's fate but
showed only the sections' similarity scores: on the demo's store, that NVIDIA's FY2025 10-K dropped the risk factor
"Our indebtedness could adversely affect our financial position ..." (and which factors it reworded) was in no
output. It now lists what changed, newest filing first, each with the filing its text is in (explore.changes)."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from tests.integration.test_notebooks_read_safely import CHANGES, NOTEBOOKS


def test_the_notebook_lists_the_removed_factor_with_its_filing(demo_folder: Path, tmp_path: Path) -> None:
    nb = nbformat.read(NOTEBOOKS / CHANGES, as_version=4)
    client = NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}})
    env = {**os.environ, "WATCHDESK_DB": str(demo_folder / "demo.duckdb"), "MPLBACKEND": "Agg",
           "WATCHDESK_NOTEBOOK_OUT": str(tmp_path)}  # fmt: skip
    with client.setup_kernel(env=env):
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
    shown = [o["data"] for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "display_data"]
    tables = [d for d in shown if "text/html" in d and "removed risk factor" in d["text/plain"]]
    assert len(tables) == 1, [d.get("text/plain", "")[:200] for d in shown]
    text, page = tables[0]["text/plain"], tables[0]["text/html"]
    first = text.splitlines()[1].split()[:7]
    assert first == ["2025-02-26", "NVDA", "10-K", "2024-02-21", "risk", "factors", "removed"]
    assert "Our indebtedness could adversely affect our financial position" in text
    assert '<a href="https://www.sec.gov/Archives/edgar/data/1045810/000104581024000029/nvda-20240128.htm"' in page
