"""Bug: `watchdesk approve RUN --db X` with the checkpoint file (X.checkpoints.sqlite) gone planned the run again and
said "awaiting approval", exit 0, the approval silently lost; a second approve failed with "unexpected KeyError in
supervisor.py:22: 'run_id'" and the run became failed. Now approve says the run's saved state is missing, naming
the file, and how to move on (exit 2), and leaves the run as it was; `--reject` still closes it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.regression.demo_slice import nvidia_pack, settings, watchlist
from watchdesk.graph import runner
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.store.store import Store


def status(db: Path, run_id: str) -> str:
    with Store.open(db, read_only=True) as store:
        return store.query("SELECT status FROM runs WHERE run_id = ?", [run_id])[0][0]


def test_approve_without_the_checkpoint_file_says_so_and_changes_nothing(tmp_path: Path) -> None:
    wl = watchlist()
    wl = wl.model_copy(update={"policy": wl.policy.model_copy(update={"approval": "first:1"})})
    s = settings(tmp_path, nvidia_pack(tmp_path / "pack"))
    waiting = runner.start_run(wl, s, approver=None, run_id="r1")
    assert waiting.status == "awaiting_approval"
    checkpoints = Path(runner.checkpoint_path(s.db_path))
    checkpoints.unlink()

    for _ in range(2):  # the first answer changed nothing, so the second is the same
        result = CliRunner().invoke(cli, ["approve", "r1", "--db", str(s.db_path)])
        assert result.exit_code == EXIT_CONFIG, result.output
        said = " ".join(result.stderr.split())
        assert f"run r1 cannot resume: its saved state is missing (the checkpoint file {checkpoints}" in said
        assert f"`watchdesk approve r1 --reject --db {s.db_path}`" in said and "new `watchdesk run`" in said
        assert status(s.db_path, "r1") == "awaiting_approval" and not checkpoints.exists()

    with Store.open(s.db_path) as store:  # an interrupted run without its checkpoint file cannot resume either
        store.query("UPDATE runs SET status = 'interrupted' WHERE run_id = 'r1'")
    assert CliRunner().invoke(cli, ["approve", "r1", "--db", str(s.db_path)]).exit_code == EXIT_CONFIG
    assert CliRunner().invoke(cli, ["approve", "r1", "--db", str(s.db_path), "--reject"]).exit_code == 0
    assert status(s.db_path, "r1") == "abandoned"
