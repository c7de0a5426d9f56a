"""Bug (a new user's review of bad input): `watchdesk sentiment < /dev/zero` and `watchdesk flag --text - < /dev/zero`
read stdin whole, or a line of it, into memory until the kernel killed the process (exit 137 on the review's machine;
every other program on it short of memory meanwhile), where `--input /dev/zero` and `transcript parse /dev/zero` are
refused as devices. Now stdin is read up to a bound (256 MB for a document; 16 MB for one JSONL line) and more is bad
input said at once (exit 2). The commands run here under a 2 GB address-space limit, so that before the fix they fail
with a MemoryError instead of exhausting the test machine's memory."""

from __future__ import annotations

import resource
import subprocess
import sys

import pytest

from watchdesk.graph.cli import EXIT_CONFIG

_LIMIT = 2 * 1024**3
_LONG = "error: stdin gave more than 256 MB, more than any filing or call holds: check what is piped in, or pass a file"


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_LIMIT, _LIMIT))


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["sentiment"], "error: line 1 is longer than 16 MB, which no sentence is: give JSONL, one "),
        (["flag", "--text", "-"], _LONG),
        (["transcript", "parse", "-"], _LONG),
    ],
)
def test_an_endless_stdin_is_refused(args: list[str], said: str) -> None:
    with open("/dev/zero", "rb") as zeros:
        done = subprocess.run([sys.executable, "-m", "watchdesk.graph.cli", *args], stdin=zeros, capture_output=True,
                              text=True, timeout=120, preexec_fn=_bounded, check=False)  # fmt: skip
    assert done.returncode == EXIT_CONFIG, done.stderr[-2000:]
    assert done.stderr.startswith(said), done.stderr[-2000:]
