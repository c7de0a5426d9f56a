"""A user walkthrough (walkB): `watchdesk brief --week 2099-W01` wrote a briefing of that week saying "no gaps", as if
nothing had happened in it, where `run --as-of` refuses a day after today. A week that has not begun is refused
(exit 2) with the week of today to give instead; the week of today is briefed as before."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.graph.settings import today


def test_a_week_that_has_not_begun_is_refused(tmp_path: Path) -> None:
    now = today().isocalendar()
    result = CliRunner().invoke(cli, ["brief", "--week", "2099-W01", "--db", str(tmp_path / "none.duckdb"),
                                      "--out", str(tmp_path / "b")])  # fmt: skip
    assert result.exit_code == EXIT_CONFIG, result.output
    assert (f"--week '2099-W01' begins on 2098-12-29, after today ({today().isoformat()}, UTC): give a week that has "
            f"begun, e.g. --week {now.year}-W{now.week:02d}") in " ".join(result.output.split())
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())


def test_the_week_of_today_is_no_week_to_come(tmp_path: Path) -> None:
    now = today().isocalendar()
    result = CliRunner().invoke(cli, ["brief", "--week", f"{now.year}-W{now.week:02d}", "--db",
                                      str(tmp_path / "none.duckdb")])  # fmt: skip
    assert "after today" not in result.output, result.output
