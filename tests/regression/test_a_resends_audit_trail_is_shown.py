"""A review of 2abb513 and 5493165: a resend by `watchdesk brief --deliver` is audited under its own id
(RUN_ID:resend:TIME), but `watchdesk runs RUN_ID` (the audit trail) said nothing of it, and `watchdesk runs
RUN_ID:resend:TIME` refused the id ("no run ... in this store"): no command showed who sent the briefing again, or
where. Now the run's trail ends by naming its resends, and each resend's id shows its own trail."""

from __future__ import annotations

import shlex
from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_delivery import watchlist
from tests.regression.test_a_resend_goes_only_where_it_failed import delivered_once
from watchdesk.graph.cli import cli


def test_a_runs_resends_are_named_and_each_shows_its_trail(tmp_path: Path) -> None:
    wl = watchlist(f'[[delivery]]\nkind = "file"\npath = "{tmp_path / "copies"}"\n')
    db = delivered_once(tmp_path, wl, {})
    command = f"brief --name chips --db {db} --since 2025-08-25 --until 2025-08-31 --out {tmp_path / 'out'} --deliver"
    assert CliRunner().invoke(cli, shlex.split(command)).exit_code == 0
    trail = CliRunner().invoke(cli, ["runs", "r1", "--db", str(db)])
    assert trail.exit_code == 0, trail.output
    said = " ".join(trail.output.split())
    assert "r1: 1 action (1 sent); sent again later by `watchdesk brief --deliver`: r1:resend:" in said, said
    resend = said.split("`watchdesk brief --deliver`: ")[1].split()[0].rstrip(";,.")
    again = CliRunner().invoke(cli, ["runs", resend, "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert f"deliver.file\tsent\t{tmp_path / 'copies'}" in again.output
    assert f"{resend}: 1 action (1 sent)" in " ".join(again.output.split())
