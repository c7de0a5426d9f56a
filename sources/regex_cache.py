"""The flagging regexes (and the transcript parsers'), compiled once and kept on disk, so a short command does not
pay for Python's compiler.

The topic library and the polarity cues are a few hundred large case-insensitive regexes. Python parses and compiles a
pattern in Python code, 3-4 s for all of them on a busy 2-core machine, against 0.02 s for the C engine to load the
compiled form. This module keeps, per pattern string, that compiled form (the engine's code words, as `re._compiler`
hands them to `_sre.compile`) and the pre-filter's analyses of it, in one file under the cache directory the command
line names (`use_dir`). The file is in `marshal` format (as trusted as the bytecode Python keeps in __pycache__, so
read only when no other user may have written it): it loads in a fifth of JSON's time. Each entry is marshalled on its
own and decoded only when asked for: a command pays for the entries it uses, not for every pattern and model any
command ever kept there, and the code words of a pattern, lists gone once the engine has copied them, are never walked
by the garbage collector (decoding the whole 6 MB file at once was most of a short command's start-up). The engine
validates code words when it loads them; a file from another Python, a damaged file, or any failure at all falls back
to `re.compile`, so the cache can cost speed but never a match. The file is bounded: past _MAX_BYTES a save keeps only
the entries its command used, and temporary files of killed saves are removed, as are other engines' files (an older
Python's, an older format's) that nothing has read for two weeks.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import json
import marshal
import os
import re
import sys
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_sre: Any
_compiler: Any
_parser: Any
try:  # private modules, as in agents/flagging/prefilter.py; without them every pattern is compiled by `re`
    _sre = importlib.import_module("_sre")
    _compiler = importlib.import_module("re._compiler")
    _parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _sre = _compiler = _parser = None

_FORMAT = 3  # bump when what is stored changes (3: each entry marshalled on its own)
_MAX_ENTRIES = 20_000  # past this (patterns of many edited topic files) the file starts afresh
# Past this many bytes of entries the next save keeps only what that command used. Every edit of a topic file, and
# every new method version, adds entries (a Hyperscan database is about 1 MB) and none is ever dropped: one install
# had 291 MB after a few weeks, and loading it cost each command 0.3 s and 540 MB of memory (a full cache for the
# shipped topics is about 12 MB).
_MAX_BYTES = 48 * 2**20
_STALE_TMP = 3600.0  # seconds: a save's temporary file older than this was left by a killed process
# Seconds: another engine's cache file (an older Python, an older _FORMAT) neither read nor written for this long is
# dead; a Python upgrade left one of 15 MB or more for good. Another install still using its file reads it daily.
_STALE_FILE = 14 * 86400.0
_CACHE_NAME = re.compile(r"regex-[0-9a-f]{16}\.marshal")
_lock = threading.Lock()
_state: dict[str, Any] = {  # entries: key -> bytes; used: the keys this process read or wrote; code: code_stamp()
    "dir": None, "entries": None, "dirty": False, "hooked": False, "used": set(), "oversized": False, "seen": None,
    "code": None,
}  # fmt: skip
_MISSING: Any = object()
_said: set[Path] = set()  # cache files refused (_others_can_write) and said so, once a process
_parsed: dict[tuple[str, int], Any] = {}  # (pattern, flags) -> the parse tree compile_cached made last


def use_dir(path: Path | None) -> None:
    """Keep the cache in `path` (None: memory only, the default, so tests and libraries write nothing)."""
    with _lock:
        if path != _state["dir"]:
            _state.update(dir=path, entries=None, used=set(), oversized=False, seen=None)


def directory() -> Path | None:
    """The folder use_dir() named last (None: memory only)."""
    named: Path | None = _state["dir"]
    return named


def cache_file(directory: Path) -> Path:
    """One file per Python build and regex engine: compiled code is only valid for the engine that made it."""
    engine = f"{sys.version}|{getattr(_sre, 'MAGIC', 0)}|{getattr(_sre, 'CODESIZE', 0)}|{_FORMAT}"
    key = engine.encode()  # zlib's checksums, not hashlib's: loading OpenSSL cost every command ~5 ms
    return directory / f"regex-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.marshal"


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache when it holds the pattern."""
    flags = int(flags)
    key = f"c{flags}:{pattern}"
    stored = _stored(key)
    if stored is not _MISSING and (compiled := _load_code(pattern, stored)) is not None:
        return compiled
    if _parser is None:
        return re.compile(pattern, flags)
    parsed = _parser.parse(pattern, flags)  # what re.compile does, keeping the code words it makes
    entry = [flags | parsed.state.flags, [int(c) for c in _compiler._code(parsed, flags)], parsed.state.groups - 1,
             dict(parsed.state.groupdict)]  # fmt: skip
    compiled = _load_code(pattern, entry)
    if compiled is None:
        return re.compile(pattern, flags)
    _put(key, entry)
    if len(_parsed) > 2048:  # kept until the twin of each pattern is made (casefold.py), soon after
        _parsed.clear()
    _parsed[(pattern, compiled.flags)] = parsed  # compile_rewritten spares parsing it again
    return compiled


def compile_rewritten(pattern: str, flags: int, tag: str, rewrite: Callable[[Any], bool]) -> re.Pattern[str] | None:
    """`pattern` parsed with `flags`, its parse tree rewritten in place by `rewrite`, compiled (and cached under
    `tag`); None when `rewrite` returns False (it cannot rewrite that tree) or the private modules are missing."""
    key = _analysis_key(f"{tag}{int(flags)}", pattern)  # the tree is rewritten by code: under its stamp too
    stored = _stored(key)
    if stored == 0:
        return None
    if stored is not _MISSING and (compiled := _load_code(pattern, stored)) is not None:
        return compiled
    if _parser is None:
        return None
    try:
        parsed = _parsed.pop((pattern, int(flags)), None) or _parser.parse(pattern, flags)
        ok = rewrite(parsed)
        entry = [int(parsed.state.flags), [int(c) for c in _compiler._code(parsed, 0)], parsed.state.groups - 1,
                 dict(parsed.state.groupdict)] if ok else 0  # fmt: skip
    except (re.error, RecursionError):
        entry = 0
    compiled = _load_code(pattern, entry) if entry else None
    _put(key, entry if compiled is not None else 0)
    return compiled


def _load_code(pattern: str, entry: Any) -> re.Pattern[str] | None:
    """The engine's pattern object from stored code words; None when they do not load."""
    try:
        final_flags, code, groups, groupindex = entry
        indexgroup: list[str | None] = [None] * (groups + 1)
        for name, index in groupindex.items():
            indexgroup[index] = name
        compiled: re.Pattern[str] = _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
    except Exception:  # a damaged or foreign entry: the caller compiles afresh
        return None
    return compiled


def memo(
    kind: str, pattern: str, compute: Callable[[], T], *, encode: Callable[[T], Any], decode: Callable[[Any], T]
) -> T:
    """`compute()`, an analysis of `pattern`, remembered across processes as `encode(value)` under the code's stamp
    (code_stamp()): a watchdesk whose flagging code differs computes it again."""
    key = _analysis_key(kind, pattern)
    stored = _stored(key)
    if stored is not _MISSING:
        with contextlib.suppress(Exception):
            return decode(stored)
    value = compute()
    _put(key, encode(value))
    return value


def forget(kind: str, pattern: str) -> None:
    """Drop what memo() keeps for `pattern` under `kind` (an entry that decodes but no longer serves, such as a
    Hyperscan database another version wrote): the next memo() computes it again and keeps the new value."""
    key = _analysis_key(kind, pattern)
    with _lock:
        entries = _state["entries"]
        if entries is not None and entries.pop(key, None) is not None:
            _state["dirty"] = True
            _hook()


def shipped_json(path: Path) -> tuple[dict[str, Any], str]:
    """A shipped JSON file's data, parsed once and then loaded from the cache's file (marshal is ~5x faster than
    json on model weights), and a key naming its content (zlib checksum and length: no hashlib at start-up)."""
    raw = path.read_bytes()
    key = f"{zlib.crc32(raw):08x}{len(raw):08x}"
    data = memo("json", f"{path.name}:{key}", lambda: json.loads(raw.decode("utf-8")), encode=_same, decode=_a_dict)
    return data, key


def shipped_head(
    path: Path, head: Callable[[dict[str, Any]], dict[str, Any]], *, kind: str
) -> tuple[dict[str, Any], str]:
    """`head(data)` of a shipped JSON file (its small part: a model's biases, not its weights) and the file's key, as
    shipped_json() gives them, kept in the cache apart from the whole data: a command that needs no more than the
    head (the weights' compiled tables are kept apart too) does not decode the rest. `kind` names what `head` keeps
    (change it when `head` changes)."""
    raw = path.read_bytes()
    key = f"{zlib.crc32(raw):08x}{len(raw):08x}"
    data = memo(kind, f"{path.name}:{key}", lambda: head(shipped_json(path)[0]), encode=_same, decode=_a_dict)
    return data, key  # (a miss parses the file once: the whole data is kept too, for when it is asked for)


# The code whose results memo() and compile_rewritten() keep: the flagging package (the analyses of patterns, the
# rewrites, the models' tables) and this module. Found beside this file in a checkout and in an installed package.
_CODE = (Path(__file__).resolve().parent.parent / "agents" / "flagging", Path(__file__).resolve())


def code_stamp() -> str:
    """A checksum of the code whose results the cache keeps beside compiled patterns (_CODE's .py files, names and
    contents: about 0.34 MB read once per process, ~1 ms). An entry made by other code is not read: before, an
    analysis was keyed by its pattern and a kind renamed by hand when its code changed, so a change made without the
    rename (to multiscan._loose, say) left every install's cache serving the old analysis. Compiled patterns
    (compile_cached) depend on the engine alone and are kept across code changes."""
    stamp: str | None = _state.get("code")
    if stamp is None:
        crc = 0
        folder, module = _CODE
        files = [module, *sorted(folder.rglob("*.py"))] if folder.is_dir() else [module]
        for path in files:
            with contextlib.suppress(OSError):  # a file gone meanwhile: the stamp still names what was read
                crc = zlib.crc32(path.read_bytes(), zlib.crc32(path.name.encode(), crc))
        stamp = _state["code"] = f"{crc:08x}{len(files):04x}"
    return stamp


def _analysis_key(kind: str, pattern: str) -> str:
    return f"{kind}@{code_stamp()}:{pattern}"


def _same(value: T) -> T:
    return value


def _a_dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):  # a damaged entry: memo() parses the file again
        raise TypeError("cached JSON is not an object")
    return value


def _stored(key: str) -> Any:
    """The entry kept under `key`, decoded (a fresh copy); _MISSING when there is none or it does not decode."""
    raw = _entries().get(key)
    if raw is None:
        return _MISSING
    _state["used"].add(key)
    try:
        return marshal.loads(raw)
    except Exception:  # damaged, or not bytes at all: the caller computes the entry afresh
        return _MISSING


def _entries() -> dict[str, bytes]:
    entries = _state["entries"]
    if entries is None:
        with _lock:
            if _state["dir"] is not None:
                _state["seen"] = _stamp(cache_file(_state["dir"]))  # before reading: a save since is merged
            entries = _state["entries"] = _load(_state["dir"])
            if sum(map(len, entries.values())) > _MAX_BYTES:  # pruned when this command saves (save())
                _state["oversized"] = True
                _hook()
    return entries


def _load(directory: Path | None) -> dict[str, bytes]:
    if directory is None:
        return {}
    _remove_old_files(directory)
    try:
        with cache_file(directory).open("rb") as file:
            if why := _others_can_write(directory, os.fstat(file.fileno())):
                _say_once(cache_file(directory), why)
                return {}
            data = marshal.loads(file.read())
    except Exception:  # unreadable, truncated or not marshal data: start afresh
        return {}
    return data if isinstance(data, dict) and len(data) < _MAX_ENTRIES else {}


def _others_can_write(directory: Path, file: os.stat_result) -> str | None:
    """Why another local user could have written the cache file, as ssh asks of a key, or None. Whoever writes it
    chooses what marshal builds and the engine runs: it is read only when it is ours and no one else may write it.
    Checked on the open file, so a file swapped in after the check is not the one read. Its folder may be writable by
    its group (umask 002 made every such folder so): a member can swap in only a file of their own, which is refused."""
    me = os.getuid()
    if file.st_uid != me:
        return f"it is owned by another user (uid {file.st_uid})"
    if file.st_mode & 0o022:
        return f"others may write it (mode {file.st_mode & 0o777:04o}): `chmod 600 {cache_file(directory)}`"
    folder = directory.stat()
    if folder.st_uid not in (me, 0):
        return f"its folder {directory} is owned by another user (uid {folder.st_uid})"
    if folder.st_mode & 0o002 and not folder.st_mode & 0o1000:
        return f"anyone may write its folder {directory} (mode {folder.st_mode & 0o777:04o}): `chmod 700 {directory}`"
    return None


def _say_once(path: Path, why: str) -> None:
    if path not in _said:
        import logging  # said only here: a command that starts without it need not import it

        _said.add(path)
        logging.getLogger(__name__).warning("%s not read (compiled patterns, compiled afresh): %s", path, why)


def _put(key: str, value: Any) -> None:
    try:
        raw = marshal.dumps(value)
    except ValueError:  # not marshal data (an encoder's mistake): not kept, computed again next time
        return
    with _lock:
        if _state["entries"] is None:
            _state["entries"] = {}
        _state["entries"][key] = raw
        _state["used"].add(key)
        _state["dirty"] = True
        _hook()


def _hook() -> None:
    if not _state["hooked"] and _state["dir"] is not None:
        atexit.register(_save_at_exit)
        _state["hooked"] = True


def _save_at_exit() -> None:
    """save() as the process ends. A Ctrl-C landing in it, once the command's output is all written, leaves this run's
    new entries unsaved (the cache only costs speed; save() removes its partial file) and no Python traceback
    ("Exception ignored in atexit callback ... KeyboardInterrupt") under the finished output."""
    with contextlib.suppress(KeyboardInterrupt):
        save()


def save() -> str | None:
    """Write new entries, atomically: a temporary file renamed over the cache's, so a reader never sees half a file
    and of two processes saving at once one's file wins whole. Entries another process saved since this one loaded
    the file are kept too (merged), so two commands (or test workers) compiling different patterns do not undo each
    other's work. Past _MAX_BYTES only the entries this command used are kept; temporary files that killed processes
    left behind are removed. Returns why the file could not be written (a read-only or missing folder: the cache only
    costs speed, nothing is raised), None when it was written or there was nothing new to write."""
    with _lock:
        directory, entries = _state["dir"], _state["entries"]
        if directory is None or entries is None or not (_state["dirty"] or _state["oversized"]):
            return None
        if _state["oversized"] or sum(map(len, entries.values())) > _MAX_BYTES:
            entries = _state["entries"] = {k: v for k, v in entries.items() if k in _state["used"]}
            _state["oversized"] = False
        else:
            _merge_saved(directory, entries)
        import tempfile  # only a command that compiled something new writes: the others need not import it

        try:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)  # its own, whatever the umask
            _remove_stale(directory)
            fd, tmp = tempfile.mkstemp(dir=directory, prefix=".regex-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as out:
                    marshal.dump(entries, out)
                os.replace(tmp, cache_file(directory))
            except BaseException:  # interrupted or failed: leave no partial file behind
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError as exc:  # a read-only home, a full disk, a file where the folder should be
            return f"{exc.strerror or exc} ({exc.filename or directory})"
        _state["dirty"] = False
        _state["seen"] = _stamp(cache_file(directory))
        return None


def _stamp(path: Path) -> tuple[int, int] | None:
    """The file's modification time and size, None when it is missing: whether another process saved since."""
    try:
        seen = path.stat()
    except OSError:
        return None
    return seen.st_mtime_ns, seen.st_size


def _merge_saved(directory: Path, entries: dict[str, bytes]) -> None:
    """Add to `entries` those another process saved since this one loaded the file (this process's own win)."""
    if _stamp(cache_file(directory)) == _state["seen"]:
        return
    saved = _load(directory)
    if len(saved) + len(entries) < _MAX_ENTRIES and sum(map(len, saved.values())) < _MAX_BYTES:
        for key, raw in saved.items():
            entries.setdefault(key, raw)


def _remove_stale(directory: Path) -> None:
    """Temporary files of saves whose process was killed before it could rename or remove them."""
    import time

    limit = time.time() - _STALE_TMP
    for path in directory.glob(".regex-*.tmp"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < limit:
                path.unlink()


def _remove_old_files(directory: Path) -> None:
    """Other engines' cache files (ours by name) that nothing has read or written for _STALE_FILE."""
    import time

    limit, current = time.time() - _STALE_FILE, cache_file(directory).name
    with contextlib.suppress(OSError):  # a directory not made yet, or not ours to list
        for path in directory.glob("regex-*.marshal"):
            if path.name == current or not _CACHE_NAME.fullmatch(path.name):
                continue
            with contextlib.suppress(OSError):
                seen = path.stat()
                if max(seen.st_atime, seen.st_mtime) < limit:
                    path.unlink()
