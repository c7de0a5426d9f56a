"""Bug (a compliance walkthrough): an approval left only `approved` or `edited` in the run's row: not who answered, nor
when, and after an edit the stored plan was the edited one, so what was asked was lost; no action row recorded it,
and no command showed a run's audit trail (only SQL or a notebook). Now each decision is an audit row (who, when,
the steps an edit left out) and `watchdesk runs RUN_ID` prints the run's trail."""

from __future__ import annotations

import getpass
from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST, settings
from watchdesk.graph import runner
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.store.store import Store


def test_an_edit_is_audited_with_who_and_what_it_left_out(tmp_path: Path) -> None:
    s = settings(tmp_path)
    waiting = runner.start_run(parse_watchlist(WATCHLIST), s, approver=None)
    cli_env = CliRunner(env={"WATCHDESK_REPLAY": str(demo_pack())})
    done = cli_env.invoke(cli, ["approve", waiting.run_id, "--db", str(s.db_path), "--edit", "2-3"])
    assert done.exit_code == 0, done.output
    with Store.open(s.db_path, read_only=True) as store:
        ((action, outcome, detail),) = store.query("SELECT action, outcome, detail FROM actions WHERE run_id = ? AND "
                                                   "agent = 'approval'", [waiting.run_id])  # fmt: skip
        (plan_steps,) = store.query("SELECT json_array_length(plan) FROM runs WHERE run_id = ?", [waiting.run_id])[0]
    assert (action, outcome) == ("plan.edited", "edited") and plan_steps == 2
    assert detail.startswith(f"by {getpass.getuser()}; 2 of 3 steps kept, left out: "), detail
    trail = cli_env.invoke(cli, ["runs", waiting.run_id, "--db", str(s.db_path)])
    assert trail.exit_code == 0, trail.output
    assert f"\tapproval\tplan.edited\tedited\t{parse_watchlist(WATCHLIST).name}\t{detail}" in trail.stdout
    assert f"{waiting.run_id}: " in trail.stderr and " actions (" in trail.stderr


def test_an_unknown_run_is_refused_with_the_nearest(tmp_path: Path) -> None:
    s = settings(tmp_path)
    outcome = runner.start_run(parse_watchlist(WATCHLIST), s, approver=lambda _req: "approve")
    said = CliRunner().invoke(cli, ["runs", outcome.run_id[:-1], "--db", str(s.db_path)])
    assert said.exit_code == 2 and f"did you mean {outcome.run_id}?" in said.stderr, said.stderr
