"""Bug: a scheduled run refused because another program held its database ("database in use", exit 3: a notebook
kernel, a DuckDB shell, or another run past WATCHDESK_LOCK_WAIT_S) left no CANNOT-RUN notice beside the briefings,
though every other scheduled run that cannot start leaves one: the week's briefing was missing with the reason only
in cron's log. Now it leaves the notice, saying why and how to try again, without the env-file advice that fits a
missing setting (the settings were not the problem); the exit status stays 3."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from tests.regression.demo_slice import run_args
from watchdesk.graph.cli import cli

EXIT_IN_USE = 3


@contextmanager
def held_by_another_program(db: Path) -> Iterator[None]:
    """`db` held for writing by another process, as a notebook kernel holds it (DuckDB locks a file per process)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb,sys; c=duckdb.connect({str(db)!r}); print('ok', flush=True); "
                               "sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        yield
    finally:
        holder.kill()
        holder.wait()


def test_a_scheduled_run_refused_for_a_database_in_use_leaves_a_notice(tmp_path: Path) -> None:
    args = [*run_args(tmp_path), "--scheduled"]
    db, out = tmp_path / "w.duckdb", tmp_path / "out"
    with held_by_another_program(db):
        result = CliRunner(env={"WATCHDESK_LOCK_WAIT_S": "0"}).invoke(cli, args)
    said = " ".join(result.stderr.split())
    assert result.exit_code == EXIT_IN_USE and "database in use" in said, said
    (notice,) = out.glob("CANNOT-RUN-*.md")
    text = " ".join(notice.read_text(encoding="utf-8").split())
    assert text.startswith("# watchdesk: the scheduled run of nvda 10-q on "), text
    assert f"could not start; nothing was fetched or briefed. Why: database in use: {db} is held by another " in text
    assert text.endswith(f"`watchdesk run {tmp_path / 'w.toml'} --scheduled` tries the run now as cron runs it, and "
                         "removes this notice once it starts."), text
    assert "--write-env" not in text, "the settings were not what kept it from starting"
    assert f"notice written: {notice}" in said, said
