"""Bug (a user walkthrough): a briefing sent again with a later `watchdesk brief --deliver` was filed under the run
that first wrote it, in `deliveries` and in the audit (`actions`): one run came to show 39 actions and 15 e-mail
attempts, so its record was rewritten after it finished and no one could tell what the run did from what a person
did later. A resend is now audited apart: its rows carry the run's id followed by ':resend:' and the time it was
sent, and the run's own rows stay as they were."""

from __future__ import annotations

import shlex
from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_delivery import watchlist
from tests.regression.test_a_resend_goes_only_where_it_failed import delivered_once
from watchdesk.graph.cli import cli
from watchdesk.store.store import Store


def test_a_resend_leaves_the_runs_record_as_it_was(tmp_path: Path) -> None:
    wl = watchlist(f'[[delivery]]\nkind = "file"\npath = "{tmp_path / "copies"}"\n')
    db = delivered_once(tmp_path, wl, {})
    sql = "SELECT run_id, count(*) FROM {} GROUP BY ALL ORDER BY ALL"
    with Store.open(db, read_only=True) as store:
        before = [store.query(sql.format(t)) for t in ("deliveries", "actions")]
    command = f"brief --name chips --db {db} --since 2025-08-25 --until 2025-08-31 --out {tmp_path / 'out'} --deliver"
    again = CliRunner().invoke(cli, shlex.split(command))
    assert again.exit_code == 0, again.output
    with Store.open(db, read_only=True) as store:
        after = [store.query(sql.format(t)) for t in ("deliveries", "actions")]
        resent = store.query("SELECT run_id, status FROM deliveries WHERE run_id <> 'r1'")
    assert before[0] == [("r1", 1)]
    assert [[r for r in rows if r[0] == "r1"] for rows in after] == before, "the run's record was rewritten"
    assert len(resent) == 1 and resent[0][0].startswith("r1:resend:") and resent[0][1] == "sent", resent
