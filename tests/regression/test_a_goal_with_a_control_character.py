"""Bug: `watchdesk plan $'Watch NVDA\x1b[31m weekly'` (an escape sequence pasted from a coloured terminal) or a goal
holding a NUL said "error: <written watchlist>: TOML syntax error: Found invalid character '\x1b' (at line 2, column
15)", a file the user never wrote (exit 2, nothing planned); and a goal holding a right-to-left override (U+202E),
which the parser reads past, was written into the watchlist's header comment as it was, reversing the rest of that
line on screen. The header now quotes the goal with such characters shown as escapes ('\x1b', '\u202e'), as the
console does; the goal is planned."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli


@pytest.mark.parametrize(("goal", "quoted"), [
    ("Watch NVDA\x1b[31m weekly", "#   Watch NVDA\\x1b[31m weekly"),
    ("Watch NVDA\x00", "#   Watch NVDA\\x00"),
    ("Watch \u202eNVDA", "#   Watch \\u202eNVDA"),
])  # fmt: skip
def test_the_goal_is_quoted_with_its_control_characters_as_escapes(goal: str, quoted: str) -> None:
    result = CliRunner().invoke(cli, ["plan", goal])
    assert result.exit_code == 0, result.output
    assert quoted in result.stdout.splitlines() and 'symbol = "NVDA"' in result.stdout
    assert not any(c in result.stdout for c in "\x1b\x00\u202e")
