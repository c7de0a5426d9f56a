"""Bug: goals were named by their companies alone ("goal-nvda") until b1621a9 added a hash of what they watch
("goal-nvda-1a2b3c"), so a goal run with `watchdesk run "GOAL"` on a store holding its runs under the old name was a
new watchlist: its next run asked for approval again and its coverage (the runs a briefing counts, the last period
briefed) started over. A goal planned on the spot whose earlier runs in the database are of the same goal (the same
hash of what it watches) under the old name keeps that name, and the approvals of those runs count whatever day
the goal was planned on (its horizon moves with the day)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from tests.regression.goal_runs import store_goal_run
from watchdesk.graph.approval import approval_counts
from watchdesk.graph.cli import cli
from watchdesk.graph.goal.earlier import as_before
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.store.store import Store

GOAL = "Monitor NVIDIA 10-Q filings for inventory for the next quarter, weekly"
THEN, NOW = date(2026, 11, 26), date(2026, 12, 3)


def _old_store(tmp_path: Path) -> Path:
    """A store holding the goal's approved run, as watchdesk stored it before goals' names had a hash."""
    db = tmp_path / "desk.duckdb"
    old = parse_goal(GOAL, as_of=THEN).watchlist
    old = old.model_copy(update={"name": old.name.rsplit("-", 1)[0]})
    assert old.name == "goal-nvda"
    return store_goal_run(db, old, day=THEN)


def test_a_goal_under_its_old_name_keeps_its_name_and_approval(tmp_path: Path) -> None:
    db = _old_store(tmp_path)
    goal = as_before(parse_goal(GOAL, as_of=NOW).watchlist, db_path=db)
    assert goal.name == "goal-nvda"  # its runs, last briefing and coverage are found under it
    with Store.open(db, read_only=True) as store:
        assert approval_counts(store, watchlist=goal.name, fingerprints=goal.fingerprints(), run_id="new") == (1, 0)
    other = parse_goal(GOAL.replace("inventory", "pricing"), as_of=NOW).watchlist
    assert as_before(other, db_path=db).name == other.name  # another goal on NVIDIA is not that one


def test_run_says_the_goal_keeps_its_old_name(tmp_path: Path) -> None:
    db = _old_store(tmp_path)
    env = {"WATCHDESK_SEC_IDENTITY": "Test Desk desk@example.com"}
    said = CliRunner(env=env).invoke(cli, ["run", GOAL, "--db", str(db), "--as-of", NOW.isoformat(), "--dry-run"])
    assert said.exit_code == 0, said.output
    assert "it keeps the name 'goal-nvda' its runs in this database have" in " ".join(said.output.split())


def test_plan_shows_the_name_and_approval_run_acts_on(tmp_path: Path) -> None:
    """`plan "GOAL"` read no database: it showed the new name and "the first run's plan waits for a person's yes" where
    `run "GOAL"` went on under the old name, its first run approved, without asking."""
    db = _old_store(tmp_path)
    said = CliRunner().invoke(cli, ["plan", GOAL, "--db", str(db), "--as-of", NOW.isoformat()])
    assert said.exit_code == 0, said.output
    text = " ".join(said.output.split())
    assert 'name = "goal-nvda"' in text
    assert "it keeps the name 'goal-nvda' its runs in this database have" in text
    assert (f"approval: a run starts without asking: 1 approved run of this goal in {db} (policy approval = "
            '"first:1" asks on the first run only)') in text
    assert "waits for a person's yes" not in text
    fresh = CliRunner().invoke(cli, ["plan", GOAL, "--db", str(tmp_path / "none.duckdb"), "--as-of", NOW.isoformat()])
    assert "the first run's plan waits for a person's yes" in fresh.output  # no earlier run: as before
