"""Short commands import only what they use (issue 13: `watchdesk flag` starts in <= 0.3 s).

Timing a start-up in a test is noisy on a shared machine; what made it slow is not: pydantic (0.15-0.25 s),
DuckDB, the HTTP client, rich, lxml, LangGraph, or every command module at once. Each case runs a real command
in a fresh interpreter and lists the modules it ended up with.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

_PROBE = """
import json, sys
args, out = sys.argv[1:-1], sys.argv[-1]
sys.argv = ["watchdesk", *args]
from watchdesk.graph.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
with open(out, "w") as f:
    json.dump({"code": code, "modules": sorted(sys.modules)}, f)
"""

HEAVY = ("pydantic", "duckdb", "httpx", "rich", "jinja2", "lxml", "bs4", "langgraph", "langchain_core", "pypdf")


def loaded(tmp_path: Path, *args: str) -> set[str]:
    """Modules imported by `watchdesk ARGS` in a fresh process (the command must succeed)."""
    out = tmp_path / "modules.json"
    subprocess.run([sys.executable, "-c", _PROBE, *args, str(out)], check=True, capture_output=True, timeout=120)
    result = json.loads(out.read_text())
    assert result["code"] in (0, None), result["code"]
    return set(result["modules"])


def heavy(modules: set[str]) -> list[str]:
    return sorted({m.split(".")[0] for m in modules} & set(HEAVY))


def test_help_imports_no_command(tmp_path: Path) -> None:
    modules = loaded(tmp_path, "--help")
    # the group itself (cli_lazy, cli_group: its errors' handling) is no command
    commands = sorted(m for m in modules if m.startswith("watchdesk.graph.cli_")
                      and m not in ("watchdesk.graph.cli_lazy", "watchdesk.graph.cli_group"))
    assert commands == ["watchdesk.graph.cli_input"]  # the options `run` declares
    assert not any(m.startswith("watchdesk.agents") for m in modules)
    assert heavy(modules) == []


def test_flag_on_a_call_imports_nothing_heavy(tmp_path: Path, shared_fixtures: Path) -> None:
    call = shared_fixtures / "transcripts" / "plaintext_2023_2025" / "AMD_2024_Q1.txt"
    modules = loaded(tmp_path, "flag", str(call))
    assert "watchdesk.agents.flagging.document" in modules  # it did flag
    assert heavy(modules) == []
    assert not {"watchdesk.sources.filing_items", "watchdesk.sources.sections"} & modules  # filing readers


def test_edgar_list_imports_no_langgraph(tmp_path: Path) -> None:
    """`edgar list` fetches through the run's gateway, which lived in graph/runner.py beside the graph: the command
    imported LangGraph for it (2.8-3.5 s of CPU in all, 1.2 s since graph/run_gateway.py holds it)."""
    pack = Path(__file__).parents[2] / "sources" / "packs" / "demo"
    modules = loaded(tmp_path, "edgar", "list", "NVDA", "--replay", str(pack), "--forms", "10-Q")
    assert "watchdesk.graph.run_gateway" in modules  # it did fetch
    assert not {"langgraph", "langchain_core", "watchdesk.graph.runner"} & modules


@pytest.mark.parametrize("command", ["transcript", "edgar", "brief", "sentiment"])
def test_group_help_imports_nothing_heavy(tmp_path: Path, command: str) -> None:
    assert heavy(loaded(tmp_path, command, "--help")) == []
