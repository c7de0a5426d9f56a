"""A review (session 44): `watchdesk run --dry-run` showed the plan's hosts but not the one the LLM judge
(WATCHDESK_MODEL) would send every flagged sentence to, nor that a model off the allow-list would not be used. The dry
run now names that host, or warns that the judge will not be used and why; a replay of recorded answers reaches none."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.test_transcript_folders_need_no_sec import FOLDERS
from watchdesk.graph.cli import cli

pytest.importorskip("langchain_openai")
KEY = "sk-test-0123456789abcdefSECRET"


def _dry(tmp_path: Path, **env: str | None) -> str:
    wl = tmp_path / "calls.toml"
    wl.write_text(FOLDERS.replace("FOLDER", str(tmp_path)))  # transcript folders only, CIKs given: no SEC
    base = {"WATCHDESK_REPLAY": None, "OPENAI_API_KEY": KEY, "OPENAI_API_BASE": None, "OPENAI_BASE_URL": None}
    dry = CliRunner(env=base | env).invoke(cli, ["run", str(wl), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert KEY not in dry.output
    return dry.output


def test_the_dry_run_names_the_models_host(tmp_path: Path) -> None:
    said = _dry(tmp_path, WATCHDESK_MODEL="openai:gpt-4o-mini")
    assert "LLM judge: openai:gpt-4o-mini, its requests to api.openai.com (an audit row each)" in said, said
    local = _dry(tmp_path, WATCHDESK_MODEL="openai:llama3.1", OPENAI_BASE_URL="http://localhost:11434/v1")
    assert "LLM judge: openai:llama3.1, its requests to localhost:11434" in local, local


def test_a_model_off_the_allow_list_is_warned(tmp_path: Path) -> None:
    said = " ".join(_dry(tmp_path, WATCHDESK_MODEL="openai:gpt-4o-mini",
                         OPENAI_BASE_URL="https://llm.example.net/v1").split())  # fmt: skip
    assert ("warning: LLM judge not used, polarity stays rule-based: WATCHDESK_MODEL='openai:gpt-4o-mini' cannot be "
            "used: its base URL https://llm.example.net/v1/ is refused (host 'llm.example.net' not allowed)") in said


def test_no_model_and_a_replay_reach_no_model_host(tmp_path: Path) -> None:
    assert "LLM judge" not in _dry(tmp_path, WATCHDESK_MODEL=None)
    assert "LLM judge" not in _dry(tmp_path, WATCHDESK_MODEL=f"replay:{tmp_path}")
