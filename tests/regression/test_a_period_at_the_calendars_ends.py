"""Bug: `watchdesk brief --week 9999-W52` (its Sunday is past the calendar's last day) and `watchdesk brief --since
0001-01-01 --until 2026-01-01` (a briefing reads the weeks before its period: the trend's baseline, late
documents) exited 1 with "unexpected OverflowError ... date value out of range; please report it", where a week
or date that cannot be briefed is bad input (exit 2) saying what to give."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli

pytestmark = pytest.mark.fixtures


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, demo_store: Callable[[Path], Path]) -> Path:
    return demo_store(tmp_path_factory.mktemp("demo"))


@pytest.mark.parametrize(("period", "said"), [
    (["--week", "9999-W52"], "--week '9999-W52': its Sunday is past 9999-12-31"),
    (["--since", "0001-01-01", "--until", "2026-01-01"], "--since 0001-01-01: give a day on or after 0001-04-09"),
    (["--week", "0001-W02"], "--week '0001-W02': give a day on or after 0001-04-09"),
])  # fmt: skip
def test_a_period_the_calendar_cannot_brief_is_bad_input(period: list[str], said: str, db: Path,
                                                        tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["brief", "--db", str(db), *period, "--out", str(tmp_path / "b")])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert said in result.output and "unexpected" not in result.output
    assert not (tmp_path / "b").exists()


def test_the_calendars_first_briefable_day_is_briefed(db: Path, tmp_path: Path) -> None:
    period = ["--since", "0001-04-09", "--until", "0001-04-09"]
    result = CliRunner().invoke(cli, ["brief", "--db", str(db), *period, "--format", "md", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
