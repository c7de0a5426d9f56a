"""Bug: `watchdesk edgar diff` listed "Most changed risk factors" least similar (cosine) first, so on NVIDIA's
FY2024 -> FY2025 10-K the export-controls factor, grown by 6,773 characters (19,255 -> 26,028) with the AI
Diffusion rule, came 9th at similarity 0.993, behind factors that changed a few hundred characters; the briefing
already ranks the same changes by characters changed (c3cd207) and puts it first. Both now rank alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

NVDA = ("NVDA_10-K_FY2024_filed-2024-02-21.html", "NVDA_10-K_FY2025_filed-2025-02-26.html")
EXPORTS = "We are subject to complex laws, rules, regulations, and political and other actions, including restrictions"


def diff(edgar_fixtures: Path, *args: str) -> str:
    paths = [edgar_fixtures / "filings" / n for n in NVDA]
    if not all(p.exists() for p in paths):
        pytest.skip("the NVIDIA 10-Ks are not in the fixtures")
    result = CliRunner().invoke(cli, ["edgar", "diff", *map(str, paths), "--section", "1A", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_export_controls_factor_leads_the_json(edgar_fixtures: Path) -> None:
    changed = json.loads(diff(edgar_fixtures))["sections"][0]["changed"]
    assert changed[0]["heading"].startswith(EXPORTS)
    assert changed[1]["heading"].startswith("Long manufacturing lead times")  # 13,520 -> 10,626


def test_the_export_controls_factor_leads_the_markdown(edgar_fixtures: Path) -> None:
    text = diff(edgar_fixtures, "--format", "md")
    first = text.split("### Most changed risk factors (most characters changed first)\n\n", 1)[1].splitlines()[0]
    assert first.startswith("- expanded (similarity 0.993): **" + EXPORTS)
