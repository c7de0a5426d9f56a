"""Bug: `watchdesk run w.toml --dry-run --replay DIR` with a DIR that is no replay pack (an empty folder, a typo'd
one) printed the plan with "tickers NOT checked: SEC's ticker map could not be read (DIR/index.json not found: is DIR
a replay pack directory?)" and exited 0, where the run itself stops on it. A dry run now counts it as a problem
(exit 2); without --replay and without an identity, tickers not checked stay a note, as before."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.graph.demo import demo_pack


def test_a_folder_that_is_no_pack_fails_the_dry_run(tmp_path: Path) -> None:
    (tmp_path / "w.toml").write_text('[[tickers]]\nsymbol = "NVDA"\n')
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "w.toml"), "--dry-run", "--replay", str(tmp_path / "empty"),
                                      "--db", str(tmp_path / "w.duckdb")])
    said = " ".join(result.output.split())
    assert result.exit_code == EXIT_CONFIG, said
    assert f"--replay: {tmp_path / 'empty' / 'index.json'} not found: is {tmp_path / 'empty'} a replay pack " \
           "directory?" in said, said
    assert "valid" not in said.replace("invalid", "")


def test_a_pack_checks_the_tickers(tmp_path: Path) -> None:
    (tmp_path / "w.toml").write_text('[[tickers]]\nsymbol = "NVDA"\n')
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "w.toml"), "--dry-run", "--replay", str(demo_pack()),
                                      "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 0, result.output
    assert "tickers checked against the replay pack" in result.output and "valid" in result.output
