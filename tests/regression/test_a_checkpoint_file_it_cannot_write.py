"""Bug: a run on a store whose checkpoint file could not be written (made immutable with `chattr +i`, or read-only to
the user) fetched, flagged, briefed and delivered, then ended "unexpected OperationalError in __init__.py:438: attempt
to write a readonly database; please report it", exit 1, the run recorded failed (which `approve` refuses). Now the
file is checked with the database before anything is fetched: exit 2, naming it and what to do. The write permission
is the OS's answer (os.access), refused here as it is for an immutable file even to root."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import run_args
from watchdesk.graph import paths
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.store.store import Store


def test_a_checkpoint_file_it_cannot_write_stops_the_run_before_any_fetch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = run_args(tmp_path)
    assert CliRunner().invoke(cli, args).exit_code == 0
    checkpoints = tmp_path / "w.duckdb.checkpoints.sqlite"
    access = os.access
    monkeypatch.setattr(paths.os, "access", lambda p, mode: access(p, mode) and Path(p) != checkpoints)
    result = CliRunner().invoke(cli, args)
    said = " ".join(result.stderr.split())
    assert result.exit_code == EXIT_CONFIG, said
    # (its mode lets this user write it: said as probably immutable, which a refusal to root is)
    assert (f"--db: the checkpoint file {checkpoints} beside the database cannot be written ({checkpoints} is "
            "read-only, though its mode allows writing: it is probably marked immutable, which `lsattr "
            f"{checkpoints}` shows as an i and `chattr -i {checkpoints}` (as root) lifts): make it writable (it holds "
            "the saved state that runs awaiting approval and interrupted runs resume from), or give another --db"
            ) in said, said  # fmt: skip
    assert "nothing was fetched" in said and "unexpected" not in said, said
    with Store.open(tmp_path / "w.duckdb", read_only=True) as store:
        assert store.query("SELECT count(*) FROM runs") == [(1,)], "no run recorded, none failed"
