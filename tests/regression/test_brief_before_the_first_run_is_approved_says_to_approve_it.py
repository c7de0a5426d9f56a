"""Bug: `watchdesk init`'s watchlist asks approval of its first run (approval = "first:1"); run from cron or a script it
stops awaiting approval, and `watchdesk brief` then said "no finished run in this database: run `watchdesk run
WATCHLIST` (or `watchdesk demo`) first", although the user had: running it again started a second run (the first
superseded) that waited too. brief now names the latest run and what finishes it: `watchdesk approve RUN_ID --db DB`
for one awaiting approval or interrupted (Ctrl-C), the old advice only where there is no run, or it ended otherwise."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import DEMO_AS_OF, demo_pack


def test_brief_says_the_run_waits_for_approval_and_how_to_answer_it(tmp_path: Path) -> None:
    wl, db = tmp_path / "w.toml", tmp_path / "a.duckdb"
    wl.write_text(WATCHLIST)
    env = {"WATCHDESK_REPLAY": str(demo_pack())}
    args = ["--db", str(db), "--out", str(tmp_path / "out")]
    ran = CliRunner(env=env).invoke(cli, ["run", str(wl), *args, "--as-of", DEMO_AS_OF.isoformat()])
    assert ran.exit_code == 0 and "is awaiting approval" in ran.output, ran.output
    run_id = ran.output.split("watchdesk approve ", 1)[1].split()[0]

    for given in ([str(wl)], [], ["--name", "approval test"]):
        said = CliRunner(env=env).invoke(cli, ["brief", *given, *args])
        assert said.exit_code == 2, said.output
        assert f"its latest run, {run_id}, waits for approval: `watchdesk approve {run_id} --db {db}`" in said.output
        assert "watchdesk run WATCHLIST" not in said.output, said.output


def test_an_empty_store_still_says_to_run_a_watchlist_first(tmp_path: Path) -> None:
    from watchdesk.store.store import Store

    db = tmp_path / "a.duckdb"
    Store.open(db).close()
    said = CliRunner().invoke(cli, ["brief", "--db", str(db), "--out", str(tmp_path / "out")])
    assert said.exit_code == 2 and "run `watchdesk run WATCHLIST` (or `watchdesk demo`) first" in said.output
