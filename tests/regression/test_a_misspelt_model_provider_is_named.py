"""WATCHDESK_MODEL=opnai:gpt-4o (a typo of the provider) warned "Unable to infer model provider for
model='opnai:gpt-4o'. Please specify 'model_provider' directly.": LangChain's words, which hide that the part before
the colon is a provider it does not know. Now the warning names that provider and the known one it is closest to; a
provider LangChain knows, or a model name it places by itself, still goes to LangChain as before. The LLM stays
optional: flags are printed with rule-based polarity, exit 0."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from watchdesk.agents.flagging.llm_judge import _unknown_provider
from watchdesk.graph.cli import cli


def test_a_misspelt_provider_is_named_with_the_closest_known_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATCHDESK_MODEL", "opnai:gpt-4o")
    result = CliRunner().invoke(cli, ["flag", "--text", "Channel inventory is now healthy."])
    assert result.exit_code == 0, result.output
    assert '"topic": "inventory"' in result.stdout
    (line,) = result.stderr.splitlines()
    assert line == ("warning: LLM judge not used: WATCHDESK_MODEL='opnai:gpt-4o' cannot be used (LangChain knows no "
                    "provider 'opnai'; did you mean openai?); give provider:model, e.g. openai:gpt-4o-mini; polarity "
                    "is rule-based"), line


@pytest.mark.parametrize("spec", ["openai:gpt-4o-mini", "anthropic:claude-x", "gpt-4o:x", "gpt4", "bogus"])
def test_known_providers_and_names_langchain_places_go_to_langchain(spec: str) -> None:
    assert _unknown_provider(spec) is None


def test_a_provider_near_nothing_lists_the_known_ones() -> None:
    said = _unknown_provider("zzz:model")
    assert said is not None and said.startswith("LangChain knows no provider 'zzz' (known: ") and "openai" in said
    assert _unknown_provider("OpenAI:gpt-4o") == "LangChain knows no provider 'OpenAI'; did you mean openai?"
