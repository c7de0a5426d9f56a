"""`watchdesk flag --warm-cache` over a cache that holds more than this watchdesk uses (an older version's analyses
and Hyperscan databases, kept under another code stamp) leaves the file a cold warm-up would: before, a warm-up that
found everything it needed wrote nothing, so an upgrade's install kept every older version's entries, which each
command loaded (0.05-0.1 s of CPU for 30 MB), and the test session's warm-up could not start from the install's cache
without handing its workers a file twice the size. What the warm-up read is kept, the models' whole data beside the
head it read (a later command reads the rest)."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import warmed_cache
from watchdesk.sources.regex_cache import cache_file

OLDER = "hsdb@0123456789ab:an older watchdesk's database"


def _warm_up(cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "watchdesk.graph.cli", "flag", "--warm-cache"],
        env={**os.environ, "WATCHDESK_CACHE_DIR": str(cache)}, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_a_warm_up_over_an_older_versions_entries_keeps_what_a_cold_one_keeps(tmp_path: Path) -> None:
    cache = warmed_cache(tmp_path / "cache")  # what the session's warm-up kept, as an install leaves it
    if not cache_file(cache / "flagging").is_file():  # one test process: no warm-up was shared, so make one
        assert _warm_up(cache).returncode == 0
    path = cache_file(cache / "flagging")
    cold = marshal.loads(path.read_bytes())
    assert any(key.startswith("json@") for key in cold)  # a model's whole data is in what a cold warm-up keeps
    path.write_bytes(marshal.dumps({**cold, OLDER: b"\x00" * 100_000}))

    warmed = _warm_up(cache)

    assert warmed.returncode == 0, warmed.stderr
    kept = marshal.loads(path.read_bytes())
    assert OLDER not in kept
    assert kept.keys() == cold.keys()
