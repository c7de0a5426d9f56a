"""A review of 81cfd3f: `watchdesk brief --week 2099-W01` was refused as a week that has not begun, but the same
period given as `--since 2099-01-01 --until 2099-01-07` still wrote a briefing of it saying "no gaps", as if nothing
had happened in it. A period that begins after today is refused alike (exit 2, before the database is read); one
that began and runs past today is briefed as before."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.graph.settings import today


def test_a_period_that_has_not_begun_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["brief", "--since", "2099-01-01", "--until", "2099-01-07", "--db",
                                      str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "b")])  # fmt: skip
    assert result.exit_code == EXIT_CONFIG, result.output
    assert (f"--since 2099-01-01 is after today ({today().isoformat()}, UTC): give a period that has begun"
            in " ".join(result.output.split())), result.output  # fmt: skip
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())


def test_a_period_begun_today_is_no_period_to_come(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["brief", "--since", today().isoformat(), "--until", "2099-01-07", "--db",
                                      str(tmp_path / "none.duckdb")])  # fmt: skip
    assert "after today" not in result.output, result.output
