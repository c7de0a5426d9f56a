"""The session's bad-input review: a command reading stdin ("-") named it "-" in what it said ("error: -: transcript
is empty (0 bytes) ...", "-: the cover page does not name the form"), as if a file were called "-". Now it is
"<stdin>", as `flag --text -` already said it; a file's errors still name the file."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli


@pytest.mark.parametrize(
    ("args", "stdin", "said"),
    [
        (["transcript", "parse", "-"], "", "error: <stdin>: transcript is empty (0 bytes)"),
        (["transcript", "parse", "-"], "\x00\x01binary", "error: <stdin>: binary data, not text"),
        (["flag", "-"], "", "error: <stdin>: transcript is empty (0 bytes)"),
        (["edgar", "sections", "-"], "hello", "error: <stdin> does not look like an SEC filing"),
        (["edgar", "text", "-"], "", "error: <stdin> is empty"),
        (["edgar", "text", "-"], '{"a": 1}', "error: <stdin> is JSON, not a filing"),
    ],
)
def test_stdin_is_named_stdin_in_an_error(args: list[str], stdin: str, said: str) -> None:
    result = CliRunner().invoke(cli, args, input=stdin)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(said), result.stderr
    assert "-:" not in result.stderr and "error: - " not in result.stderr, result.stderr
