"""Bug: each `watchdesk flag` of a filing (and each run that flagged one) compiled the pre-scan's Hyperscan
database afresh, about 2 s, though the regex cache keeps it for the next command. The database's key, its patterns
in order, followed the order of Python's string hashes, which change from one process to the next; so the next
process missed it, compiled it again and added another copy (about 1 MB) to the cache file."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import warmed_cache

pytest.importorskip("hyperscan", reason="the pre-scan needs hyperscan (Linux x86-64 wheel)")


def _flag(path: Path, cache: Path, seed: str) -> str:
    env = {**os.environ, "WATCHDESK_CACHE_DIR": str(cache), "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "watchdesk.graph.cli", "flag", str(path), "--topics", "supply_chain"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=True)
    return done.stdout


def test_a_second_flag_of_a_filing_compiles_nothing(edgar_fixtures: Path, tmp_path: Path) -> None:
    filing = edgar_fixtures / "filings" / "NVDA_10-Q_Q2FY2026_filed-2025-08-27.html"
    # from the warmed cache an install leaves: its databases were keyed in a process of another hash seed, so a key
    # that followed the seed is missed by both flags below and each adds its own
    first = _flag(filing, warmed_cache(tmp_path), "1")
    (kept,) = (tmp_path / "flagging").glob("regex-*.marshal")
    before = sorted(marshal.loads(kept.read_bytes()))
    assert _flag(filing, tmp_path, "2") == first
    assert sorted(marshal.loads(kept.read_bytes())) == before  # nothing new to keep: nothing was compiled
