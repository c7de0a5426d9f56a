"""Bug (the session's bad-input review): `watchdesk flag call.json > /dev/full` (and `sentiment`, `transcript parse`)
said "the disk is full (...): what was stored so far is kept; free some space, then run the command again", though
these commands store nothing: their output is what met the full disk. Now they say the disk is full and what to do,
and commands that store (run, demo, approve) still say what was kept (test_a_full_disk_is_said_to_be.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DEV_FULL = Path("/dev/full")


@pytest.mark.skipif(not DEV_FULL.exists(), reason="no /dev/full on this system to write a full disk's output to")
@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["flag", "--text", "Channel inventory is healthy and supply is tight."], ""),
        (["sentiment", "-"], '{"id": 1, "text": "Inventory is healthy."}\n'),
    ],
)
def test_a_printing_command_on_a_full_disk_says_so_without_a_store(args: list[str], stdin: str) -> None:
    with DEV_FULL.open("w") as full:
        done = subprocess.run([sys.executable, "-m", "watchdesk.graph.cli", *args], input=stdin, stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "error: the disk is full (No space left on device): free some space, then run the command again" in (
        done.stderr), done.stderr
    assert "stored" not in done.stderr and "unexpected" not in done.stderr, done.stderr
