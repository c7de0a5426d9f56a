"""Bug: every command that opens a store to write it made an empty probe file beside it and removed it again (to ask
whether the folder takes DuckDB's log, store/beside.py), so the folder's modification time changed at every writable
open, even one that wrote nothing: a sync tool or a watcher of the folder saw a change each run. Now the probe is a
file with no name (O_TMPFILE), which leaves the folder as it was; where the file system cannot make one, the named
probe's folder gets its times back. A real store, opened by `watchdesk runs --upgrade` (which writes nothing into an
up-to-date store); the refusal of a folder that takes no file is still said, both ways."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.store import beside, db


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "synced"
    folder.mkdir()
    with db.connect(folder / "w.duckdb"):
        pass
    old = time.time_ns() - 3_600 * 10**9  # an hour ago: any change made now is seen, whatever the clock's grain
    os.utime(folder, ns=(old, old))
    return folder, folder / "w.duckdb"


@pytest.fixture(params=["nameless probe", "named probe"])
def probe(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "named probe":  # a file system (or system) that makes no file without a name
        monkeypatch.delattr(beside.os, "O_TMPFILE", raising=False)
    elif not hasattr(os, "O_TMPFILE"):
        pytest.skip("no O_TMPFILE here")
    return str(request.param)


def test_a_writable_open_leaves_the_folder_time_and_files_alone(tmp_path: Path, probe: str) -> None:
    folder, store = _folder(tmp_path)
    before = os.stat(folder).st_mtime_ns, sorted(os.listdir(folder))
    result = CliRunner().invoke(cli, ["runs", "--upgrade", "--db", str(store)])
    assert result.exit_code == 0, result.output
    assert "already at schema version" in result.output, result.output
    assert (os.stat(folder).st_mtime_ns, sorted(os.listdir(folder))) == before, probe


def test_a_folder_that_takes_no_file_is_still_refused(tmp_path: Path, probe: str) -> None:
    folder, store = _folder(tmp_path)
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
        pytest.skip("chattr +i is not possible here: test_a_store_whose_folder_takes_no_new_file_is_said_to_be.py "
                    "injects the refusal")
    try:
        result = CliRunner().invoke(cli, ["runs", "--upgrade", "--db", str(store)])
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    said = " ".join(result.output.split())
    assert result.exit_code == EXIT_CONFIG, said
    assert f"its folder {folder} refuses new files (Operation not permitted" in said, said
