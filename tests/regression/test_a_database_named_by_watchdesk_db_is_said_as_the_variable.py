"""user7's review, left: with WATCHDESK_DB naming a folder, `watchdesk demo`, `run --dry-run` and `schedule install`
said "--db: the database adir cannot be written ...: give another --db", and `approve RUN_ID` "pass --db with the file
the run used", though the user had typed no --db: the path came from the variable. They now name WATCHDESK_DB and say
to set it (or pass --db); with --db given the message is as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.offline import GIVE_UP_AT_ONCE
from watchdesk.graph.cli import cli

WATCHLIST = Path(__file__).parents[2] / "graph" / "example_watchlist.toml"


def _said(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "adir").mkdir()
    monkeypatch.setenv("WATCHDESK_DB", "adir")
    monkeypatch.setenv("WATCHDESK_SEC_IDENTITY", "Jane Analyst jane@example.com")
    for name, value in GIVE_UP_AT_ONCE.items():  # `run --dry-run` reads SEC's ticker map first
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0, result.output
    return " ".join(result.output.split())


@pytest.mark.parametrize("args", [["demo"], ["run", str(WATCHLIST), "--dry-run"],
                                  ["schedule", "install", str(WATCHLIST), "--crontab-file", "tab"]],
                         ids=lambda a: a[0])  # fmt: skip
def test_a_folder_named_by_the_variable_is_said_as_the_variable(args: list[str], tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    said = _said(args, tmp_path, monkeypatch)
    assert "WATCHDESK_DB: the database adir cannot be written (adir is a folder): set WATCHDESK_DB to another file, " \
           "or pass --db" in said, said
    assert "--db: the database" not in said and "give another --db" not in said, said


def test_approve_says_the_variable_names_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    said = _said(["approve", "r1"], tmp_path, monkeypatch)
    assert "adir is a folder, not a database: set WATCHDESK_DB to the file the run used, or pass --db with it" in said


def test_a_folder_given_with_db_still_says_db(tmp_path: Path) -> None:
    from watchdesk.graph.validate import option_problems

    (folder := tmp_path / "x.duckdb").mkdir()
    said = option_problems(out_dir=tmp_path, db_path=folder)
    assert said == [f"--db: the database {folder} cannot be written ({folder} is a folder): give another --db"]
