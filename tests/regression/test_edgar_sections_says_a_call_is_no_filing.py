"""Bug (a new user's review, session 38): `watchdesk edgar sections NVDA_2026_Q1.txt` (a call transcript given by
mistake) said "the cover page does not name the form; pass --form 10-K, 10-Q or 20-F", and with --form 10-K then "no
10-K items found": the user was sent to an option that cannot help. `edgar items` already said the file "does not look
like an SEC filing". Now `sections` says so too when the file names no form and has no SEC markers, while a filing
whose cover names no form is still asked for --form."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli

# a cover page's boilerplate, no form named on it
COVER = ("<html><body><p>NVIDIA CORPORATION</p><p>(Exact name of registrant as specified in its charter)</p>"
         "<p>Commission File Number: 0-23985</p><p>Item 1. Business</p><p>We make GPUs.</p></body></html>")
CALL = "\n\n".join(["Operator: Good afternoon, and welcome to the quarterly earnings call."] +
                   ["Jensen Huang: Demand for our products remains strong, and supply is improving."] * 30)


def _sections(path: Path, *more: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["edgar", "sections", str(path), *more])
    return result.exit_code, result.stderr


def test_a_call_is_said_to_be_no_filing(tmp_path: Path) -> None:
    call = tmp_path / "NVDA_2026_Q1.txt"
    call.write_text(CALL)
    assert _sections(call) == (2, f"error: {call} does not look like an SEC filing (no SGML header, inline XBRL or "
                                  "cover page); expected a filing's .htm/.html or full-submission .txt\n")


def test_a_filing_whose_cover_names_no_form_is_asked_for_it(tmp_path: Path) -> None:
    filing = tmp_path / "cover.htm"
    filing.write_text(COVER)
    code, said = _sections(filing)
    assert (code, said) == (2, f"error: {filing}: the cover page does not name the form; pass --form 10-K, 10-Q or "
                               "20-F\n")
