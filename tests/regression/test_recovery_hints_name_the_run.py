"""Bug: Ctrl-C in a run printed "resumes with `watchdesk approve RUN_ID`", a placeholder though the run's id was
known, and the next start's "run R was interrupted ... resume it with `watchdesk approve R`" left out `--db`, so the
command it suggested failed with any database but the default. Both now name the run and its database."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.agents import filings
from watchdesk.graph.cli import EXIT_INTERRUPTED, cli
from watchdesk.store.store import Store


def test_ctrl_c_and_the_orphan_notice_give_a_command_that_works(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def ctrl_c(*_args: object, **_kw: object) -> None:
        raise KeyboardInterrupt

    wl, db = tmp_path / "w.toml", tmp_path / "elsewhere.duckdb"
    wl.write_text(WATCHLIST)
    run = ["run", str(wl), "--replay", str(nvidia_pack(tmp_path / "pack")), "--db", str(db), "--out",
           str(tmp_path / "out")]
    with monkeypatch.context() as patch:
        patch.setattr(filings, "collect", ctrl_c)
        stopped = CliRunner().invoke(cli, run)
    with Store.open(db, read_only=True) as store:
        ((run_id,),) = store.query("SELECT run_id FROM runs WHERE status = 'running'")
    assert stopped.exit_code == EXIT_INTERRUPTED
    said = "".join(stopped.stderr.split())
    assert "".join(f"what was stored is kept; run {run_id} resumes with `watchdesk approve {run_id} --db {db}`"
                   .split()) in said, said

    later = CliRunner().invoke(cli, run)
    assert later.exit_code == 0, later.output
    # compared without white space: the console wraps a long path mid-word, where a joined space would be wrong
    notice = "".join(later.stderr.split())
    assert "".join((f"run {run_id} was interrupted (its process ended mid-run): resume it with `watchdesk approve "
                    f"{run_id} --db {db}`, or abandon it with `watchdesk approve {run_id} --reject --db {db}`").split()
                   ) in notice
    resumed = CliRunner().invoke(cli, ["approve", run_id, "--db", str(db)])  # the command as said
    assert resumed.exit_code == 0 and f"run {run_id}: done" in resumed.stderr, resumed.output
