"""A review (2026-12): `watchdesk plan` with WATCHDESK_MODEL printed a model client's error whole ("goal: LLM failed
(RuntimeError: 400 Client Error: Bad Request for url: https://generativelanguage.googleapis.com/...?key=<the API
key>)"): Google's client names the request URL, key and all. `watchdesk flag` redacted the same error; the goal path
now does too, and so does the message of a model that cannot be built."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from watchdesk.graph.goal.llm import fill_with_model, model_for
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

GOAL = ("Monitor earnings call transcripts for NVIDIA, TSMC and ASML for the next quarter. Flag any mentions of "
        "inventory adjustments or geopolitical supply chain risks. Summarize the sentiment weekly.")
KEY = "AIzaSyD-0123456789abcdefghijklmnopqrstu"
URL = f"https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key={KEY}"


class Failing:
    """A chat model whose every call fails as a REST client's does, naming the URL with its key."""

    def with_structured_output(self, *_a: Any, **_k: Any) -> Failing:
        return self

    def invoke(self, _messages: Any) -> Any:
        raise RuntimeError(f"400 Client Error: Bad Request for url: {URL}")


def test_the_key_in_a_model_error_is_not_printed() -> None:
    said: list[str] = []
    plan = parse_goal(GOAL, as_of=date(2026, 12, 1))
    assert fill_with_model(plan, model=Failing(), as_of=date(2026, 12, 1), report=said.append) is plan
    assert len(said) == 1 and "goal: LLM failed (RuntimeError: 400 Client Error" in said[0], said
    assert "?key=REDACTED" in said[0] and KEY not in said[0]


def test_the_key_in_a_model_that_cannot_be_built_is_not_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_spec: str, **_k: Any) -> Any:
        raise ConfigError(f"WATCHDESK_MODEL='google_genai:gemini' cannot be used (bad api_key={KEY})")

    monkeypatch.setattr("watchdesk.agents.flagging.llm_judge.chat_model", refuse)
    said: list[str] = []
    assert model_for("google_genai:gemini", report=said.append) is None
    assert len(said) == 1 and said[0].startswith("goal: LLM not used, the parser's plan stands:"), said
    assert KEY not in said[0]
