"""Found (session 45, llm45): with WATCHDESK_MODEL=openai:gpt-4o-mini and no OPENAI_API_KEY, building the model raised
openai's own OpenAIError ("Missing credentials"), which chat_model did not turn into its ConfigError: `watchdesk run`
stopped with "unexpected OpenAIError ...; please report it" (exit 1) after resolving tickers, and so did `run --dry-run`
and `plan`, where README promises a model that cannot be built is one warning line and rule-based polarity. Now it is
that line, naming the variable to set."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.test_transcript_folders_need_no_sec import FOLDERS
from watchdesk.agents.flagging.llm_judge import chat_model
from watchdesk.graph import runner
from watchdesk.graph.cli import cli
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.errors import ConfigError

pytest.importorskip("langchain_openai")
NO_KEY = {"OPENAI_API_KEY": None, "OPENAI_ADMIN_KEY": None, "OPENAI_BASE_URL": None, "OPENAI_API_BASE": None}
SAID = "cannot be used (Missing credentials."


@pytest.fixture
def no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in NO_KEY:
        monkeypatch.delenv(name, raising=False)


@pytest.mark.usefixtures("no_key")
def test_the_model_is_refused_naming_the_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"cannot be used \(Missing credentials.*\); set what it asks for .*"
                                          "OPENAI_API_KEY for openai:"):  # fmt: skip
        chat_model("openai:gpt-4o-mini")
    (tmp_path / "calls").mkdir()
    watchlist = parse_watchlist(FOLDERS.replace("FOLDER", str(tmp_path / "calls")))
    said: list[str] = []
    outcome = runner.start_run(watchlist, Settings(db_path=tmp_path / "w.duckdb", out_dir=tmp_path / "out",
                                                   progress=False, model="openai:gpt-4o-mini"), report=said.append)
    assert outcome.status == "done"
    assert any(line.startswith("LLM judge not used, polarity stays rule-based: ") and SAID in line for line in said)


def test_the_dry_run_and_plan_warn_and_go_on(tmp_path: Path) -> None:
    wl = tmp_path / "w.toml"
    wl.write_text(FOLDERS.replace("FOLDER", str(tmp_path)))
    env = {**NO_KEY, "WATCHDESK_MODEL": "openai:gpt-4o-mini", "WATCHDESK_REPLAY": None}
    dry = CliRunner(env=env).invoke(cli, ["run", str(wl), "--dry-run"])
    assert dry.exit_code == 0 and "warning: LLM judge not used" in dry.output and SAID in dry.output, dry.output
    planned = CliRunner(env=env).invoke(cli, ["plan", "Monitor NVIDIA filings weekly. Blorp the quux."])
    assert planned.exit_code == 0, planned.output
    assert "goal: LLM not used, the parser's plan stands" in planned.stderr and SAID in planned.stderr
