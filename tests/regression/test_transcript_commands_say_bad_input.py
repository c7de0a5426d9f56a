"""Bug (a CLI review): `watchdesk transcript fetch "" --folder calls` printed a pydantic error ("String should have at
least 1 character ...; please report it", exit 1), `transcript fetch ../../etc` took "../../ETC" for a ticker,
`--folder notes.txt` (a file) said "transcript folder notes.txt does not exist", and `transcript parse ""` (or
`flag ""`) said " is a folder". Each now says what is wrong with the value given (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli


@pytest.mark.parametrize(("args", "said"), [
    (["transcript", "fetch", "", "--folder", "{tmp}"], "'' is not a ticker (letters, digits, '.' or '-', such as NVDA "
                                                      "or BRK-B)"),
    (["transcript", "fetch", "../../etc", "--folder", "{tmp}"], "'../../etc' is not a ticker"),
    (["transcript", "fetch", "NVDA", "--folder", "{tmp}/notes.txt"], "tried folder {tmp}/notes.txt: {tmp}/notes.txt "
                                                                     "is a file, not a folder of transcripts"),
    (["transcript", "parse", ""], "no file given (the path is empty); give a transcript .html, .txt, .json or .pdf"),
    (["flag", ""], "no file given (the path is empty)"),
    (["edgar", "text", ""], "no file given (the path is empty)"),
])  # fmt: skip
def test_a_bad_ticker_folder_or_path_is_said(args: list[str], said: str, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    result = CliRunner().invoke(cli, [a.replace("{tmp}", str(tmp_path)) for a in args])
    output = " ".join(result.output.split())
    assert result.exit_code == EXIT_CONFIG, output
    assert said.replace("{tmp}", str(tmp_path)) in output and "please report it" not in output


@pytest.mark.parametrize(("option", "said"), [
    ("--folder", "--folder is empty: give a folder of transcript files"),
    ("--url", "--url '' is not a web address"),
    ("--feed", "--feed '' is not a web address"),
])  # fmt: skip
def test_an_empty_source_option_is_said(option: str, said: str) -> None:
    """Bug: `transcript fetch NVDA --folder ""` said "unexpected ValidationError ... please report it" (exit 1)."""
    result = CliRunner().invoke(cli, ["transcript", "fetch", "NVDA", option, ""])
    output = " ".join(result.output.split())
    assert result.exit_code == EXIT_CONFIG, output
    assert said in output and "please report it" not in output
