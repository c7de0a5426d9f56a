"""A review (session 45): `watchdesk flag` and `watchdesk plan "GOAL"` with WATCHDESK_MODEL send text to the model (its
host checked, llm44) but open no store, so nothing recorded that a request left the machine, nor where. Now stderr
says how many requests went to which host and how they ended, and that no audit row was written; their --help says
so. A real ChatOpenAI talks to the OpenAI-compatible stub on 127.0.0.1 of the sandbox test."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from tests.regression.test_the_llm_judges_requests_go_through_the_sandbox import KEY
from tests.regression.test_the_llm_judges_requests_go_through_the_sandbox import stub as stub  # the fixture
from watchdesk.graph.cli import cli

pytest.importorskip("langchain_openai")


def _env(base: str) -> dict[str, str | None]:
    return {"WATCHDESK_MODEL": "openai:gpt-4o-mini", "OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": base,
            "OPENAI_API_BASE": None, "WATCHDESK_LLM_RECORD": None}  # fmt: skip


def test_flag_says_how_many_requests_went_to_which_host(stub: tuple[str, list[dict[str, str]]]) -> None:
    base, seen = stub
    said = CliRunner(env=_env(base)).invoke(
        cli, ["flag", "--text", "Channel inventory is now healthy. Export controls cut our China sales."]
    )
    assert said.exit_code == 0, said.output
    n = len(seen)
    assert n >= 1
    line = f"model requests: {n} request{'s' * (n != 1)} to 127.0.0.1 ({n} ok), no audit row (`flag` opens no store)"
    assert line in said.stderr, said.stderr
    assert KEY not in said.output


def test_plan_says_where_its_request_went(stub: tuple[str, list[dict[str, str]]]) -> None:
    base, seen = stub
    goal = "Monitor NVIDIA filings weekly. Blorp the quux."  # two words the parser does not understand
    said = CliRunner(env=_env(base)).invoke(cli, ["plan", goal])
    assert said.exit_code == 0, said.output
    assert len(seen) == 1  # the parser left words it did not understand: the model was asked once
    assert ("goal: model requests: 1 request to 127.0.0.1 (1 ok); no audit row (a goal is planned before any run "
            "opens a store)") in said.stderr, said.stderr  # fmt: skip


def test_their_help_says_no_audit_row_is_written() -> None:
    for command in ("flag", "plan"):
        shown = " ".join(CliRunner().invoke(cli, [command, "--help"]).output.split())
        assert re.search(r"leave[s]? no audit row: stderr says", shown), (command, shown)
