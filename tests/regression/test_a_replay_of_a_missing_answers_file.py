"""Bug: `WATCHDESK_MODEL=replay:answers.jsonl watchdesk flag call.txt`, with answers.jsonl not made yet (a typo, or the
README's example run before answering), said "answers.jsonl: no recorded LLM answers (*.jsonl); record some with
WATCHDESK_LLM_RECORD", as if the file were an empty folder. A path that does not exist is now said to be missing, with
both ways to make answers; an empty folder keeps its message."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.agents.flagging.llm_record import Replay
from watchdesk.graph.cli import cli
from watchdesk.sources.errors import ConfigError


def test_a_missing_answers_file_is_said_to_be_missing(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        Replay(tmp_path / "answers.jsonl")
    assert str(err.value) == (
        f"{tmp_path / 'answers.jsonl'} does not exist: give WATCHDESK_MODEL=replay: a file of answers or a folder of "
        "*.jsonl files; record answers with WATCHDESK_LLM_RECORD=FOLDER and a real model, or answer the requests "
        "of `watchdesk flag --llm-requests`")
    with pytest.raises(ConfigError, match=r"no recorded LLM answers \(\*\.jsonl\)"):
        Replay(tmp_path)  # a folder that holds none


def test_the_cli_says_so_with_exit_2(tmp_path: Path) -> None:
    call = tmp_path / "call.txt"
    call.write_text("Operator: Welcome. Our channel inventory is now healthy, and supply is catching up.\n" * 20)
    env = {"WATCHDESK_MODEL": f"replay:{tmp_path / 'answers.jsonl'}"}
    result = CliRunner().invoke(cli, ["flag", str(call)], env=env)
    assert result.exit_code == 2 and not result.stdout
    assert "answers.jsonl does not exist" in result.stderr and "Traceback" not in result.stderr
