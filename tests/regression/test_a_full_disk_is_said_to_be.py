"""Bug: a run on a full disk ended "unexpected OperationalError in __init__.py:207: database or disk is full; please
report it" (the checkpoint beside the store could not be written; a full disk under DuckDB or a briefing folder ends
the same way): a bug report asked for, where the disk wanted room. Now it says the disk is full, that what was stored
is kept, and to free space and resume the run (`watchdesk approve`, exit 1); it then completes (tests/integration
kill tests show a run started again never duplicates or loses a row)."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from langgraph.checkpoint.sqlite import SqliteSaver

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import EXIT_ERROR, cli
from watchdesk.store.store import Store


def _run_failing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, put: Callable[..., None]
) -> tuple[list[str], Result, str]:
    """A run whose checkpoint writes fail as `put` does: its arguments, its result and its stderr on one line."""
    monkeypatch.setattr(SqliteSaver, "put", put)
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST, encoding="utf-8")
    args = ["run", str(wl), "--replay", str(nvidia_pack(tmp_path / "pack")), "--db", str(tmp_path / "w.duckdb"),
            "--out", str(tmp_path / "out")]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    return args, result, " ".join(result.stderr.split())


FULL = [sqlite3.OperationalError("database or disk is full"), OSError(errno.ENOSPC, "No space left on device")]


@pytest.mark.parametrize("exc", FULL, ids=["sqlite", "os"])
def test_a_full_disk_says_so_and_how_to_go_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: Exception) -> None:
    def full(*_args: object, **_kw: object) -> None:
        raise exc

    args, result, said = _run_failing(tmp_path, monkeypatch, full)
    assert result.exit_code == EXIT_ERROR, said
    assert "unexpected" not in said and "please report it" not in said, said
    why = exc.strerror if isinstance(exc, OSError) else exc
    with Store.open(tmp_path / "w.duckdb", read_only=True) as store:
        ((run_id, status),) = store.query("SELECT run_id, status FROM runs")
    assert status == "interrupted", said
    assert (
        f"error: the disk is full ({why}): what was stored so far is kept; free some space, then resume run "
        f"{run_id} with `watchdesk approve {run_id} --db {tmp_path / 'w.duckdb'}`" in said
    ), said
    monkeypatch.undo()
    assert CliRunner().invoke(cli, ["approve", run_id, "--db", str(tmp_path / "w.duckdb")]).exit_code == 0, (
        "with room again, the run resumes and completes"
    )
    assert CliRunner().invoke(cli, args).exit_code == 0, "and the next run completes"


def test_a_file_size_limit_is_said_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file-size limit (`ulimit -f 500`, systemd's LimitFSIZE) ended "unexpected TransactionException in bulk.py:68
    ... File too large; please report it", with "could not flag" gaps stored: now said as the limit it is, the run
    stopped to be resumed as on a full disk."""

    def limited(*_args: object, **_kw: object) -> None:
        raise OSError(errno.EFBIG, "File too large")

    _, result, said = _run_failing(tmp_path, monkeypatch, limited)
    assert result.exit_code == EXIT_ERROR and "unexpected" not in said, said
    with Store.open(tmp_path / "w.duckdb", read_only=True) as store:
        ((run_id, status, error),) = store.query("SELECT run_id, status, error FROM runs")
    limit = "File too large: a file-size limit (`ulimit -f`, systemd's LimitFSIZE) stops the file growing"
    assert status == "interrupted" and error == f"a file reached its size limit ({limit})", error
    assert (
        f"error: a file reached its size limit ({limit}): what was stored so far is kept; raise the limit, then "
        f"resume run {run_id} with `watchdesk approve {run_id} --db {tmp_path / 'w.duckdb'}`" in said
    ), said
