"""The on-disk cache of compiled flagging regexes (issue 13, item 12): same patterns, any damage tolerated."""

from __future__ import annotations

import marshal
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from watchdesk.agents.flagging import regex_cache
from watchdesk.agents.flagging.cues import cues_for
from watchdesk.agents.flagging.topics import compile_topic, shipped_topics
from watchdesk.sources import regex_cache as shared_cache  # its state and code_stamp

PATTERNS = [(r"(?<!\w)(?:supply\s+chain|(?P<x>export)s?)(?!\w)", re.IGNORECASE), (r"[\s\-]+", 0), (r"a|b", re.I)]


@pytest.fixture()
def cache_dir(tmp_path: Path) -> Iterator[Path]:
    before = regex_cache.directory()  # the test process's own (tests/conftest.py), put back after
    regex_cache.use_dir(tmp_path)
    yield tmp_path
    regex_cache.use_dir(before)


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


def test_without_a_directory_nothing_is_written(cache_dir: Path) -> None:
    regex_cache.use_dir(None)
    regex_cache.compile_cached(r"memory only \d+")
    regex_cache.save()
    assert not list(cache_dir.iterdir())


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


def test_an_edited_pattern_is_compiled_afresh_and_the_old_one_still_loads(cache_dir: Path) -> None:
    """Entries are keyed by the pattern's text and flags: an edited topic pattern is a new key, never the old code."""
    regex_cache.compile_cached(r"(?<!\w)inventor(?:y|ies)(?!\w)", re.I)
    regex_cache.save()
    regex_cache.use_dir(None)
    regex_cache.use_dir(cache_dir)
    edited = regex_cache.compile_cached(r"(?<!\w)stock(?:piles?)?(?!\w)", re.I)
    assert edited == re.compile(r"(?<!\w)stock(?:piles?)?(?!\w)", re.I) and edited.search("Stockpiles rose")
    assert regex_cache.compile_cached(r"(?<!\w)inventor(?:y|ies)(?!\w)", re.I).search("Inventories fell")


def test_a_hyperscan_database_this_hyperscan_cannot_load_is_compiled_again_and_kept(cache_dir: Path) -> None:
    """A database is keyed by the Hyperscan version that compiled it; one that still does not load (another CPU, a
    damaged entry) was compiled afresh by every command and never replaced. Now the new one takes its place."""
    hs = pytest.importorskip("hyperscan")
    from watchdesk.agents.flagging import multiscan

    patterns = (r"supply\s+chain", r"export\s+controls?")
    translated = tuple(t for p in patterns if (t := multiscan.loose(p)) is not None)
    key = f"{hs.__version__}\0" + "\0".join(translated)
    regex_cache.memo("hsdb", key, lambda: b"not a database", encode=bytes, decode=bytes)  # what another CPU left
    multiscan._compiled.cache_clear()
    scanner = multiscan.scanner(patterns)
    assert scanner is not None and {i for i, _ in scanner.matches(b"our supply chain and export controls")} == {0, 1}
    regex_cache.save()
    regex_cache.use_dir(None)
    regex_cache.use_dir(cache_dir)  # a new process: the database is loaded, not compiled
    kept = regex_cache.memo("hsdb", key, lambda: pytest.fail("compiled again"), encode=bytes, decode=bytes)
    assert hs.loadb(kept, hs.HS_MODE_BLOCK) is not None
    multiscan._compiled.cache_clear()


def test_a_read_only_cache_folder_costs_only_speed(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder the user cannot write (a read-only home, a full disk): the save says why and raises nothing; the
    patterns are compiled and match as from a writable cache."""
    import tempfile

    def refused(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied", str(cache_dir))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    assert regex_cache.compile_cached(*PATTERNS[0]) == re.compile(*PATTERNS[0])
    assert regex_cache.save() == f"Permission denied ({cache_dir})"
    assert not regex_cache.cache_file(cache_dir).exists() and not list(cache_dir.glob(".regex-*"))
    monkeypatch.undo()
    assert regex_cache.save() is None and regex_cache.cache_file(cache_dir).exists()  # kept once it can be


def test_a_cache_folder_that_cannot_be_made_costs_only_speed(tmp_path: Path) -> None:
    before = regex_cache.directory()
    (tmp_path / "a-file").write_text("not a folder")
    regex_cache.use_dir(tmp_path / "a-file" / "flagging")
    try:
        assert regex_cache.compile_cached(*PATTERNS[1]) == re.compile(*PATTERNS[1])
        assert "Not a directory" in (regex_cache.save() or "")
    finally:
        regex_cache.use_dir(before)


def test_what_another_process_saved_meanwhile_is_kept_by_the_next_save(cache_dir: Path) -> None:
    """Two commands (or test workers) load the cache, compile different patterns and save: before, the last save's
    file replaced the first's and its patterns were compiled again by the next command."""
    regex_cache.compile_cached("mine|ours")  # this process has loaded the (empty) file
    other = _save_in_another_process(cache_dir, ["theirs|yours"])
    assert other.returncode == 0, other.stderr
    regex_cache.save()
    kept = marshal.loads(regex_cache.cache_file(cache_dir).read_bytes())
    assert {"c0:mine|ours", "c0:theirs|yours"} <= set(kept)


def test_processes_saving_at_once_leave_a_whole_file_and_no_temporary_ones(cache_dir: Path) -> None:
    """Each save writes a temporary file and renames it over the cache's: whatever the interleaving, a reader finds
    a whole file (one that loads, every entry the engine's code for its pattern), never half of one."""
    import subprocess
    import sys

    saver = [sys.executable, "-c", _SAVER, str(cache_dir)]
    procs = [
        subprocess.Popen([*saver, *[f"w{w}p{n}|z" for n in range(60)]], stderr=subprocess.PIPE, text=True)
        for w in range(6)
    ]
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    kept = marshal.loads(regex_cache.cache_file(cache_dir).read_bytes())
    assert any(all(f"c0:w{w}p{n}|z" in kept for n in range(60)) for w in range(6))  # the last writer's, whole
    for key, raw in kept.items():
        pattern = key.split(":", 1)[1]
        assert regex_cache.compile_cached(pattern) == re.compile(pattern)
        assert marshal.loads(raw)
    assert list(cache_dir.glob(".regex-*.tmp")) == []


_SAVER = """
import sys, time
from watchdesk.agents.flagging import regex_cache
regex_cache.use_dir(__import__("pathlib").Path(sys.argv[1]))
for pattern in sys.argv[2:]:
    regex_cache.compile_cached(pattern)
for _ in range(5):  # save again and again, as other processes do
    regex_cache.compile_cached(f"again{time.perf_counter_ns()}|z")
    problem = regex_cache.save()
    assert problem is None, problem
"""


def _save_in_another_process(folder: Path, patterns: list[str]) -> Any:
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", _SAVER, str(folder), *patterns], capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip


# An analysis of a pattern (what multiscan, prefilter, heads and the models' tables compute) is kept under a checksum
# of the code that made it (regex_cache.code_stamp): before, it was keyed by its pattern and a kind renamed by hand,
# so a change of that code made without the rename left every install's cache serving the old analysis. Compiled
# patterns depend on the regex engine alone and stay.
def _as_a_new_process(cache_dir: Path, stamp: str | None) -> None:
    regex_cache.save()
    regex_cache.use_dir(None)
    regex_cache.use_dir(cache_dir)
    shared_cache._state["code"] = stamp  # None: computed from the code, as a new process does


@pytest.fixture()
def stamp_after() -> Iterator[None]:
    yield
    shared_cache._state["code"] = None  # computed from the code again, as before the test


def test_an_analysis_made_by_other_code_is_computed_again_and_one_of_this_code_is_read(
    cache_dir: Path, stamp_after: None
) -> None:
    calls: list[str] = []

    def analyse(version: str) -> str:
        calls.append(version)
        return version

    assert regex_cache.memo("loose", "supply chain", lambda: analyse("old code"), encode=str, decode=str) == "old code"
    compiled = regex_cache.compile_cached(r"(?<!\w)export(?!\w)")
    _as_a_new_process(cache_dir, None)  # the same code: the analysis is read, not computed
    assert regex_cache.memo("loose", "supply chain", lambda: analyse("again"), encode=str, decode=str) == "old code"
    assert calls == ["old code"]
    _as_a_new_process(cache_dir, "0" * 12)  # other code (an upgrade, or an edit of multiscan._loose)
    assert regex_cache.memo("loose", "supply chain", lambda: analyse("new code"), encode=str, decode=str) == "new code"
    assert calls == ["old code", "new code"]
    assert regex_cache.compile_cached(r"(?<!\w)export(?!\w)") == compiled == re.compile(r"(?<!\w)export(?!\w)")
    assert shared_cache._state["used"] >= {r"c0:(?<!\w)export(?!\w)"}  # the compiled pattern came from the file


def test_the_code_stamp_is_the_flagging_codes_and_stable(stamp_after: None) -> None:
    shared_cache._state["code"] = None
    first = shared_cache.code_stamp()
    shared_cache._state["code"] = None
    assert shared_cache.code_stamp() == first and re.fullmatch(r"[0-9a-f]{12}", first)
    folder, module = shared_cache._CODE
    assert (folder / "multiscan.py").is_file() and module.name == "regex_cache.py"
