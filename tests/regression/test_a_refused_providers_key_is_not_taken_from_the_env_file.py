"""A review (session 45): graph/llm_env.py listed ~30 providers (anthropic, bedrock, google, ollama, ...) whose
variables `watchdesk approve` took from ~/.config/watchdesk/env for a resumed run, though only openai: is sent through
watchdesk's client and every other provider is refused when the model is built: a refused provider's key
(ANTHROPIC_API_KEY, AWS_*) was read into the process for nothing. Now only a wired provider's variables are taken, and
`schedule install` notes a WATCHDESK_MODEL in the env file that the scheduled runs cannot use (a refused provider, or
openai's without OPENAI_API_KEY); it installs all the same (the LLM is optional)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.test_approve_gives_the_llm_its_key_from_the_env_file import KEYS
from tests.regression.test_approve_sends_the_email_a_scheduled_run_would_send import _env_file
from tests.regression.test_transcript_folders_need_no_sec import FOLDERS
from watchdesk.graph import llm_env
from watchdesk.graph.cli import cli
from watchdesk.graph.cron_env import with_scheduled_settings
from watchdesk.sources.llm_http import PROVIDER_HOSTS

MORE = "export AWS_SECRET_ACCESS_KEY='aws-secret'\nexport GOOGLE_API_KEY='g-key'\n"


@pytest.mark.parametrize("model", ["anthropic:claude-3-5-haiku-latest", "bedrock:anthropic.claude-v2",
                                   "google_genai:gemini-2.0-flash", "claude-3-5-haiku-latest"])  # fmt: skip
def test_a_refused_providers_variables_are_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    _env_file(tmp_path, KEYS + MORE)
    env, names, note = with_scheduled_settings({"WATCHDESK_MODEL": model}, home=str(tmp_path))
    assert (names, note) == ([], None), names
    assert with_scheduled_settings({"WATCHDESK_MODEL": "openai:gpt-4o-mini"}, home=str(tmp_path))[1] == [
        "OPENAI_API_KEY", "OPENAI_BASE_URL"]  # the wired provider's are taken, as before
    assert not {"ANTHROPIC_API_KEY", "AWS_SECRET_ACCESS_KEY", "GOOGLE_API_KEY"} & set(env)


def test_the_providers_whose_variables_are_taken_are_those_wired() -> None:
    assert set(llm_env._PREFIXES) == set(PROVIDER_HOSTS)


def test_install_notes_a_model_the_scheduled_runs_cannot_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "calls").mkdir()
    wl = tmp_path / "w.toml"
    wl.write_text(FOLDERS.replace("FOLDER", str(tmp_path / "calls")), encoding="utf-8")  # needs no setting
    args = ["schedule", "install", str(wl), "--crontab-file", str(tmp_path / "tab"), "--db", str(tmp_path / "w.db")]
    shell = {"WATCHDESK_MODEL": None, "OPENAI_API_KEY": None, "WATCHDESK_REPLAY": None}
    env = tmp_path / "home" / ".config" / "watchdesk" / "env"

    def install(text: str) -> str:
        env.parent.mkdir(parents=True, exist_ok=True)
        env.write_text(text, encoding="utf-8")
        env.chmod(0o600)
        result = CliRunner(env=shell).invoke(cli, args)
        assert result.exit_code == 0, result.output  # installed all the same
        return " ".join(result.stderr.split())

    said = install("export WATCHDESK_MODEL='anthropic:claude-x'\n")
    assert (f"note: {env}: WATCHDESK_MODEL='anthropic:claude-x' cannot be used (watchdesk cannot yet send "
            "anthropic's requests through its gateway") in said and "polarity stays rule-based" in said, said
    said = install("export WATCHDESK_MODEL='openai:gpt-4o-mini'\n")
    assert (f"note: {env} sets WATCHDESK_MODEL='openai:gpt-4o-mini' but not OPENAI_API_KEY (any value for a local "
            "server): the scheduled runs' LLM judge gets no answer") in said, said
    assert "note:" not in install("export WATCHDESK_MODEL='openai:gpt-4o-mini'\nexport OPENAI_API_KEY='sk-x'\n")
    assert "note:" not in install("export WATCHDESK_MODEL='replay:/answers'\n")
