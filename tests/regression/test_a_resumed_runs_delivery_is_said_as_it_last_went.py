"""Bug: a run stopped by Ctrl-C in its delivery (the send recorded `failed`) and resumed with `watchdesk approve`
tries the target again, under the same run id. Its end then read every `failed` row of the run: resumed and sent,
it still said "not delivered (email pm@example.com: failed)" and exited 1; failed again, it said "not delivered
(email pm@example.com: failed; email pm@example.com: failed)", and `watchdesk runs` counted "delivery: 2 failed" for
one target. And `watchdesk runs` showed the stopped run as "running (stale: no process holds the database; the next
run marks it interrupted)", naming no way to resume it. Now each target is said once, as its latest attempt went, and
a stale run's status names the command that resumes it. Real DuckDB file, real SMTP on loopback."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_delivery import loopback_smtp, watchlist, written
from watchdesk.graph.cli import cli
from watchdesk.graph.cli_outcome import exit_on_failure
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.runner import RunOutcome
from watchdesk.graph.settings import Settings
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store

TO = '[[delivery]]\nkind = "email"\nto = ["pm@example.com"]'


def delivered_twice(tmp_path: Path, *, second: str | None) -> Path:
    """Run r1 (`running`, as a Ctrl-C left it) whose delivery failed, then tried again under the same run id, as
    `watchdesk approve r1` does, with the SMTP URL `second`."""
    db, wl = tmp_path / "d.duckdb", watchlist(TO)
    with Store.open(db) as store:
        store.save_run(RunRecord(run_id="r1", watchlist=wl.name, watchlist_hash=wl.fingerprint(), mode="replay",
                                 watchlist_json=wl.redacted().model_dump_json(), status="running",
                                 started_at=datetime.now(UTC), out_dir=str(tmp_path / "out")))  # fmt: skip
        files = written(store, tmp_path)
        for smtp in (None, second):  # the first: no server (failed); the second: as the resumed run finds it
            deliver_briefing(files, watchlist=wl, settings=Settings(smtp_url=smtp), store=store, run_id="r1",
                             backoff=0)  # fmt: skip
    return db


def end_of_run(db: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The exit status and words the end of the resumed run gives (`watchdesk approve r1`, done)."""
    try:
        exit_on_failure(RunOutcome(run_id="r1", status="done"), Settings(db_path=db))
    except SystemExit as exited:
        return int(exited.code or 0), " ".join(capsys.readouterr().err.split())
    return 0, " ".join(capsys.readouterr().err.split())


def test_a_resumed_run_that_sent_it_says_nothing_was_missed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with loopback_smtp() as (port, received):
        db = delivered_twice(tmp_path, second=f"smtp://127.0.0.1:{port}?from=desk@example.com")
    assert len(received) == 1
    code, said = end_of_run(db, capsys)
    assert (code, said) == (0, ""), said  # before: 1, "not delivered (email pm@example.com: failed)"


def test_a_target_failed_twice_is_said_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = delivered_twice(tmp_path, second=None)
    code, said = end_of_run(db, capsys)
    assert code == 1
    assert "not delivered (email pm@example.com: failed); the briefing is written" in said, said
    listed = CliRunner().invoke(cli, ["runs", "--db", str(db)])
    (r1,) = [line for line in listed.stdout.splitlines() if line.startswith("r1\t")]
    assert "(delivery: 1 failed; `watchdesk runs r1` says which)" in r1, r1  # before: 2 failed
    assert r1.split("\t")[1].startswith(f"running (stale: its process ended before the run did, by Ctrl-C or a "
                                        f"kill; `watchdesk approve r1 --db {db}` resumes it)"), r1  # fmt: skip
