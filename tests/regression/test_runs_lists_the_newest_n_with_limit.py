"""The session's bad-input review (journey5): `watchdesk runs` listed every run a store ever held, with no way to ask
for the latest few (a weekly watchlist holds 52 a year). `--limit N` lists the newest N and says how many older runs
it left out; without it every run is listed, as before; 0 or a negative number is refused. Real DuckDB file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner

from tests.regression.goal_runs import store_goal_run
from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal

_DAY = date(2026, 11, 2)


def _store(tmp_path: Path, weeks: int) -> Path:
    db = tmp_path / "w.duckdb"
    watchlist = parse_goal("watch NVDA for export controls", as_of=_DAY).watchlist
    for week in range(weeks):
        store_goal_run(db, watchlist, day=_DAY - timedelta(weeks=week))
    return db


def test_limit_lists_the_newest_runs_and_says_the_rest(tmp_path: Path) -> None:
    db = _store(tmp_path, 4)
    every = CliRunner().invoke(cli, ["runs", "--db", str(db)])
    newest = CliRunner().invoke(cli, ["runs", "--db", str(db), "--limit", "2"])
    assert every.exit_code == 0 and newest.exit_code == 0, newest.output
    assert len(every.stdout.splitlines()) == 4 and "not listed" not in every.stderr
    assert newest.stdout.splitlines() == every.stdout.splitlines()[:2]
    assert newest.stdout.splitlines()[0].startswith(_DAY.isoformat())
    assert "2 older runs not listed (--limit 2)" in newest.stderr
    one = CliRunner().invoke(cli, ["runs", "--db", str(db), "--limit", "3"])
    assert "1 older run not listed (--limit 3)" in one.stderr
    wide = CliRunner().invoke(cli, ["runs", "--db", str(db), "--limit", "9"])
    assert wide.stdout == every.stdout and "not listed" not in wide.stderr


def test_a_limit_below_one_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["runs", "--db", str(tmp_path / "w.duckdb"), "--limit", "0"])
    assert result.exit_code == 2 and "--limit" in result.output
