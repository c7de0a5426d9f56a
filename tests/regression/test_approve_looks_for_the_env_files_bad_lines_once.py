"""Found re-reading graph/cron_env.py: when sh could not source ~/.config/watchdesk/env whole, `watchdesk approve`
looked for the lines to blame twice: once for cron_environment's error (_bad_said), whose words were then used only
when the file's other lines could not be read either, and again in _readable_part to leave them out. Each look runs
`sh -n` over the file's lines (a ten-line file with a bad line in its middle: 15 runs, so 30). Now the lines are
looked for once; what approve reads and says is unchanged
(test_a_bad_line_in_the_env_file_is_named_and_approve_goes_on.py).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.regression.test_approve_sends_the_email_a_scheduled_run_would_send import _env_file
from watchdesk.graph.cron_env import with_scheduled_settings
from watchdesk.graph.env_lines import unreadable_lines

LINES = [f"export WATCHDESK_SETTING_{i}='value {i}'" for i in range(9)]


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one for each `sh -n` this process runs."""
    runs: list[int] = []
    real: Callable[..., Any] = subprocess.run

    def run(args: Any, *rest: Any, **options: Any) -> Any:
        if list(args[:2]) == ["sh", "-n"]:
            runs.append(1)
        return real(args, *rest, **options)

    monkeypatch.setattr(subprocess, "run", run)
    return runs


@pytest.mark.parametrize("bad", ["export BAD_PASSWORD='unclosed", "exit 3"])
def test_the_bad_lines_are_looked_for_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bad: str) -> None:
    text = "\n".join([*LINES[:4], bad, *LINES[4:]]) + "\n"
    _env_file(tmp_path / "home", text)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    runs = _counting(monkeypatch)
    unreadable_lines(text)
    one_look = len(runs)
    runs.clear()
    env, added, note = with_scheduled_settings({}, home=str(tmp_path / "home"))
    assert len(runs) == one_look > 0
    assert note is not None and "BAD_PASSWORD" not in env and "unclosed" not in note
    assert len(added) == (9 if bad.startswith("export") else 0)
