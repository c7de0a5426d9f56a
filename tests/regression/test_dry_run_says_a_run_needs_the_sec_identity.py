"""Bug: without WATCHDESK_SEC_IDENTITY, `watchdesk run watchlist.toml --dry-run` on `watchdesk init`'s watchlist
ended "watchlist.toml: valid" (exit 0), saying only that the tickers were not checked, while `watchdesk run
watchlist.toml` then stopped at once: "live mode needs SEC's required identity" (exit 2). A dry run now warns that
the run would stop, and where a scheduled run reads the identity; a watchlist that asks SEC nothing is not warned."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.regression.test_transcript_folders_need_no_sec import FOLDERS
from watchdesk.graph.cli import cli

NO_IDENTITY = {"WATCHDESK_REPLAY": None, "WATCHDESK_SEC_IDENTITY": None}
WARNING = "warning: WATCHDESK_SEC_IDENTITY is not set here: `watchdesk run` would stop before fetching"


def test_a_dry_run_without_the_identity_says_the_run_would_stop(tmp_path: Path) -> None:
    wl = tmp_path / "watchlist.toml"
    runner = CliRunner(env=NO_IDENTITY)
    assert runner.invoke(cli, ["init", str(wl)]).exit_code == 0
    dry = runner.invoke(cli, ["run", str(wl), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert WARNING in dry.output and "~/.config/watchdesk/env" in dry.output
    run = runner.invoke(cli, ["run", str(wl), "--db", str(tmp_path / "w.duckdb")])
    assert run.exit_code == 2 and "needs SEC's required identity" in run.output


def test_a_watchlist_that_asks_sec_nothing_is_not_warned(tmp_path: Path) -> None:
    wl = tmp_path / "calls.toml"
    wl.write_text(FOLDERS.replace("FOLDER", str(tmp_path)))  # transcript folders only, CIKs given
    dry = CliRunner(env=NO_IDENTITY).invoke(cli, ["run", str(wl), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "WATCHDESK_SEC_IDENTITY" not in dry.output
