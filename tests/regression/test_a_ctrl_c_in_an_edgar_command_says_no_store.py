"""Bug (a new user's review, session 38): Ctrl-C in `watchdesk edgar diff OLD NEW` (or `edgar sections`, `text`,
`items`, `list`) said "interrupted: what was stored is kept", although these commands print and store nothing; `flag`
and the other commands that store nothing say "interrupted" alone, as README says. The root's handling saw only the
group's name, "edgar", and `edgar download` does write files. Now the edgar group notes which of its commands runs,
and those that only print say "interrupted" (exit 130)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph import cli_edgar, cli_edgar_diff
from watchdesk.graph.cli import cli


def _ctrl_c(*_args: object, **_kwargs: object) -> bytes:
    raise KeyboardInterrupt


@pytest.mark.parametrize("command", [["diff", "OLD", "NEW"], ["sections", "F"], ["text", "F"], ["items", "F"]])
def test_ctrl_c_in_an_edgar_command_that_prints_says_interrupted(command: list[str], tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    for name in ("OLD", "NEW", "F"):
        (tmp_path / name).write_text("<html><body>a filing</body></html>")
    monkeypatch.setattr(cli_edgar, "read_input", _ctrl_c)  # the Ctrl-C lands as the file is read
    monkeypatch.setattr(cli_edgar_diff, "read_input", _ctrl_c)
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(cli, ["edgar", *command])

    assert result.exit_code == 130
    assert result.stderr == "\ninterrupted\n"  # before: "interrupted: what was stored is kept"
