"""A CLI review: `watchdesk sentiment --input empty.jsonl` exited 0 with no output, though the README lists an empty
file as bad input (exit 2) and `watchdesk flag empty.txt` says so. A named file with no sentence is now bad input;
an empty pipe still scores nothing, with exit 0, as a stream may be empty."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_a_named_file_with_no_sentence_is_bad_input(tmp_path: Path, content: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(content)
    result = CliRunner().invoke(cli, ["sentiment", "--input", str(path)])
    assert result.exit_code == 2, result.output
    assert f"{path}: no sentences in it" in result.output


def test_an_empty_pipe_scores_nothing() -> None:
    result = CliRunner().invoke(cli, ["sentiment"], input="")
    assert result.exit_code == 0 and result.output == ""
