"""Bug: without WATCHDESK_SEC_IDENTITY, `watchdesk run watchlist.toml --dry-run` on `watchdesk init`'s watchlist
ended "watchlist.toml: valid" (exit 0), saying only that the tickers were not checked, while `watchdesk run
watchlist.toml` then stopped at once: "live mode needs SEC's required identity" (exit 2). A dry run now warns that
the run would stop, and where a scheduled run reads the identity; a watchlist that asks SEC nothing is not warned.

Then (a user's walkthrough): the dry run still said "valid" and exited 0 beside that warning. Its verdict and exit
status now agree with the run's: exit 2, saying the watchlist and plan are valid and why the run would stop."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.regression.test_transcript_folders_need_no_sec import FOLDERS
from watchdesk.graph.cli import cli

NO_IDENTITY = {"WATCHDESK_REPLAY": None, "WATCHDESK_SEC_IDENTITY": None}
VERDICT = ("the watchlist and its plan are valid, but `watchdesk run` here would stop before fetching (exit 2): "
           "WATCHDESK_SEC_IDENTITY is not set")


def test_a_dry_run_without_the_identity_says_the_run_would_stop(tmp_path: Path) -> None:
    wl = tmp_path / "watchlist.toml"
    runner = CliRunner(env=NO_IDENTITY)
    assert runner.invoke(cli, ["init", str(wl)]).exit_code == 0
    dry = runner.invoke(cli, ["run", str(wl), "--dry-run"])
    said = " ".join(dry.output.split())
    assert VERDICT in said and "~/.config/watchdesk/env" in said, said
    assert ": valid" not in said and "problem" not in said
    run = runner.invoke(cli, ["run", str(wl), "--db", str(tmp_path / "w.duckdb")])
    assert run.exit_code == 2 and "needs SEC's required identity" in run.output
    assert dry.exit_code == run.exit_code


def test_a_watchlist_that_asks_sec_nothing_is_not_warned(tmp_path: Path) -> None:
    wl = tmp_path / "calls.toml"
    wl.write_text(FOLDERS.replace("FOLDER", str(tmp_path)))  # transcript folders only, CIKs given
    dry = CliRunner(env=NO_IDENTITY).invoke(cli, ["run", str(wl), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "WATCHDESK_SEC_IDENTITY" not in dry.output


def test_a_ticker_not_looked_up_is_not_given_cik_0(tmp_path: Path) -> None:
    """A walkthrough (session 27): the same dry run planned `fetch_filings -> NVDA (CIK 0, "not checked")`, as if
    SEC had answered 0, and counted "(1 tickers;"."""
    wl = tmp_path / "w.toml"
    wl.write_text('[[tickers]]\nsymbol = "NVDA"\n')
    said = CliRunner(env=NO_IDENTITY).invoke(cli, ["run", str(wl), "--dry-run"]).output
    assert "fetch_filings -> NVDA (CIK not looked up)" in said and "CIK 0" not in said
    assert "(1 ticker; tickers NOT checked" in said
