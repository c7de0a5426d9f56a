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
    assert set(change) == {"heading", "old", "new", "similarity", "kind", "added_sentences", "removed_sentences",
                           "rewritten_sentences", "moved_sentences"}  # fmt: skip
    assert {"text", "topics", "in_sentence"} == set(change["added_sentences"][0])
    # what OLD's factor said and NEW's no longer does (in_sentence: OLD's sentence, for words deleted from it)
    assert {"text", "topics", "in_sentence"} == set(change["removed_sentences"][0])
    assert {"old", "new", "topics"} == set(change["rewritten_sentences"][0])
    assert {"heading", "old", "new"} == set(mdna["rewritten"][0]) and {"heading", "text", "to", "now",
                                                                       "to_heading"} == set(mdna["moved"][0])
    # an MD&A sentence added, or words inserted into one ("in_sentence"), with the subheading it sits under
    assert all({"heading", "text", "in_sentence", "under"} == set(r) for r in mdna["added"])
    assert all({"heading", "text", "under"} == set(r) for r in mdna["removed"])
    assert change["kind"] in {"expanded", "shortened", "reworded"}
    assert risk["changed"][0]["heading"].startswith("We are subject to complex laws")  # most characters first
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


def test_two_companies_are_refused_unless_asked_for(edgar_fixtures: Path) -> None:
    """A review found NVIDIA's 10-K diffed against Tesla's without a word (cosine 0.971, near a real year-on-year)."""
    nvda, _ = pair(edgar_fixtures, NVDA)
    tsla = edgar_fixtures / "filings" / "TSLA_10-K_FY2024_filed-2025-01-30.html"
    refused = run(nvda, tsla, "--section", "1A")
    assert refused.exit_code == EXIT_CONFIG and refused.stdout == ""
    assert ("NVDA_10-K_FY2024_filed-2024-02-21.html is NVIDIA CORP (CIK 1045810) and "
            "TSLA_10-K_FY2024_filed-2025-01-30.html is Tesla, Inc. (CIK 1318605)") in refused.stderr
    assert "--across-companies" in refused.stderr
    asked = run(nvda, tsla, "--section", "1A", "--across-companies")
    assert asked.exit_code == 0 and json.loads(asked.stdout)["sections"][0]["item"] == "1A"


def test_new_older_than_old_is_compared_as_given_with_a_warning(edgar_fixtures: Path) -> None:
    old, new = pair(edgar_fixtures, NVDA)
    swapped = run(new, old, "--section", "1A")
    assert swapped.exit_code == 0
    assert [r["heading"][:24] for r in json.loads(swapped.stdout)["sections"][0]["added"]] == [
        "Our indebtedness could a"]  # the risk factor FY2025 dropped reads as added, as given
    assert "period ended 2024-01-28) is older than OLD" in swapped.stderr
    assert "warning" not in run(old, new, "--section", "1A").stderr


def test_identity_from_the_cover_tags_and_the_sgml_header(edgar_fixtures: Path) -> None:
    from datetime import date

    from watchdesk.sources.filing_items import split_submission
    from watchdesk.sources.filing_parse import FilingIdentity, filing_identity

    def ident(name: str) -> FilingIdentity:
        path = edgar_fixtures / "filings" / name
        if not path.exists():
            pytest.skip(f"{name} is not in the fixtures")
        return filing_identity(*split_submission(path.read_bytes())[:2])

    assert ident("NVDA_10-K_FY2024_filed-2024-02-21.html") == FilingIdentity(1045810, "NVIDIA CORP", date(2024, 1, 28))
    assert ident("ASML_20-F_FY2025_excerpt_asml-20251231.htm") == FilingIdentity(
        937966, "ASML HOLDING NV", date(2025, 12, 31))
    assert ident("NVDA_8-K_2026-03_0001045810-26-000024.txt") == FilingIdentity(
        1045810, "NVIDIA CORP", date(2026, 3, 2))
    assert ident("PlymouthRock_20-F_0001062993-21-003193.html") == FilingIdentity()  # no tags: nothing refused


def test_a_file_naming_no_form_says_so(tmp_path: Path) -> None:
    page = tmp_path / "notes.md"
    page.write_text("# Notes\n\nSome text that is not a filing.\n")
    result = run(page, page)
    assert result.exit_code == EXIT_CONFIG and "this file names no form" in result.stderr
    assert "unknown form" not in result.stderr  # it read "not an unknown form"


def test_two_forms_are_compared_with_a_warning(edgar_fixtures: Path) -> None:
    """A review: NVIDIA's FY2025 10-K against its Q2 FY2026 10-Q was compared without a word, MD&A Item 7 against
    Part I Item 2 (cosine 0.947 and 41 'added' sentences that are the quarter's, not a change)."""
    _, ten_k = pair(edgar_fixtures, NVDA)
    ten_q = edgar_fixtures / "filings" / "NVDA_10-Q_Q2FY2026_filed-2025-08-27.html"
    if not ten_q.exists():
        pytest.skip("the NVIDIA 10-Q is not in the fixtures")
    mixed = run(ten_k, ten_q, "--section", "7")
    assert mixed.exit_code == 0
    assert ("warning: OLD (NVDA_10-K_FY2025_filed-2025-02-26.html) is a 10-K and NEW "
            "(NVDA_10-Q_Q2FY2026_filed-2025-08-27.html) a 10-Q") in mixed.stderr
    assert json.loads(mixed.stdout)["sections"][0]["item"] == "7"


def test_a_section_refused_is_named_as_the_help_writes_it() -> None:
    """Noticed in session 31: `--section 9Z` was refused with "'9Z' is not one of '1a', '7', 'all'" (click names the
    case-folded choices) where the help and README write 1A; the same for `edgar sections --form` (10-k) and
    `findings --format`. The choices are still taken in any case."""
    said = run("old.htm", "new.htm", "--section", "9Z")
    assert said.exit_code == EXIT_CONFIG
    assert "'9Z' is not one of '1A', '7', 'all'" in said.output, said.output
    form = CliRunner().invoke(cli, ["edgar", "sections", "x.htm", "--form", "8-k"])
    assert "'8-k' is not one of '10-K', '10-Q', '20-F'" in form.output, form.output


def test_a_section_is_taken_in_any_case(edgar_fixtures: Path) -> None:
    old, new = pair(edgar_fixtures, NVDA)
    lower, upper = run(old, new, "--section", "1a"), run(old, new, "--section", "1A")
    assert lower.exit_code == upper.exit_code == 0 and lower.output == upper.output
