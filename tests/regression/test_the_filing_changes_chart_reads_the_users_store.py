"""A new user's walkthrough: filing_changes.ipynb charts the similarity of consecutive filings from the team's fixture
filings (../shared/fixtures), which no user's checkout has. Without them it printed "fixtures: None" and drew two empty
panels, though the store it then read held comparisons (the demo's NVIDIA 10-Ks: risk factors cosine 0.999, Jaccard
0.889). Now, without the fixtures, the chart is drawn from the comparisons the store holds, and it says so; with no
store either it says what would fill it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat

from tests.conftest import REPO
from tests.integration.test_notebooks_read_safely import in_a_kernel


def run_without_fixtures(tmp_path: Path, db: Path | None) -> str:
    """The notebook run from a folder with no ../shared/fixtures beside it (a user's checkout): what it printed."""
    folder = tmp_path / "a" / "b" / "notebooks"
    folder.mkdir(parents=True)
    shutil.copy(REPO / "notebooks" / "filing_changes.ipynb", folder)
    nb = nbformat.read(folder / "filing_changes.ipynb", as_version=4)
    env = {k: v for k, v in os.environ.items() if k != "WATCHDESK_DB"}
    env.update({"MPLBACKEND": "Agg", "WATCHDESK_NOTEBOOK_OUT": str(tmp_path)})
    if db is not None:
        env["WATCHDESK_DB"] = str(db)
    with in_a_kernel(nb, env, folder=folder) as client:  # the test process's reused kernel, made as a new one
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
    return "".join(o.get("text", "") for cell in nb.cells for o in cell.get("outputs", []))


def test_without_fixtures_the_chart_shows_the_stores_comparisons(demo_folder: Path, tmp_path: Path) -> None:
    db = demo_folder / "demo.duckdb"
    printed = run_without_fixtures(tmp_path, db)
    assert "fixtures: None" in printed
    assert f"the team's fixture filings are not beside this checkout: the 2 section comparisons stored in {db}" in (
        printed)
    assert "NVDA  10-K  Risk factors  cosine 0.999 jaccard 0.889 new 0 removed 1 changed 21" in printed, printed
    assert "NVDA  10-K  MD&A          cosine 0.990 jaccard 0.747" in printed, printed
    assert (tmp_path / "section_similarity.png").stat().st_size > 10_000


def test_without_fixtures_or_store_it_says_what_would_fill_the_chart(tmp_path: Path) -> None:
    printed = run_without_fixtures(tmp_path, None)
    assert "no fixture filings and no store to read: `watchdesk run`" in printed, printed
    assert "nothing to chart: no filings were compared" in printed, printed
