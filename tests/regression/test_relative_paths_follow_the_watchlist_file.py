"""Bug: a watchlist's relative paths (a transcripts folder "calls", a file delivery's "copies") were read from the
current folder, so `watchdesk approve` (or a run) started from another folder missed them: the approved run recorded
"transcript folder calls does not exist". They are now read from the watchlist file's folder, as other tools read
their config files' paths; the plan stored with a run holds them absolute, so approving it from anywhere reads them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.test_transcript_folders_need_no_sec import FOLDERS
from watchdesk.graph.cli import cli
from watchdesk.graph.watchlist import load_watchlist, parse_watchlist
from watchdesk.store.store import Store

# calls in the folder "calls", a copy of the briefing in "copies", both written relative (a file delivery "briefings"
# is the briefing folder itself: test_a_watchlist_run_with_out_writes_only_there.py)
WATCHLIST = FOLDERS.replace('"FOLDER"', '"calls"').replace('"never"', '"always"') + """
[[delivery]]
kind = "file"
path = "copies"
"""


def _desk(tmp_path: Path) -> Path:
    desk = tmp_path / "desk"
    (desk / "calls").mkdir(parents=True)
    (desk / "w.toml").write_text(WATCHLIST)
    (tmp_path / "elsewhere").mkdir()
    return desk


def test_relative_paths_are_read_from_the_watchlists_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    desk = _desk(tmp_path)
    monkeypatch.chdir(tmp_path / "elsewhere")
    wl = load_watchlist(Path("../desk/w.toml"))
    assert wl.tickers[0].transcripts[0].path == str(desk.resolve() / "calls")
    assert wl.delivery[0].path == str(desk.resolve() / "copies")
    absolute = load_watchlist(_written(tmp_path, WATCHLIST.replace('"calls"', f'"{tmp_path}/x"')))
    assert absolute.tickers[0].transcripts[0].path == f"{tmp_path}/x"  # an absolute path is kept as written
    home = load_watchlist(_written(tmp_path, WATCHLIST.replace('"calls"', '"~/calls"')))
    assert home.tickers[0].transcripts[0].path == "~/calls"  # the home folder, wherever it is run from
    dry = CliRunner().invoke(cli, ["run", "../desk/w.toml", "--dry-run"])
    assert dry.exit_code == 0 and "does not exist" not in dry.output, dry.output


def test_a_plan_approved_from_another_folder_reads_the_folder_it_names(
    shared_fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = shared_fixtures / "transcripts" / "plaintext_2023_2025" / "NVDA_2026_Q1.txt"
    if not call.exists():
        pytest.skip("the NVIDIA call is not in the fixtures")
    desk = _desk(tmp_path)
    shutil.copy(call, desk / "calls" / call.name)
    db = tmp_path / "w.duckdb"
    monkeypatch.chdir(desk)  # run where the watchlist is, as cron does
    waiting = CliRunner().invoke(cli, ["run", "w.toml", "--scheduled", "--db", str(db), "--out", str(tmp_path / "o")])
    assert "is awaiting approval" in waiting.output, waiting.output
    run_id = waiting.output.split("watchdesk approve ", 1)[1].split()[0]
    with Store.open(db, read_only=True) as store:
        ((plan,),) = store.query("SELECT plan FROM runs WHERE run_id = ?", [run_id])
    assert json.loads(plan)[0]["permission"] == f"fs:read:{desk / 'calls'}"
    monkeypatch.chdir(tmp_path / "elsewhere")  # the user approves it from another folder
    approved = CliRunner().invoke(cli, ["approve", run_id, "--yes", "--db", str(db)])
    assert approved.exit_code == 0, approved.output
    assert "this run: 1 document" in approved.output and "does not exist" not in approved.output, approved.output
    assert len(list((desk / "copies").glob("*.md"))) == 1  # the file delivery's folder beside the watchlist


def _written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "other.toml"
    path.write_text(text)
    return path


def test_a_run_approved_before_keeps_its_approval(tmp_path: Path) -> None:
    """A run approved before the paths were read from the watchlist's folder stored the fingerprint of the paths as
    written; `first:1` still counts it, where the next run asked again ("the watchlist changed")."""
    desk = _desk(tmp_path)
    (desk / "w.toml").write_text(WATCHLIST.replace('"always"', '"first:1"'))
    db, out = str(tmp_path / "w.duckdb"), str(tmp_path / "o")
    first = CliRunner().invoke(cli, ["run", str(desk / "w.toml"), "--yes", "--db", db, "--out", out])
    assert "plan approved" in first.output, first.output
    as_written = parse_watchlist(WATCHLIST.replace('"always"', '"first:1"')).fingerprint()
    with Store.open(db) as store:  # as the run was stored then
        store.query("UPDATE runs SET watchlist_hash = ?", [as_written])
    again = CliRunner().invoke(cli, ["run", str(desk / "w.toml"), "--scheduled", "--db", db, "--out", out])
    assert again.exit_code == 0 and "awaiting approval" not in again.output, again.output
    assert "changed since its last approved run" not in again.output
