"""tests/conftest.py puts the longest test files first so that, under two workers, the suite ends on short tests and
neither worker idles through the other's last long one. test_a_terminated_run_says_how_to_resume.py was not in its
list: its SIGTERM test (a run started, stopped mid-run, then approved) ran last in a full run, 22 s at load average 17,
while the other worker had nothing left. Now it is collected ahead of files named before it; and a file the list
names that no longer exists (renamed, removed) would drop out of it unseen, so each must exist."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests import conftest

REPO = Path(__file__).resolve().parents[2]
TERMINATED = "tests/regression/test_a_terminated_run_says_how_to_resume.py"


def test_every_file_the_long_first_list_names_exists() -> None:
    missing = [name for name in conftest._LONG_FIRST if not (REPO / name).is_file()]
    assert missing == []


def test_the_terminated_run_tests_are_collected_first() -> None:
    shorter = "tests/regression/test_a_table_line_is_never_wider_than_the_terminal.py"
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--collect-only",
                           shorter, TERMINATED], cwd=REPO, capture_output=True, text=True, check=False)  # fmt: skip
    ids = [line for line in done.stdout.splitlines() if "::" in line]
    ours = sum(node.startswith(TERMINATED + "::") for node in ids)
    assert ours and all(node.startswith(TERMINATED + "::") for node in ids[:ours]), done.stdout[-800:]
    assert len(ids) > ours  # the shorter file's tests were collected too, after them
