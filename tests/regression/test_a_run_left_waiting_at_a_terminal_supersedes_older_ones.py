"""Bug: a run left waiting for approval at a terminal (`watchdesk run` with no answer at its prompt, end of input or
Ctrl-C) did not supersede an older run of the same watchlist waiting for the same period, though a run that comes to
wait unattended does: both stayed waiting (with the older one's AWAITING-APPROVAL notice), and approving each later
ran the period twice. Now a run that comes to wait at a terminal supersedes the older one before it asks, as any
other run that comes to wait does."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST, status_of
from watchdesk.graph import cli as cli_module
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


def test_a_run_left_waiting_at_a_terminal_supersedes_an_older_waiting_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wl, db, out = tmp_path / "w.toml", tmp_path / "w.duckdb", tmp_path / "out"
    wl.write_text(WATCHLIST.replace('approval = "first:1"', 'approval = "always"'), encoding="utf-8")
    runner = CliRunner(env={"WATCHDESK_REPLAY": str(demo_pack())})
    args = ["run", str(wl), "--db", str(db), "--out", str(out)]
    waiting = runner.invoke(cli, [*args, "--scheduled"])
    older = waiting.output.split("watchdesk approve ", 1)[1].split()[0]
    assert [p.name for p in out.glob("AWAITING-APPROVAL-*")] == [f"AWAITING-APPROVAL-{older}.md"]

    monkeypatch.setattr(cli_module, "_at_terminal", lambda: True)
    asked = runner.invoke(cli, args, input="")  # no answer: the run stays waiting
    said = " ".join(asked.output.split())
    assert asked.exit_code == 0 and "no answer: the run stays awaiting approval" in said, said
    newer = said.split("Plan for run ", 1)[1].split()[0]
    assert status_of(db, older) == "superseded" and status_of(db, newer) == "awaiting_approval"
    assert f"run {older} superseded by run {newer}" in said, said
    # the older run's notice goes with it; the newer one left its own (test_a_run_left_waiting_at_a_terminal_leaves_
    # its_notice.py)
    assert [p.name for p in out.glob("AWAITING-APPROVAL-*")] == [f"AWAITING-APPROVAL-{newer}.md"]
