"""Bug: where a filing has no risk-factor or MD&A section to compare, `watchdesk edgar diff` still printed
"Similarity 0.000 (cosine on word counts), 0.000 (Jaccard on words)" (JSON 0.0): the number a reader takes for
"every word changed". ASML's 20-F excerpt against itself (it files its annual report as the 20-F, without item
headings) said so of both sections, with the note "the older filing has no such section" though neither has one.
Nothing compared has no similarity: null in JSON, "not compared" in Markdown, and the note names both filings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

ASML = "ASML_20-F_FY2025_excerpt_asml-20251231.htm"


def diff(edgar_fixtures: Path, *args: str) -> str:
    path = edgar_fixtures / "filings" / ASML
    if not path.exists():
        pytest.skip("the ASML 20-F excerpt is not in the fixtures")
    result = CliRunner().invoke(cli, ["edgar", "diff", str(path), str(path), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_says_null_and_neither(edgar_fixtures: Path) -> None:
    for section in json.loads(diff(edgar_fixtures))["sections"]:
        assert section["similarity"] is None and section["jaccard"] is None
        assert section["note"] == "neither filing has such a section"


def test_markdown_says_not_compared(edgar_fixtures: Path) -> None:
    text = diff(edgar_fixtures, "--format", "md")
    assert "0.000" not in text
    assert text.count("Not compared: neither filing has such a section.") == 2
