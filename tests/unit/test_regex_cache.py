"""The on-disk cache of compiled flagging regexes (issue 13, item 12): same patterns, any damage tolerated."""

from __future__ import annotations

import marshal
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from watchdesk.agents.flagging import regex_cache
from watchdesk.agents.flagging.cues import cues_for
from watchdesk.agents.flagging.topics import compile_topic, shipped_topics

PATTERNS = [(r"(?<!\w)(?:supply\s+chain|(?P<x>export)s?)(?!\w)", re.IGNORECASE), (r"[\s\-]+", 0), (r"a|b", re.I)]


@pytest.fixture()
def cache_dir(tmp_path: Path) -> Iterator[Path]:
    regex_cache.use_dir(tmp_path)
    yield tmp_path
    regex_cache.use_dir(None)


def test_a_pattern_from_the_cache_is_the_pattern_re_compiles(cache_dir: Path) -> None:
    first = [regex_cache.compile_cached(p, f) for p, f in PATTERNS]
    regex_cache.save()
    regex_cache.use_dir(None)
    regex_cache.use_dir(cache_dir)  # a new process, as far as the cache knows
    again = [regex_cache.compile_cached(p, f) for p, f in PATTERNS]
    assert first == again == [re.compile(p, f) for p, f in PATTERNS]  # equal: same flags, pattern and code
    assert again[0].groupindex == {"x": 1}


def test_a_damaged_cache_file_costs_only_speed(cache_dir: Path) -> None:
    regex_cache.compile_cached(*PATTERNS[0])
    regex_cache.save()
    path = regex_cache.cache_file(cache_dir)
    entries = {key: marshal.loads(raw) for key, raw in marshal.loads(path.read_bytes()).items()}
    for entry in entries.values():
        if isinstance(entry, list) and len(entry) == 4:
            entry[1] = [9999999, *entry[1]]  # code words the engine must refuse
    path.write_bytes(marshal.dumps({key: marshal.dumps(entry) for key, entry in entries.items()}))
    regex_cache.use_dir(None)
    regex_cache.use_dir(cache_dir)
    assert regex_cache.compile_cached(*PATTERNS[0]) == re.compile(*PATTERNS[0])
    path.write_bytes(b"not marshal data")
    regex_cache.use_dir(None)
    regex_cache.use_dir(cache_dir)
    assert regex_cache.compile_cached(*PATTERNS[1]) == re.compile(*PATTERNS[1])


def test_without_a_directory_nothing_is_written(tmp_path: Path) -> None:
    regex_cache.use_dir(None)
    regex_cache.compile_cached(r"memory only \d+")
    regex_cache.save()
    assert not list(tmp_path.iterdir())


def test_the_shipped_library_compiles_the_same_from_the_cache(cache_dir: Path) -> None:
    spec = next(s for s in shipped_topics() if s.name == "supply_chain")
    plain = compile_topic.__wrapped__(spec)
    regex_cache.save()
    regex_cache.use_dir(None)
    regex_cache.use_dir(cache_dir)
    cached = compile_topic.__wrapped__(spec)
    assert cached.regex == plain.regex and cached.keys == plain.keys
    assert cached.index is not None and plain.index is not None and cached.index.by_key == plain.index.by_key
    assert cues_for("supply_chain").scanner.pattern


def test_a_damaged_entry_is_computed_again(cache_dir: Path) -> None:
    regex_cache.compile_cached(*PATTERNS[2])
    regex_cache.save()
    path = regex_cache.cache_file(cache_dir)
    entries = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps({key: raw[:-3] for key, raw in entries.items()}))  # truncated entries
    regex_cache.use_dir(None)
    regex_cache.use_dir(cache_dir)
    assert regex_cache.compile_cached(*PATTERNS[2]) == re.compile(*PATTERNS[2])
    assert regex_cache.memo("t", "x", lambda: [1, 2], encode=list, decode=list) == [1, 2]


def test_an_oversized_cache_keeps_only_what_the_last_command_used(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries of edited topic files and old method versions are never asked for again: past _MAX_BYTES the next
    save keeps what that command used (one install had 291 MB, 0.3 s and 540 MB of memory per command)."""
    from watchdesk.sources import regex_cache as store

    for n in range(40):  # forty old patterns, then a new command that uses one of them and one new
        regex_cache.compile_cached(f"old{n}|" + "x" * 200)
    regex_cache.save()
    monkeypatch.setattr(store, "_MAX_BYTES", 2_000)
    regex_cache.use_dir(None)
    regex_cache.use_dir(cache_dir)
    regex_cache.compile_cached("old7|" + "x" * 200)
    regex_cache.compile_cached("new|y")
    regex_cache.save()
    kept = marshal.loads(regex_cache.cache_file(cache_dir).read_bytes())
    assert sorted(kept) == sorted(["c0:old7|" + "x" * 200, "c0:new|y"])
    regex_cache.use_dir(None)
    regex_cache.use_dir(cache_dir)
    assert regex_cache.compile_cached("old7|" + "x" * 200) == re.compile("old7|" + "x" * 200)


def test_a_killed_saves_temporary_file_is_removed_later_and_a_failed_save_leaves_none(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import time

    from watchdesk.sources import regex_cache as store

    stale, fresh = cache_dir / ".regex-stale.tmp", cache_dir / ".regex-fresh.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"partial")
    os.utime(stale, (time.time() - 2 * store._STALE_TMP,) * 2)
    regex_cache.compile_cached("a|c")
    regex_cache.save()
    assert not stale.exists() and fresh.exists()
    fresh.unlink()

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    regex_cache.compile_cached("d|e")
    monkeypatch.setattr(store.marshal, "dump", interrupted)
    with pytest.raises(KeyboardInterrupt):
        regex_cache.save()
    assert list(cache_dir.glob(".regex-*.tmp")) == []


def test_an_old_engines_cache_file_is_removed_once_unused(cache_dir: Path) -> None:
    """A Python upgrade or a new cache format names a new file (cache_file), and the old one, 15 MB or more with its
    Hyperscan databases, stayed for good. Ours (regex-*.marshal) and unread for STALE_FILE are removed; a file another
    Python still reads, and files of other names, stay."""
    import os
    import time

    from watchdesk.sources import regex_cache as store

    old, other, notes = cache_dir / "regex-0123456789abcdef.marshal", cache_dir / "regex-fedcba9876543210.marshal", (
        cache_dir / "notes.marshal")
    for path in (old, other, notes):
        path.write_bytes(marshal.dumps({}))
    for path in (old, notes):
        os.utime(path, (time.time() - 2 * store._STALE_FILE,) * 2)
    regex_cache.compile_cached("f|g")  # the first entry a command asks for loads the file
    assert not old.exists() and other.exists() and notes.exists()
    regex_cache.save()
    assert regex_cache.cache_file(cache_dir).exists()
