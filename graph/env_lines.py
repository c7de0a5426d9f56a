"""The lines of the scheduled runs' env file that sh cannot read, found without saying any line's text (a line may hold
a password), so a command that reads the file can say which line to fix and read the others.

sh reads a sourced file command by command and stops at the first it cannot parse: an unterminated quote (which dash
reports at the end of the file, not where it opened), `A=(1 2)`, a stray `fi`. A scheduled run's cron line then
stops before watchdesk starts, so the line is worth naming exactly.
"""

from __future__ import annotations

import re
import subprocess

_SETS = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=")


def unreadable_lines(text: str) -> list[int]:
    """The numbers (from 1) of the lines that begin a command no later line completes: the lines sh cannot parse.
    A value quoted over several lines is one command, read whole."""
    lines = text.splitlines()
    bad: list[int] = []
    i = 0
    while i < len(lines) and not _parses(lines[i:]):
        end = next((j for j in range(i + 1, len(lines)) if _parses(lines[i:j])), None)
        if end is None:  # nothing after it completes it
            bad.append(i + 1)
            i += 1
        else:
            i = end
    return bad


def without_lines(text: str, numbers: list[int]) -> str:
    """`text` with those lines emptied (the others keep their numbers)."""
    return "\n".join("" if n in numbers else line for n, line in enumerate(text.splitlines(), start=1)) + "\n"


def lines_said(text: str, numbers: list[int]) -> str:
    """"line 2 (it sets BAD)" or "lines 2, 5": the numbers, and the variable each line sets when it reads as one."""
    lines = text.splitlines()
    each = [f"{n}" + (f" (it sets {m[1]})" if (m := _SETS.match(lines[n - 1])) else "") for n in numbers]
    return f"line{'s' if len(numbers) > 1 else ''} {', '.join(each)}"


def _parses(lines: list[str]) -> bool:
    done = subprocess.run(["sh", "-n"], input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=30,
                          check=False)  # fmt: skip
    return done.returncode == 0
