"""Bad input gets a clear message and a non-zero exit, and the database is never touched."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, EXIT_PIPE, cli
from watchdesk.graph.demo import demo_pack
from watchdesk.store.store import Store

GOOD_TICKER = '[[tickers]]\nsymbol = "NVDA"\n'


def run_cli(tmp_path: Path, watchlist_text: str, *extra: str) -> tuple[int, str, Path]:
    wl = tmp_path / "watchlist.toml"
    wl.write_text(watchlist_text)
    db = tmp_path / "wd.duckdb"
    args = [
        "run",
        str(wl),
        "--db",
        str(db),
        "--out",
        str(tmp_path / "out"),
        "--replay",
        str(demo_pack()),
        *extra,
    ]
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.output, db


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    code, out, db = run_cli(tmp_path, GOOD_TICKER + "[policy]\napproval = never\n")
    assert code == EXIT_CONFIG
    assert "watchlist.toml" in out and "line 4" in out
    assert not db.exists()


def test_wrong_field_type_names_the_field(tmp_path: Path) -> None:
    code, out, db = run_cli(tmp_path, GOOD_TICKER + '[filings]\nlookback_days = "ninety"\n')
    assert code == EXIT_CONFIG
    assert "filings.lookback_days" in out
    assert not db.exists()


def test_unknown_ticker_suggests_close_matches(tmp_path: Path) -> None:
    code, out, db = run_cli(tmp_path, '[[tickers]]\nsymbol = "NVDAA"\n')
    assert code == EXIT_CONFIG
    assert "NVDAA" in out and "NVDA" in out.split("did you mean", 1)[-1]
    assert not db.exists()


def test_bad_input_leaves_existing_db_untouched(tmp_path: Path, demo_store: Callable[[Path], Path]) -> None:
    db = tmp_path / "wd.duckdb"  # the demo's store where run_cli's run would write, kept there as a run would keep it
    shutil.copyfile(demo_store(tmp_path / "demo"), db)
    Store.open(db).close()
    before = (db.stat().st_mtime_ns, db.read_bytes())
    code, _, _ = run_cli(tmp_path, '[[tickers]]\nsymbol = "NVDIA"\n')
    assert code == EXIT_CONFIG
    assert (db.stat().st_mtime_ns, db.read_bytes()) == before


@pytest.mark.parametrize("missing", ["nope.toml"])
def test_missing_watchlist_file(tmp_path: Path, missing: str) -> None:
    result = CliRunner().invoke(cli, ["run", str(tmp_path / missing)])
    assert result.exit_code == EXIT_CONFIG
    assert "watchdesk init" in result.output


def test_live_mode_without_identity_says_what_to_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WATCHDESK_SEC_IDENTITY", raising=False)
    monkeypatch.delenv("WATCHDESK_REPLAY", raising=False)
    wl = tmp_path / "w.toml"
    wl.write_text(GOOD_TICKER)
    result = CliRunner().invoke(cli, ["run", str(wl), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == EXIT_CONFIG
    assert "WATCHDESK_SEC_IDENTITY=" in result.output
    assert not (tmp_path / "x.duckdb").exists()


def test_output_cut_short_by_its_reader_ends_quietly(tmp_path: Path) -> None:
    """`watchdesk flag call.txt | head`: when the reader closes the pipe, no "unexpected BrokenPipeError" (found
    2026-12-04) and no traceback; the status is SIGPIPE's (141), so `set -o pipefail` still sees the cut."""
    import subprocess
    import sys

    text = tmp_path / "call.txt"
    # 1,000 lines: about 400 KB of findings, six times what a pipe holds, so the writer meets the closed pipe
    text.write_text("Channel inventory came down again this quarter. Supply stayed tight.\n" * 1000, encoding="utf-8")
    script = "from watchdesk.graph.cli import main; main()"
    proc = subprocess.Popen(
        [sys.executable, "-c", script, "flag", str(text)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.read(200)
    proc.stdout.close()  # the reader goes away, as `head` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == EXIT_PIPE, err
    assert first.startswith(b'{"topic"') and err == ""


def test_a_run_whose_message_reader_goes_away_finishes_its_work(tmp_path: Path) -> None:
    """`watchdesk run wl.toml 2>&1 | head -2`: rich exited with status 1 at the first message after `head` left, so
    the run stopped half done and stayed "running (stale)" (a walkthrough, session 27). Now the messages stop, the
    run finishes and records itself done, and the cut output still ends with 141."""
    import subprocess
    import sys

    import duckdb

    wl = tmp_path / "watchlist.toml"
    wl.write_text(GOOD_TICKER)
    db = tmp_path / "wd.duckdb"
    script = "from watchdesk.graph.cli import main; main()"
    args = ["run", str(wl), "--db", str(db), "--out", str(tmp_path / "out"), "--replay", str(demo_pack())]
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader goes away after one line, as `head -1` does
    assert proc.wait(timeout=300) == EXIT_PIPE
    assert b"resolving tickers" in first
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT status FROM runs").fetchall() == [("done",)]
