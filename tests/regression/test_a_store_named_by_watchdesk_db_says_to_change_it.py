"""The session's bad-input review (journey5): with WATCHDESK_DB naming a folder or a missing file, `watchdesk findings`,
`brief`, `runs` and `evidence` said "pass --db with the file a run wrote", though the user had passed no --db: the path
came from the variable. They now say that WATCHDESK_DB names it and to set it (or pass --db); with --db given, or no
variable set, the message is as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

_COMMANDS = [["findings"], ["brief"], ["runs"], ["evidence", "F-00000000"]]


@pytest.mark.parametrize("args", _COMMANDS, ids=lambda a: a[0])
def test_a_folder_named_by_the_variable_says_to_set_it(args: list[str], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WATCHDESK_DB", str(tmp_path))
    result = CliRunner().invoke(cli, args)
    said = " ".join(result.output.split())
    assert result.exit_code == 2, result.output
    assert f"{tmp_path} is a folder, not a database (named by WATCHDESK_DB): set WATCHDESK_DB to the file a run " \
           "wrote, or pass --db" in said, said


def test_a_missing_file_given_with_db_still_says_pass_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WATCHDESK_DB", str(tmp_path / "elsewhere.duckdb"))
    missing = tmp_path / "none.duckdb"
    result = CliRunner().invoke(cli, ["findings", "--db", str(missing)])
    said = " ".join(result.output.split())
    assert result.exit_code == 2 and f"no database at {missing}: pass --db with the file a run wrote" in said, said
    assert "WATCHDESK_DB" not in said
