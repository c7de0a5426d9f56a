"""Bug: a watchlist written by `watchdesk init` (or by `watchdesk plan --out` before 2026-12) holds a file target
`path = "briefings"`, read as a folder of its own beside the watchlist, so `watchdesk run watchlist.toml --out X` wrote
the briefing to X and a copy to briefings/ beside the watchlist ("delivery file /home/me/desk/briefings: sent"). That
target is now the briefing folder itself: the run writes to X alone and says so ("note: ... no copy in ..."), and the
file keeps its approvals: a run approved before the change lets the next one start without asking."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.test_transcript_folders_need_no_sec import FOLDERS
from watchdesk.graph.cli import cli
from watchdesk.graph.watchlist import Delivery, Watchlist, load_watchlist, parse_watchlist
from watchdesk.store.store import Store

# a file target as `watchdesk init` wrote it, the calls in a folder beside the watchlist
WATCHLIST = FOLDERS.replace('"FOLDER"', '"calls"') + """
[[delivery]]
kind = "file"
path = "briefings"         # a relative path is read from this file's folder
"""


@pytest.fixture
def desk(shared_fixtures: Path, tmp_path: Path) -> Path:
    call = shared_fixtures / "transcripts" / "plaintext_2023_2025" / "NVDA_2026_Q1.txt"
    if not call.exists():
        pytest.skip("the NVIDIA call is not in the fixtures")
    desk = tmp_path / "desk"
    (desk / "calls").mkdir(parents=True)
    shutil.copy(call, desk / "calls" / call.name)
    (desk / "w.toml").write_text(WATCHLIST)
    return desk


def test_run_with_out_writes_the_briefing_there_alone(desk: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(desk)  # where the watchlist is, as cron runs it
    out = tmp_path / "out"
    said = CliRunner().invoke(cli, ["run", "w.toml", "--db", str(tmp_path / "d.duckdb"), "--out", str(out)])
    assert said.exit_code == 0, said.output
    text = " ".join(said.output.split())
    assert sorted(p.suffix for p in out.iterdir()) == [".html", ".md"]
    assert not (desk / "briefings").exists()  # before: a copy of both files
    assert "delivery file briefing folder: sent" in text
    assert (f'note: the watchlist\'s file delivery path = "briefings" (as `watchdesk init` and older `watchdesk plan '
            f"--out` wrote it) is the briefing folder: the briefing is written to {out} only, with no copy in "
            f"{desk.resolve() / 'briefings'}; name another folder there to get a copy") in text


def test_run_without_out_writes_beside_the_watchlist_once_and_says_nothing(desk: Path, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(desk)
    said = CliRunner().invoke(cli, ["run", "w.toml", "--db", str(tmp_path / "d.duckdb")])
    assert said.exit_code == 0, said.output
    assert sorted(p.suffix for p in (desk / "briefings").iterdir()) == [".html", ".md"]
    assert "note:" not in said.output and "delivery file briefing folder: sent" in said.output


def test_a_file_approved_before_keeps_its_approval(desk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs stored before held the target as written ("briefings") or made absolute: their approvals count."""
    (desk / "w.toml").write_text(WATCHLIST.replace('"never"', '"first:1"'))
    monkeypatch.chdir(desk)
    db, out = str(tmp_path / "d.duckdb"), str(tmp_path / "out")
    first = CliRunner().invoke(cli, ["run", "w.toml", "--yes", "--db", db, "--out", out])
    assert "plan approved" in first.output, first.output
    written = parse_watchlist(WATCHLIST.replace('"never"', '"first:1"'))
    before = _stored_before(written, desk)
    for fingerprint in (before.fingerprint(), written.fingerprint()):
        with Store.open(db) as store:
            store.query("UPDATE runs SET watchlist_hash = ?, watchlist_json = ?",
                        [fingerprint, before.model_dump_json()])
        again = CliRunner().invoke(cli, ["run", "w.toml", "--scheduled", "--db", db, "--out", out])
        assert again.exit_code == 0 and "awaiting approval" not in again.output, again.output
        assert "changed since its last approved run" not in again.output


def _stored_before(written: Watchlist, desk: Path) -> Watchlist:
    """`written` as a run stored it before the change: its paths made absolute under the watchlist's folder."""
    ticker = written.tickers[0]
    chain = (ticker.transcripts[0].model_copy(update={"path": str(desk.resolve() / "calls")}),)
    return written.model_copy(update={"tickers": (ticker.model_copy(update={"transcripts": chain}),),
                                      "delivery": (Delivery(kind="file", path=str(desk.resolve() / "briefings")),)})


def test_init_writes_a_file_target_naming_the_briefing_folder(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    assert CliRunner().invoke(cli, ["init", str(path)]).exit_code == 0
    assert load_watchlist(path).delivery == (Delivery(kind="file"),)
    assert 'path = "briefings"' not in path.read_text().replace('# path = "briefings"', "")


def test_why_a_run_waits_counts_the_approvals_of_the_file_before(desk: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The run counted the approval stored before the change; the reason `approve --show` gives counts it too."""
    (desk / "w.toml").write_text(WATCHLIST.replace('"never"', '"first:2"'))
    monkeypatch.chdir(desk)
    db, out = str(tmp_path / "d.duckdb"), str(tmp_path / "out")
    assert "plan approved" in CliRunner().invoke(cli, ["run", "w.toml", "--yes", "--db", db, "--out", out]).output
    before = _stored_before(parse_watchlist(WATCHLIST.replace('"never"', '"first:2"')), desk)
    with Store.open(db) as store:
        store.query("UPDATE runs SET watchlist_hash = ?, watchlist_json = ?", [before.fingerprint(),
                                                                               before.model_dump_json()])
    waiting = CliRunner().invoke(cli, ["run", "w.toml", "--scheduled", "--db", db, "--out", out])
    assert "is awaiting approval" in waiting.output, waiting.output
    run_id = waiting.output.split("watchdesk approve ", 1)[1].split()[0]
    shown = CliRunner().invoke(cli, ["approve", run_id, "--show", "--db", db])
    assert "1 approved before this run started" in " ".join(shown.output.split()), shown.output
