"""Bug: the notice a run awaiting approval leaves (AWAITING-APPROVAL-RUN_ID.md, and the same text sent to the e-mail
and Slack targets) repeated --db as it was given: a run started with `--db "my store/w.duckdb"` in a project folder
said `watchdesk approve RUN --db my store/w.duckdb`, which, pasted by a user in any other folder (or at all, with the
space), found no database. Now the notice names the database whole and quoted for a shell; both of its commands,
pasted in another folder, show the run and answer it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import cli


def test_the_notice_commands_run_from_another_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    (project / "w.toml").write_text(WATCHLIST.replace('approval = "never"', 'approval = "always"'), encoding="utf-8")
    pack = nvidia_pack(tmp_path / "pack")
    monkeypatch.chdir(project)
    waiting = CliRunner().invoke(cli, ["run", "w.toml", "--scheduled", "--replay", str(pack), "--db",
                                       "my store/w.duckdb", "--out", "out"])  # fmt: skip
    (notice,) = (project / "out").glob("AWAITING-APPROVAL-*.md")
    text = notice.read_text(encoding="utf-8")
    run_id = notice.stem.removeprefix("AWAITING-APPROVAL-")
    db = shlex.quote(str(project / "my store" / "w.duckdb"))
    assert f"See it again with: watchdesk approve {run_id} --show --db {db}\n" in text, (text, waiting.output)
    assert f"Approve it with: watchdesk approve {run_id} --db {db} (" in text, text

    monkeypatch.chdir(elsewhere)
    show, approve = (shlex.split(m) for m in re.findall(r"with: (watchdesk approve .*?)(?: \(|\n|$)", text))
    shown = CliRunner().invoke(cli, show[1:])
    assert shown.exit_code == 0 and f"run {run_id} of nvda 10-q: awaiting approval" in shown.output, shown.output
    # "--reject rejects it", as the notice says: the run found and answered, without fetching and flagging it again
    rejected = CliRunner().invoke(cli, [*approve[1:], "--reject"])
    assert rejected.exit_code == 0, rejected.output
    assert not notice.exists()  # answering it removes the notice
