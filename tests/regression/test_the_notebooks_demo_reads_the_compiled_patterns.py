"""Bug: explore_run.ipynb, with no store to read, builds the offline demo in its kernel, and that kernel compiled the
topics' regexes and Hyperscan databases afresh (about 9 s of the build's 15 s of CPU): the flagging cache is kept on
disk only where a command names its folder, as `watchdesk demo` does and the notebook did not. Now the notebook's
demo build reads and keeps the compiled patterns in WATCHDESK_CACHE_DIR/flagging (else ~/.cache/watchdesk), as the
command does. The notebook's whole demo build runs under `pytest --nbmake`; this checks the folder in-process."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from tests.integration.test_notebooks_read_safely import EXPLORE, NOTEBOOKS
from watchdesk.agents.flagging import regex_cache
from watchdesk.graph import runner


class _Stop(Exception):
    """Raised by the stand-in run: the cell's work after the demo is not what is checked here."""


def test_the_demo_build_reads_the_cache_folder_of_watchdesk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("WATCHDESK_CACHE_DIR", str(cache))
    monkeypatch.delenv("WATCHDESK_DB", raising=False)
    monkeypatch.chdir(tmp_path)  # no watchdesk.duckdb here or one folder up: the notebook builds the demo
    seen: list[Path | None] = []

    def run(*_args: object, **_kwargs: object) -> None:
        seen.append(regex_cache.directory())
        raise _Stop

    monkeypatch.setattr(runner, "start_run", run)
    before = regex_cache.directory()
    first = next(cell for cell in nbformat.read(NOTEBOOKS / EXPLORE, as_version=4).cells if cell.cell_type == "code")
    try:
        with pytest.raises(_Stop):
            exec(compile(first.source, EXPLORE, "exec"), {})
    finally:
        regex_cache.use_dir(before)
    assert seen == [cache / "flagging"]
