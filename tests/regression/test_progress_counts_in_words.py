"""A user walkthrough (session 26): a run's progress said "TSM transcripts: 1 calls from folder, 1 new" (and the news
step "1 feeds read"). Counts of one now take the singular."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.test_transcript_folders_need_no_sec import FOLDERS
from watchdesk.graph.cli import cli

ONE_CALL = FOLDERS.replace("NVDA", "TSM").replace("1045810", "1046179")  # a watchlist of one folder


def test_one_call_is_one_call(shared_fixtures: Path, tmp_path: Path) -> None:
    folder = shared_fixtures / "transcripts" / "tsmc"
    if not folder.is_dir():
        pytest.skip("the TSMC call is not in the fixtures")
    wl = tmp_path / "w.toml"
    wl.write_text(ONE_CALL.replace("FOLDER", str(folder)))
    result = CliRunner().invoke(cli, ["run", str(wl), "--db", str(tmp_path / "w.duckdb"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "TSM transcripts: 1 call from folder, 1 new" in result.stderr, result.stderr
