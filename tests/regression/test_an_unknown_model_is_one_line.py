"""A new user's walkthrough: `WATCHDESK_MODEL=bogus watchdesk flag --text ...` warned in five lines: LangChain's whole
error, its list of 30 supported providers and a link, inside watchdesk's one-line warning. Now the warning is one line
with LangChain's first line, what to give and that polarity is rule-based; the flags are printed as before."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli


def test_an_unknown_model_is_warned_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATCHDESK_MODEL", "bogus")
    result = CliRunner().invoke(cli, ["flag", "--text", "Channel inventory is now healthy."])
    assert result.exit_code == 0, result.output
    assert '"topic": "inventory"' in result.stdout
    (line,) = result.stderr.splitlines()
    assert line == ("warning: LLM judge not used: WATCHDESK_MODEL='bogus' cannot be used (Unable to infer model "
                    "provider for model='bogus'. Please specify 'model_provider' directly.); give provider:model, e.g. "
                    "openai:gpt-4o-mini, and install that provider's langchain package; polarity is rule-based"), line
