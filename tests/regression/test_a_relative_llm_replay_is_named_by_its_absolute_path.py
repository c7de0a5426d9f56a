"""cli9 (a demanding user's leftovers; deb2c1b's "not done"): a replay pack given as a relative --replay is named by its
absolute path in every gap and error, but an LLM replay given as WATCHDESK_MODEL=replay:DIR was still named as typed:
"error: ans: no recorded LLM answers (*.jsonl)", "nope does not exist", "no recorded LLM answer in ans for request
...; record it with WATCHDESK_LLM_RECORD=ans", which mean nothing in a cron log or to a reader in another folder.
Each now names the folder absolute."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

TEXT = "Inventory rose sharply as demand slowed, and we took a write-down on excess inventory."


def _flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str) -> str:
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(cli, ["flag", "--text", TEXT], env={"WATCHDESK_MODEL": f"replay:{folder}"})
    assert done.exit_code in (1, 2), done.output  # 2: a setting; 1: a request it lacks (a replay must not fall back)
    return " ".join(done.stderr.split())


def test_a_missing_replay_folder_is_named_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    said = _flag(tmp_path, monkeypatch, "nope")
    assert f"{tmp_path / 'nope'} does not exist" in said, said  # before: "error: nope does not exist"


def test_an_empty_replay_folder_is_named_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "answers").mkdir()
    said = _flag(tmp_path, monkeypatch, "answers")
    assert f"{tmp_path / 'answers'}: no recorded LLM answers" in said, said


def test_a_request_the_replay_lacks_names_its_folder_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "answers").mkdir()
    (tmp_path / "answers" / "a.jsonl").write_text('{"key": "another request", "response": {}}\n')
    said = _flag(tmp_path, monkeypatch, "answers")
    assert f"no recorded LLM answer in {tmp_path / 'answers'} for request" in said, said
    assert f"WATCHDESK_LLM_RECORD={tmp_path / 'answers'} and a real model" in said, said
