"""user7's review, left: `watchdesk run ... --replay .watchdesk/demo-replay-...` named the pack in every gap as typed
("not in the recording: ... (replay pack .watchdesk/demo-replay-b842da85efe7; ...)"), and those gaps go into the
briefing, which is read from another folder (or mailed): the path meant nothing there. The pack is now named by its
absolute path, wherever the command was run from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


def test_a_gap_names_the_pack_by_its_absolute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(demo_pack(), tmp_path / "pk")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WATCHDESK_SEC_IDENTITY", "Jane Analyst jane@example.com")
    result = CliRunner().invoke(cli, ["edgar", "list", "ASML", "--replay", "pk"])  # ASML's listing is not recorded
    said = " ".join(result.output.split())
    listing = "https://data.sec.gov/submissions/CIK0000937966.json"
    assert f"not in the recording: {listing} (replay pack {tmp_path / 'pk'};" in said, said
