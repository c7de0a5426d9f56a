"""Bug (a user's walkthrough): two `run --scheduled` after a watchlist change left two runs waiting for approval for
the same period, each with its own notice; approving one left the other waiting (and its AWAITING-APPROVAL file),
and approving that one later ran the same period again. A run that comes to wait now supersedes an older run of
the same watchlist waiting for the same period (status `superseded`, its notice file removed), approving a
superseded run names the one that took its place, and approving a run for a period already briefed says so."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST, status_of
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


def test_a_newer_waiting_run_supersedes_the_older_one(tmp_path: Path) -> None:
    wl, db, out = tmp_path / "w.toml", tmp_path / "w.duckdb", tmp_path / "out"
    wl.write_text(WATCHLIST.replace('approval = "first:1"', 'approval = "always"'))
    env = {"WATCHDESK_REPLAY": str(demo_pack())}
    args = ["run", str(wl), "--scheduled", "--db", str(db), "--out", str(out)]

    def waiting() -> tuple[str, str]:
        result = CliRunner(env=env).invoke(cli, args)
        assert result.exit_code == 0 and "awaiting approval" in result.output, result.output
        return result.output.split("watchdesk approve ", 1)[1].split()[0], result.output

    older, _ = waiting()
    newer, said = waiting()
    assert status_of(db, older) == "superseded" and status_of(db, newer) == "awaiting_approval"
    assert f"run {older} superseded by run {newer}" in " ".join(said.split())
    assert [p.name for p in out.glob("AWAITING-APPROVAL-*")] == [f"AWAITING-APPROVAL-{newer}.md"]

    stale = CliRunner(env=env).invoke(cli, ["approve", older, "--db", str(db)])
    assert stale.exit_code == 2 and f"superseded by run {newer}" in stale.output, stale.output
    assert CliRunner(env=env).invoke(cli, ["approve", newer, "--db", str(db)]).exit_code == 0
    assert status_of(db, newer) == "done"

    # the period is briefed now: a run asking again for it says so when approved
    again, _ = waiting()
    done = CliRunner(env=env).invoke(cli, ["approve", again, "--db", str(db)])
    assert done.exit_code == 0, done.output
    assert f"was already briefed by run {newer}" in " ".join(done.output.split())
