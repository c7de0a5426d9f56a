"""A security review (session 23): `watchdesk flag` with an LLM judge printed the model client's error as it was
("...; 1 requests failed, the first: RuntimeError: 400 Client Error for url: https://generativelanguage.googleapis.com
/...?key=<the API key>"): Google's API takes its key in the URL, and its client names the URL when a call fails.
What watchdesk prints of a model's failure is now redacted, as every other message is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

SECRET = "AIzaS3cr3tK3y"


class FailingModel:
    """A chat model whose every call fails as a REST client's does, naming the URL with its key."""

    def with_structured_output(self, *_a: Any, **_k: Any) -> FailingModel:
        return self

    def invoke(self, *_a: Any, **_k: Any) -> Any:
        raise RuntimeError(
            "400 Client Error: Bad Request for url: "
            f"https://generativelanguage.googleapis.com/v1beta/models/gemini-flash:generateContent?key={SECRET}"
        )


def test_a_failed_llm_call_is_said_without_the_key(
    shared_fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("watchdesk.agents.flagging.llm_judge.chat_model", lambda _spec, **_k: FailingModel())
    call = shared_fixtures / "transcripts" / "plaintext_2023_2025" / "AMD_2024_Q1.txt"
    env = {"WATCHDESK_MODEL": "google_genai:gemini-flash", "WATCHDESK_LLM_RECORD": None}
    result = CliRunner(env=env).invoke(cli, ["flag", str(call)])
    assert result.exit_code == 0, result.output
    assert "requests failed, the first: RuntimeError: 400 Client Error" in result.output
    assert "?key=REDACTED" in result.output and SECRET not in result.output
