"""Approval by number through a real run (replayed SEC data): no answer keeps the run waiting, `approve --edit`
takes step numbers, and a typo there changes nothing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST, settings, status_of
from watchdesk.graph import runner
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.watchlist import parse_watchlist


def test_no_answer_leaves_the_run_awaiting_approval_not_failed(tmp_path: Path) -> None:
    s = settings(tmp_path)
    outcome = runner.start_run(parse_watchlist(WATCHLIST), s, approver=lambda _req: None)
    assert outcome.status == "awaiting_approval"
    assert status_of(s.db_path, outcome.run_id) == "awaiting_approval"


def test_prompt_edit_by_numbers_runs_only_those_steps(tmp_path: Path) -> None:
    # Plan: 1. filings NVDA, 2. flagging, 3. briefing; keeping 2-3 fetches no filing.
    outcome = runner.start_run(
        parse_watchlist(WATCHLIST), settings(tmp_path), approver=lambda _req: {"decision": "edit", "keep": ["2-3"]}
    )
    assert outcome.status == "done" and outcome.briefing_path
    assert not [u for u in outcome.requested if "/Archives/" in u]


def test_cli_approve_edit_by_numbers_and_a_typo_keeps_it_waiting(tmp_path: Path) -> None:
    s = settings(tmp_path)
    waiting = runner.start_run(parse_watchlist(WATCHLIST), s, approver=None)
    base = ["--db", str(s.db_path)]
    cli_env = CliRunner(env={"WATCHDESK_REPLAY": str(demo_pack())})
    typo = cli_env.invoke(cli, ["approve", waiting.run_id, *base, "--edit", "1,9"])
    assert typo.exit_code == 2 and "'9'" in typo.output and "step numbers 1-3" in typo.output
    assert status_of(s.db_path, waiting.run_id) == "awaiting_approval"
    done = cli_env.invoke(cli, ["approve", waiting.run_id, *base, "--edit", "1-3"])
    assert done.exit_code == 0, done.output
    assert status_of(s.db_path, waiting.run_id) == "done"
