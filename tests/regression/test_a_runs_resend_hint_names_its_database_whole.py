"""Bug: a run whose delivery failed printed the command that sends it again with the database as it was given, `--db
s.duckdb`, beside an absolute watchlist and --out: read in a scheduled run's log (cron runs in another folder), the
command opened or made another s.duckdb. Now the database is named by its absolute path, as the others are."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.test_delivery import watchlist
from tests.regression.test_a_resend_goes_only_where_it_failed import delivered_once
from watchdesk.graph.cli_outcome import exit_on_failure
from watchdesk.graph.runner import RunOutcome
from watchdesk.graph.settings import Settings


def test_the_resend_command_names_the_database_by_its_absolute_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = delivered_once(tmp_path, watchlist('[[delivery]]\nkind = "email"\nto = ["pm@example.com"]\n'), {})
    monkeypatch.chdir(tmp_path)  # the run was given --db d.duckdb
    with pytest.raises(SystemExit):
        exit_on_failure(RunOutcome(run_id="r1", status="done"), Settings(db_path=Path(db.name)))
    said = " ".join(capsys.readouterr().err.split())
    assert f" --db {db} --since 2025-08-25" in said, said  # before: --db d.duckdb
