"""Bug: `watchdesk plan "Track AMD" --out nodir/w.toml`, with no folder nodir, exited 1 with "unexpected
FileNotFoundError ... please report it", after parsing the goal, where `watchdesk init nodir/w.toml` says the
folder does not exist and exits 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli


@pytest.mark.parametrize("command", [["plan", "Track AMD", "--as-of", "2026-12-03", "--out"], ["init"]])
def test_a_file_in_a_missing_folder_is_bad_input(command: list[str], tmp_path: Path) -> None:
    out = tmp_path / "nodir" / "w.toml"
    result = CliRunner().invoke(cli, [*command, str(out)])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert f"folder {out.parent} does not exist: create it first" in result.output
    assert "unexpected" not in result.output and not out.parent.exists()


def test_a_folder_that_is_a_file_is_said_to_be_one(tmp_path: Path) -> None:
    """A CLI review: `plan --out notes.txt/w.toml` (and init) said "folder notes.txt does not exist", though it does,
    as a file."""
    notes = tmp_path / "notes.txt"
    notes.write_text("mine\n")
    for args in (["init", str(notes / "w.toml")], ["plan", "Track AMD", "--out", str(notes / "w.toml")]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, result.output
        assert f"{notes} is a file, not a folder: give another path for w.toml" in result.output
    assert notes.read_text() == "mine\n"
