"""Bug (a walkthrough, session 28): under a file-size limit (`ulimit -f`, systemd's LimitFSIZE) below the store's
size, DuckDB could not merge its write-ahead log into the file as it closed, and said nothing: each run said done
while FILE.wal grew run after run. The merge is now asked for as the store closes, and a failure for want of room is
said on stderr (what was written is kept in the log, read back at the next open); with room again, the next command
merges it and says nothing."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

PROGRAM = "from watchdesk.graph.cli import main; main()"


def _watchdesk(*args: str, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-c", PROGRAM, *args], capture_output=True, text=True, timeout=120,
                          preexec_fn=limited, check=False)  # fmt: skip


def test_a_log_the_size_limit_keeps_out_of_the_file_is_said(demo_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    shutil.copyfile(demo_folder / "demo.duckdb", db)  # a copy: its first open records where it is kept (a write)
    args = ("brief", "--db", str(db), "--week", "2026-W35", "--format", "md", "--out", str(tmp_path / "out"))
    limited = _watchdesk(*args, limit=db.stat().st_size // 2)
    said = " ".join(limited.stderr.split())
    assert limited.returncode == 0, said
    assert (
        f"warning: {db}.wal could not be merged into {db}: a file reached its size limit (File too large: a "
        "file-size limit (`ulimit -f`, systemd's LimitFSIZE) stops the file growing). What was written is kept in "
        f"{db}.wal and read back at the next open; raise the limit, then run any watchdesk command on the database "
        "to merge it." in said
    ), said
    assert Path(f"{db}.wal").stat().st_size > 0

    again = _watchdesk(*args)
    assert again.returncode == 0 and "warning" not in again.stderr, again.stderr
    assert not Path(f"{db}.wal").exists()  # merged
