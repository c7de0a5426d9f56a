"""Bug: `watchdesk runs RUN:resend:TIME` with a time mistyped (or copied from another resend) said "no run ... in this
store (`watchdesk runs` lists them)", but `watchdesk runs` lists runs, never resends: the close matches offered were
runs only. Now a resend id that is not in the store is offered the resends the store holds."""

from __future__ import annotations

import shlex
from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_delivery import watchlist
from tests.regression.test_a_resend_goes_only_where_it_failed import delivered_once
from watchdesk.graph.cli import cli


def test_a_mistyped_resend_id_is_offered_the_resends(tmp_path: Path) -> None:
    db = delivered_once(tmp_path, watchlist(f'[[delivery]]\nkind = "file"\npath = "{tmp_path / "copies"}"\n'), {})
    command = f"brief --name chips --db {db} --since 2025-08-25 --until 2025-08-31 --out {tmp_path / 'out'} --deliver"
    sent = CliRunner().invoke(cli, shlex.split(command))
    assert sent.exit_code == 0, sent.output
    resend = " ".join(sent.stderr.split()).split("delivery audited as ")[1].split(": ")[0]
    wrong = resend[:-3] + ("59Z" if not resend.endswith("59Z") else "58Z")
    result = CliRunner().invoke(cli, ["runs", wrong, "--db", str(db)])
    assert result.exit_code == 2
    assert f"no run {wrong!r} in this store; did you mean {resend}" in " ".join(result.output.split()), result.output
