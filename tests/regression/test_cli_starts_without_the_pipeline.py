"""`watchdesk sentiment`, `--help` and the other light commands must not pay for the pipeline's imports.

The CLI module used to import the demo pack, the watchlist model and the SEC gateway at start-up, so every command,
`watchdesk --help` included, took about 1.5 s before doing anything (DuckDB, httpx and pydantic); piping a few
sentences through `watchdesk sentiment` was dominated by it. Those imports now happen inside the commands that use
them; `--help` and `sentiment` start in about 0.4 s.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("duckdb", "httpx", "langgraph", "langchain_core", "pydantic")


def test_importing_the_cli_loads_none_of_the_pipeline() -> None:
    code = (
        "import sys, watchdesk.graph.cli\n"
        f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"the CLI imports {out} at start-up"
