"""Bug: `watchdesk schedule install` of a watchlist whose file target names no path said "each run writes its
briefing to OUT and delivers it to email pm@example.com and file briefing folder": the plan's name of that target
("file briefing folder") read as garbled prose, and as a second place beside OUT when it is OUT itself. Now install says
OUT is the briefing folder, the file target, and names the other targets as the plan does."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.test_an_email_target_without_the_smtp_setting_is_said_to_fail import WATCHLIST
from tests.regression.test_schedule_install_says_where_the_briefing_goes import cron_env
from watchdesk.graph.cli import cli

EMAIL = '[[delivery]]\nkind = "email"\nto = ["pm@example.com"]\n'
FOLDER = '[[delivery]]\nkind = "file"\n'


@pytest.mark.parametrize(("targets", "said"), [
    (EMAIL + FOLDER, "writes its briefing to {out} (the briefing folder, its file target) and delivers it to email "
     "pm@example.com; what it says"),
    (FOLDER, "writes its briefing to {out} (the briefing folder, its file target); what it says"),
    (FOLDER + '[[delivery]]\nkind = "file"\npath = "{copy}"\n', "writes its briefing to {out} (the briefing folder, "
     "its file target) and delivers it to file {copy}; what it says"),
    (EMAIL, "writes its briefing to {out} and delivers it to email pm@example.com; what it says"),
], ids=["email and folder", "folder", "folder and a copy", "email"])  # fmt: skip
def test_install_says_where_each_run_writes_and_sends_its_briefing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, targets: str, said: str
) -> None:
    cron_env(tmp_path, monkeypatch)
    wl, out, copy = tmp_path / "w.toml", tmp_path / "out", tmp_path / "copies"
    wl.write_text(WATCHLIST.replace(EMAIL + FOLDER, targets.format(copy=copy)), encoding="utf-8")
    result = CliRunner(env={"WATCHDESK_REPLAY": None}).invoke(cli, [
        "schedule", "install", str(wl), "--crontab-file", str(tmp_path / "tab"), "--db", str(tmp_path / "w.duckdb"),
        "--out", str(out)])  # fmt: skip
    text = " ".join(result.output.split())
    assert result.exit_code == 0, text
    assert said.format(out=out, copy=copy) in text, text
    assert "file briefing folder" not in text, text
