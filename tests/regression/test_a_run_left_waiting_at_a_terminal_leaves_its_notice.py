"""Bug: a run left waiting for approval at a terminal (no answer at its prompt: end of input, Ctrl-C, or the terminal
closed) left no AWAITING-APPROVAL notice in the briefing folder, though an unattended run does: someone who closed
the terminal had no trace of the waiting plan where the briefing would have been. The notice is now written when
the run comes to wait, before the prompt (so a closed terminal leaves it too), and answering removes it. The
e-mail and Slack targets are not told: the person who started the run is the one asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST, status_of
from watchdesk.graph import cli as cli_module
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


def test_a_run_left_waiting_at_a_terminal_leaves_its_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wl, db, out = tmp_path / "w.toml", tmp_path / "w.duckdb", tmp_path / "out"
    wl.write_text(WATCHLIST.replace('approval = "first:1"', 'approval = "always"'), encoding="utf-8")
    runner = CliRunner(env={"WATCHDESK_REPLAY": str(demo_pack())})
    args = ["run", str(wl), "--db", str(db), "--out", str(out)]
    monkeypatch.setattr(cli_module, "_at_terminal", lambda: True)
    left = runner.invoke(cli, args, input="")  # no answer: the run stays waiting
    run_id = " ".join(left.output.split()).split("Plan for run ", 1)[1].split()[0]
    assert status_of(db, run_id) == "awaiting_approval"
    notice = out / f"AWAITING-APPROVAL-{run_id}.md"
    said = notice.read_text()
    assert f"the run {run_id} of" in said and "is awaiting approval" in said and "The plan (" in said
    assert f"watchdesk approve {run_id} --db {db}" in said
    answered = runner.invoke(cli, args, input="reject\n")  # a later run, answered at its prompt
    assert answered.exit_code == 0 and "rejected" in answered.output, answered.output
    assert status_of(db, run_id) == "superseded"  # its notice went with it; the answered run's was removed
    assert not list(out.glob("AWAITING-APPROVAL-*"))
