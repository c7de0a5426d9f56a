"""Bug: a 10-Q whose Part II Item 1A lists only the risk factors that changed ("Other than the risk factors listed
below, there have been no material changes") had every factor it did not list again reported as removed.
`watchdesk edgar diff` of NVIDIA's FY2025 10-K against its Q2 FY2026 10-Q printed 21 "Removed risk factors"
(competition, suppliers, Delaware law ...) under a note saying "a factor not listed again may still apply", and a run
comparing two such 10-Qs stored them as `removed` rows that the briefing quotes as "in 10-Q ..., not in 10-Q ...".
Such a list cannot tell a removed factor from one left unchanged: a factor it does not list again is not removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.unit.test_risk_factors import parsed
from watchdesk.graph.cli import cli
from watchdesk.sources.filing_diff import compare


def test_the_10q_changes_list_removes_no_factor_of_the_10k(edgar_fixtures: Path) -> None:
    ten_k, ten_q = parsed(edgar_fixtures, "NVDA FY2025"), parsed(edgar_fixtures, "NVDA Q2 FY2026")
    risk = compare(ten_k, ten_q, items=("1A",)).sections[0]
    assert risk.of_kind("removed") == []
    assert "a factor not listed again may still apply" in risk.note
    # the two factors it lists are still matched to the 10-K's
    listed = {c.new.heading[:40]: c.kind for c in risk.changes if c.new and c.old}
    assert set(listed) == {"We may not be able to realize the potent", "We are subject to complex laws, rules, r"}


def test_edgar_diff_lists_no_removed_factor(edgar_fixtures: Path) -> None:
    paths = [edgar_fixtures / "filings" / n for n in (
        "NVDA_10-K_FY2025_filed-2025-02-26.html", "NVDA_10-Q_Q2FY2026_filed-2025-08-27.html")]
    if not all(p.exists() for p in paths):
        pytest.skip("the NVIDIA filings are not in the fixtures")
    result = CliRunner().invoke(cli, ["edgar", "diff", *map(str, paths), "--section", "1A"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sections"][0]["removed"] == []
