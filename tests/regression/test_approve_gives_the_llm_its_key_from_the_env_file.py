"""Task of this session (delivery7 left it): `watchdesk approve` takes from ~/.config/watchdesk/env only WATCHDESK_*
settings and the run's webhook variables, so with WATCHDESK_MODEL=openai:gpt-4o-mini and OPENAI_API_KEY kept there
(where a scheduled run, sourcing the whole file, has both), an approved run read the model's name and not its key:
the LLM judge's client found no key and the run's flags stayed rule-based, where the scheduled run would have judged
them. Now approve also takes the variables the model's provider reads (OPENAI_* for openai, by the names' start),
names them as it names the others (never their values), and puts them in the process's environment, where the
provider's client reads them; another provider's key and the file's other variables are left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_delivery import loopback_smtp
from tests.regression.test_approve_sends_the_email_a_scheduled_run_would_send import UNSET, _env_file, _waiting_run
from watchdesk.agents.flagging import llm_judge
from watchdesk.graph.cli import cli
from watchdesk.graph.cron_env import with_scheduled_settings
from watchdesk.sources.errors import ConfigError

KEYS = ("export OPENAI_API_KEY='sk-from-the-env-file'\nexport OPENAI_BASE_URL='http://127.0.0.1:9/v1'\n"
        "export ANTHROPIC_API_KEY='sk-ant-other'\nexport MY_TOKEN='s3cret'\n")


def _said(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("here", "in_file", "added"),
    [
        ({}, "export WATCHDESK_MODEL='openai:gpt-4o-mini'\n",
         ["OPENAI_API_KEY", "OPENAI_BASE_URL", "WATCHDESK_MODEL"]),
        ({"WATCHDESK_MODEL": "anthropic:claude-3-5-haiku-latest"}, "", []),  # refused: its key is of no use
        ({"WATCHDESK_MODEL": "gpt-4o-mini", "OPENAI_API_KEY": "sk-this-shell"}, "", ["OPENAI_BASE_URL"]),
        ({"WATCHDESK_MODEL": "replay:/answers"}, "", []),
        ({}, "", []),
    ],
)
def test_the_models_provider_variables_are_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, here: dict[str, str], in_file: str, added: list[str]
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    _env_file(tmp_path, KEYS + in_file)
    env, names, note = with_scheduled_settings({"HOME": "/h", **here}, home=str(tmp_path))
    assert (names, note) == (added, None)
    assert "MY_TOKEN" not in env and env.get("OPENAI_API_KEY") in {None, here.get("OPENAI_API_KEY"),
                                                                    "sk-from-the-env-file"}  # fmt: skip


def test_an_approved_runs_llm_judge_gets_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "WATCHDESK_MODEL"):  # restored after, whatever approve sets
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    seen: list[tuple[str, str | None]] = []

    def chat_model(spec: str, **_: object) -> object:  # the client is built where its key is read: here
        seen.append((spec, os.environ.get("OPENAI_API_KEY")))
        raise ConfigError("no model client in the tests")

    monkeypatch.setattr(llm_judge, "chat_model", chat_model)
    with loopback_smtp() as (port, received):
        smtp_url = f"smtp://127.0.0.1:{port}?from=desk@example.com"
        env = _env_file(tmp_path / "home", KEYS + f"export WATCHDESK_SMTP_URL='{smtp_url}'\n"
                                                  "export WATCHDESK_MODEL='openai:gpt-4o-mini'\n")  # fmt: skip
        run_id, db = _waiting_run(tmp_path, smtp_url)
        approved = CliRunner(env=UNSET).invoke(cli, ["approve", run_id, "--db", str(db)])
    said = _said(approved.output)
    assert approved.exit_code == 0, said
    assert seen == [("openai:gpt-4o-mini", "sk-from-the-env-file")], said
    assert (f"read OPENAI_API_KEY, OPENAI_BASE_URL, WATCHDESK_MODEL, WATCHDESK_SMTP_URL from {env} (not set in this "
            "shell), as a scheduled run reads it") in said, said
    assert "sk-from" not in said and "ANTHROPIC" not in said and "MY_TOKEN" not in said, said
    assert [e.rcpt_tos for e in received] == [["pm@example.com"]]
