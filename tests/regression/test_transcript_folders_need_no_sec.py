"""A review: `run --dry-run` said "valid" for a watchlist whose three transcript folders did not exist (each run
then recorded gaps), and a watchlist of transcript folders only, with CIKs given, refused to run live without
WATCHDESK_SEC_IDENTITY although it asks SEC nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph import runner
from watchdesk.graph.cli import cli
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import parse_watchlist

FOLDERS = """
name = "calls only"
[[tickers]]
symbol = "NVDA"
cik = 1045810
sources = ["transcripts"]
[[tickers.transcripts]]
kind = "folder"
path = "FOLDER"
[policy]
approval = "never"
"""


def test_dry_run_warns_of_a_missing_folder(tmp_path: Path) -> None:
    wl = tmp_path / "w.toml"
    wl.write_text(FOLDERS.replace("FOLDER", str(tmp_path / "calls")))
    result = CliRunner().invoke(cli, ["run", str(wl), "--dry-run"])
    assert result.exit_code == 0 and f"{wl}: valid" in result.output
    assert f"warning: tickers.NVDA.transcripts[0]: folder {tmp_path / 'calls'} does not exist" in result.output
    (tmp_path / "calls").mkdir()
    assert "warning" not in CliRunner().invoke(cli, ["run", str(wl), "--dry-run"]).output


def test_a_folder_only_watchlist_runs_live_without_an_sec_identity(shared_fixtures: Path, tmp_path: Path) -> None:
    call = shared_fixtures / "transcripts" / "plaintext_2023_2025" / "NVDA_2026_Q1.txt"
    if not call.exists():
        pytest.skip("the NVIDIA call is not in the fixtures")
    (tmp_path / "calls").mkdir()
    shutil.copy(call, tmp_path / "calls" / call.name)
    watchlist = parse_watchlist(FOLDERS.replace("FOLDER", str(tmp_path / "calls")))
    settings = Settings(db_path=tmp_path / "w.duckdb", mode="live", sec_identity=None, out_dir=tmp_path / "out",
                        progress=False)
    outcome = runner.start_run(watchlist, settings)
    assert outcome.status == "done" and outcome.this_run.get("documents") == 1, outcome
    assert not outcome.requested  # not one request: nothing reached the network
    assert runner.needs_sec(parse_watchlist(FOLDERS.replace("cik = 1045810\n", "").replace("FOLDER", "x")))
