"""Found by the session's review as a user retrying a delivery: `watchdesk brief WL --deliver --undelivered` run once
the briefing had reached every target printed one "delivery ... : skipped (this period's briefing was already sent
there; ... sends it again)" line per target and the paths, so whether the retry did anything was left to be read
between the lines. Now it ends 'nothing sent: every target already has this period's briefing, or another process is
sending it now (each said above); --deliver without --undelivered sends it to every target again', exit 0."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.regression.demo_slice import run_args
from watchdesk.graph.cli import cli


def test_a_retry_with_every_target_reached_says_nothing_was_sent(tmp_path: Path) -> None:
    args = run_args(tmp_path)
    assert CliRunner().invoke(cli, args).exit_code == 0
    brief = ["brief", str(tmp_path / "w.toml"), "--db", str(tmp_path / "w.duckdb"), "--out", str(tmp_path / "out"),
             "--deliver"]  # the period the run briefed, the latest  # fmt: skip
    retry = CliRunner().invoke(cli, [*brief, "--undelivered"])
    said = " ".join(retry.output.split())
    assert retry.exit_code == 0, said
    assert "delivery file briefing folder: skipped (this period's briefing was already sent there;" in said, said
    assert ("nothing sent: every target already has this period's briefing, or another process is sending it now "
            "(each said above); --deliver without --undelivered sends it to every target again") in said, said
    again = CliRunner().invoke(cli, brief)
    assert "delivery file briefing folder: sent" in again.output and "nothing sent" not in again.output, again.output
