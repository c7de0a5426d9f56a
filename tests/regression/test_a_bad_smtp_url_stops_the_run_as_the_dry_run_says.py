"""Bug: `run --dry-run` listed a malformed WATCHDESK_SMTP_URL as a problem (exit 2), while `run` went ahead, fetched,
flagged and briefed, and failed only at delivery (exit 1, "not delivered (email ...: failed)"). A run now refuses it
before fetching anything, with the dry run's words (exit 2): nothing is lost, since nothing was done."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.regression.test_transcript_folders_need_no_sec import FOLDERS
from watchdesk.graph.cli import cli

EMAIL = '\n[[delivery]]\nkind = "email"\nto = ["pm@example.com"]\n'
BAD = "WATCHDESK_SMTP_URL must look like smtp://host:587 or smtps://host"


def test_a_run_refuses_a_bad_smtp_url_before_fetching(tmp_path: Path) -> None:
    (tmp_path / "calls").mkdir()
    wl = tmp_path / "w.toml"
    wl.write_text(FOLDERS.replace("FOLDER", str(tmp_path / "calls")).replace(
        'approval = "never"', 'approval = "never"\nallowed_recipients = ["pm@example.com"]') + EMAIL)
    env = {"WATCHDESK_SMTP_URL": "smtp//mail.example.com:587"}  # the colon left out
    args = ["run", str(wl), "--db", str(tmp_path / "w.duckdb"), "--out", str(tmp_path / "out")]
    dry = CliRunner(env=env).invoke(cli, [*args, "--dry-run"])
    assert dry.exit_code == 2 and f"  - delivery: {BAD}" in dry.output, dry.output
    real = CliRunner(env=env).invoke(cli, args)
    assert real.exit_code == 2, real.output
    assert f"nothing was fetched: 1 problem:\n  - delivery: {BAD}" in real.output
    assert not (tmp_path / "w.duckdb").exists() and not (tmp_path / "out").exists()
