"""A security review (Trojan Source): `watchdesk edgar text` printed a filing's bidi embeddings, overrides and
isolates (U+202A-U+202E, U+2066-U+2069) and C0/C1 controls to the terminal as they were, so a U+202E in a paragraph
showed the rest of its line reversed ("Results of Operations" could read as something else), where `findings`,
`evidence` and `edgar diff` show them as escapes. `edgar text` now prints them as escapes ("\\u202e") too; a filing
without them prints as before, so `edgar sections`' offsets still index into it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli

FILING = "BKE_8-K.html"  # The Buckle's 8-K of 2024-11-22, as EDGAR serves it
SAID = "The Buckle, Inc. announced financial results"
CONTROLS = "\u202e\u2066\u2069\u202a\x1b\x9b"


def text_of(path: Path) -> str:
    result = CliRunner().invoke(cli, ["edgar", "text", str(path)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_controls_in_a_filings_text_are_shown_as_escapes(edgar_fixtures: Path, tmp_path: Path) -> None:
    page = (edgar_fixtures / "filings" / FILING).read_text(encoding="utf-8")
    assert SAID in page
    # the filing as one with a hidden override would read: as a raw character and as an HTML entity
    hidden = page.replace(SAID, "The Buckle, Inc. \u202eannounced&#x2066; financial\x1b[2J &#x9b;results\u202a")
    (tmp_path / FILING).write_text(hidden, encoding="utf-8")
    shown = text_of(tmp_path / FILING)
    assert not any(c in shown for c in CONTROLS), [c for c in CONTROLS if c in shown]
    assert "The Buckle, Inc. \\u202eannounced\\u2066 financial" in shown and "results\\u202a for the" in shown


def test_a_filing_without_controls_prints_as_it_did(edgar_fixtures: Path) -> None:
    from watchdesk.sources.filing_items import document_text

    path = edgar_fixtures / "filings" / FILING
    assert text_of(path) == document_text(path.read_bytes()) + "\n"
