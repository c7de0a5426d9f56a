"""A new user's walkthrough: a mistake click catches itself (a folder given to --db, a day that is no day, a command
or option that does not exist, a missing argument, two inputs that exclude each other) was said in click's four lines
("Usage: ...", "Try '... --help' for help.", a blank line, "Error: ..."), while every mistake watchdesk catches is one
line, "error: ...", as README's "Bad input and exit codes" promises. Now both are one line, naming the command's help;
exit code 2 as before. `watchdesk` or `watchdesk edgar` alone still shows its help."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

CASES = [
    (["findings", "--db", "{tmp}"],
     "Invalid value for '--db': File '{tmp}' is a directory; see `watchdesk findings --help`"),
    (["findings", "--since", "2025-13-01"], "Invalid value for '--since': '2025-13-01' is not a day (month must be in "
                                            "1..12); give YYYY-MM-DD; see `watchdesk findings --help`"),
    (["bogus"], "No such command 'bogus'; see `watchdesk --help`"),
    # a command one slip off, or known by another name (the session's bad-input review: `watchdesk audit` said no more)
    (["audit"], "No such command 'audit'; did you mean `watchdesk runs`? (a run's plan, steps and audit trail: "
                "`watchdesk runs RUN_ID`); see `watchdesk --help`"),
    (["report"], "No such command 'report'; did you mean `watchdesk brief`? (a period's briefing); see `watchdesk "
                 "--help`"),
    (["--bogus"], "No such option '--bogus'; see `watchdesk --help`"),
    (["edgar", "diff", "old.htm"], "Missing argument 'NEW'; see `watchdesk edgar diff --help`"),
    (["flag", "--text", "Inventory is high.", "call.txt"], "give a file (call.txt) or --text, not both; see `watchdesk "
                                                           "flag --help`"),
    (["sentiment", "--input", "{tmp}/none.jsonl"], "Invalid value for '--input': '{tmp}/none.jsonl': No such file or "
                                                   "directory; see `watchdesk sentiment --help`"),
]


@pytest.mark.parametrize(("args", "said"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_a_usage_mistake_is_one_line_and_exit_2(tmp_path: Path, args: list[str], said: str) -> None:
    (tmp_path / "call.txt").write_text("Operator: Good afternoon.\n", encoding="utf-8")
    args = [a.format(tmp=tmp_path) for a in args]
    result = CliRunner().invoke(cli, args, prog_name="watchdesk")
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert lines[0] == "error: " + said.format(tmp=tmp_path), lines[0]
    assert result.stdout == ""


@pytest.mark.parametrize("args", [[], ["edgar"]])
def test_a_group_alone_still_shows_its_help(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args, prog_name="watchdesk")
    assert result.output.startswith(f"Usage: watchdesk {' '.join(args)}".rstrip() + " [OPTIONS] COMMAND [ARGS]..."), (
        result.output)
    assert "Commands:" in result.output and "error:" not in result.output
