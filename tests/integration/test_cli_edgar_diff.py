"""`watchdesk edgar diff OLD NEW` on real consecutive filings: the JSON contract, Markdown, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from watchdesk.graph.cli import EXIT_CONFIG, cli

NVDA = ("NVDA_10-K_FY2024_filed-2024-02-21.html", "NVDA_10-K_FY2025_filed-2025-02-26.html")
AAPL = ("AAPL_10-Q_Q2FY2025_aapl-20250329.htm", "AAPL_10-Q_Q3FY2025_filed-2025-08-01.html")


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, ["edgar", "diff", *map(str, args)])


def pair(edgar_fixtures: Path, names: tuple[str, str]) -> tuple[Path, Path]:
    paths = tuple(edgar_fixtures / "filings" / n for n in names)
    if not all(p.exists() for p in paths):
        pytest.skip("the consecutive filings are not in the fixtures")
    return paths  # type: ignore[return-value]


def test_json_contract_on_nvidia(edgar_fixtures: Path) -> None:
    old, new = pair(edgar_fixtures, NVDA)
    result = run(old, new, "--section", "all")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    risk, mdna = data["sections"]
    assert {"item", "similarity", "added", "removed", "changed"} <= set(risk)
    assert risk["item"] == "1A" and mdna["item"] == "7"
    assert 0.99 < risk["similarity"] <= 1.0
    assert risk["added"] == []
    assert [r["heading"][:24] for r in risk["removed"]] == ["Our indebtedness could a"]
    assert set(risk["removed"][0]) == {"heading", "text"}
    change = risk["changed"][0]
    assert set(change) == {"heading", "old", "new", "similarity", "kind"}
    assert change["kind"] in {"expanded", "shortened", "reworded"}
    assert [c["similarity"] for c in risk["changed"]] == sorted(c["similarity"] for c in risk["changed"])
    assert any("geopolitical" in a["heading"] for a in mdna["added"])  # export-control sentences, tagged


def test_markdown_and_one_section(edgar_fixtures: Path) -> None:
    old, new = pair(edgar_fixtures, AAPL)
    result = run(old, new, "--section", "1A", "--format", "md")
    assert result.exit_code == 0, result.output
    assert "## Item 1A: Risk factors" in result.stdout
    assert "no material changes" in result.stdout
    assert "Item 7" not in result.stdout


def test_same_file_twice_is_unchanged(edgar_fixtures: Path) -> None:
    _, new = pair(edgar_fixtures, AAPL)
    data = json.loads(run(new, new).stdout)
    assert all(s["similarity"] == 1.0 and not s["added"] and not s["removed"] for s in data["sections"])


def test_not_a_periodic_report_is_a_config_error(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>FORM 8-K</p><p>CURRENT REPORT</p></body></html>")
    result = run(page, page)
    assert result.exit_code == EXIT_CONFIG
    assert "10-K, 10-Q and 20-F" in result.output and "Traceback" not in result.output
