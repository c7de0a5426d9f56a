"""Bug: filing_changes.ipynb printed "AAPL 10-Q Risk factors cosine 0.710 jaccard 0.143 ... the newer filing lists no
risk factors: no material changes", a score the README says such a section does not get ("its risk section is not
compared: no similarity"; `edgar diff` gives null) and which, beside the notebook's "a low score means the filer
rewrote the section", reads as Apple rewriting its risk factors. A section that was not compared now prints "not
compared" and why, with no score, as the chart already leaves it out. A code review then found the notebook took any
note for "not compared": Alphabet's 10-Qs, compared (similarity 1.0 in `edgar diff` and the briefing), printed "not
compared"; the notebook now reads `SectionDiff.comparable`, as `edgar diff` does."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_notebooks_read_safely import ChangesRun


def test_a_10q_that_refers_back_prints_no_score(shared_fixtures: Path, filing_changes_run: ChangesRun) -> None:
    printed, error = filing_changes_run.printed, filing_changes_run.error  # the notebook on a store with a killed run
    assert not error, error
    lines = [line for line in printed.splitlines() if line.startswith(("AAPL", "GOOG", "NVDA")) and "Risk" in line]
    apple, google, nvidia = (next(x for x in lines if x.startswith(t)) for t in ("AAPL", "GOOG", "NVDA"))
    assert "not compared: the newer filing lists no risk factors" in apple and "0.710" not in apple, apple
    # Alphabet's two 10-Qs both refer back in words of their own: both texts are there to compare, so a score it has
    assert "cosine 1.000 jaccard 1.000 (refers to the risk factors of an earlier report)" in google, google
    assert "cosine 0.999 jaccard 0.889" in nvidia  # a compared section keeps its scores
