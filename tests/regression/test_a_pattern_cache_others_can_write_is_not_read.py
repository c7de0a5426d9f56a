"""Session 44's attack round: the compiled-pattern cache (sources/regex_cache.py) is marshal data whose code words the
regex engine runs, read from the cache folder whoever wrote it. A cache file another local user could write (a file
writable by its group or others, one owned by another user, or one in a folder anyone may write) decided what every
topic pattern matches, and marshal is no format to read from a stranger. Now such a file is not read, as ssh refuses
such a key: the patterns are compiled afresh, the reason (and the chmod that fixes it) is logged once, and the next
save puts the process's own file (mode 600) in its place. A folder writable by its group is kept (umask 002 made every
such folder so): a member can only swap in a file of their own, which is refused."""

from __future__ import annotations

import logging
import marshal
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from watchdesk.agents.flagging import regex_cache

PATTERN, OTHER = r"supply\s+chain", r"anything\s+at\s+all"


@pytest.fixture()
def planted(tmp_path: Path) -> Iterator[Path]:
    """A cache folder whose file says PATTERN compiles to OTHER's code: what whoever writes the file may choose."""
    before = regex_cache.directory()
    folder = tmp_path / "flagging"
    regex_cache.use_dir(folder)
    regex_cache.compile_cached(PATTERN)
    regex_cache.compile_cached(OTHER)
    regex_cache.save()
    path = regex_cache.cache_file(folder)
    entries = marshal.loads(path.read_bytes())
    entries[f"c0:{PATTERN}"] = entries[f"c0:{OTHER}"]
    path.write_bytes(marshal.dumps(entries))
    yield folder
    regex_cache.use_dir(before)


def _read_again(folder: Path) -> re.Pattern[str]:
    regex_cache.use_dir(None)
    regex_cache.use_dir(folder)  # a new process, as far as the cache knows
    return regex_cache.compile_cached(PATTERN)


def test_our_own_file_is_read(planted: Path) -> None:
    assert (planted.stat().st_mode & 0o777, regex_cache.cache_file(planted).stat().st_mode & 0o777) == (0o700, 0o600)
    assert _read_again(planted).search("anything at all")  # the file decides: hence who may write it matters


@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666], ids=oct)
def test_a_file_others_may_write_is_not_read_and_is_replaced(
    planted: Path, mode: int, caplog: pytest.LogCaptureFixture
) -> None:
    path = regex_cache.cache_file(planted)
    path.chmod(mode)
    with caplog.at_level(logging.WARNING):
        assert _read_again(planted).search("supply  chain") and _read_again(planted).pattern == PATTERN
    said = [r.getMessage() for r in caplog.records if str(path) in r.getMessage()]
    assert len(said) == 1 and f"mode {mode:04o}" in said[0] and f"chmod 600 {path}" in said[0], said
    regex_cache.save()  # the process's own file takes its place
    assert path.stat().st_mode & 0o777 == 0o600
    assert not _read_again(planted).search("anything at all")


def test_a_file_of_another_user_is_not_read(planted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    owner = regex_cache.cache_file(planted).stat().st_uid
    monkeypatch.setattr(os, "getuid", lambda: owner + 1)
    assert not _read_again(planted).search("anything at all")


@pytest.mark.parametrize(("mode", "read"), [(0o777, False), (0o1777, True), (0o775, True)], ids=["777", "1777", "775"])
def test_a_folder_anyone_may_write_is_not_read_from(planted: Path, mode: int, read: bool) -> None:
    planted.chmod(mode)
    assert bool(_read_again(planted).search("anything at all")) is read
